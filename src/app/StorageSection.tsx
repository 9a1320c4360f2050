// The home view's Storage card: whether the browser keeps Powermap's data for good, how much
// space it uses and has, and what a refusal means, with a button to ask again.
import { useCallback, useEffect, useState } from 'react';
import { askForPersistentStorage, lastPersistenceAnswer, onPersistenceAnswer, readStorageStatus, type StorageStatus } from '../persistence/persistent-storage';

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** "840 bytes", "1.2 MB", "118 GB" (decimal units, as disks and browsers count). */
export function formatBytes(bytes: number, locale?: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: BYTE_UNITS[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value);
}

function Space({ usage, quota }: { usage: number | null; quota: number | null }) {
  if (usage === null && quota === null) return <p className="pm-hint">The browser does not say how much space Powermap uses.</p>;
  return (
    <dl className="pm-safety__facts">
      {usage !== null ? (
        <div>
          <dt>Used</dt>
          <dd>{formatBytes(usage)}</dd>
        </div>
      ) : null}
      {quota !== null ? (
        <div>
          <dt>Available</dt>
          <dd>{formatBytes(Math.max(0, quota - (usage ?? 0)))}</dd>
        </div>
      ) : null}
    </dl>
  );
}

export function StorageSection() {
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const [asking, setAsking] = useState(false);
  const [askedHere, setAskedHere] = useState(false);

  const read = useCallback(() => readStorageStatus().then(setStatus), []);
  useEffect(() => {
    void read();
    // The first change made on the home view (a rename, an import) asks; show the answer.
    return onPersistenceAnswer(() => void read());
  }, [read]);

  const askAgain = async () => {
    setAsking(true);
    await askForPersistentStorage();
    setAskedHere(true);
    setAsking(false);
  };

  const space = status?.reported ? <Space usage={status.usage} quota={status.quota} /> : null;
  let state: React.ReactNode = null;
  if (status && !status.reported) {
    state = (
      <>
        <p className="pm-safety__status">This browser does not report storage.</p>
        <p className="pm-hint">It may still clear Powermap's data when space runs low. Keep a backup of your maps.</p>
      </>
    );
  } else if (status?.persisted === true) {
    state = (
      <p className="pm-safety__status pm-safety__status--good">
        <span className="pm-segmented__icon pm-safety__badge" aria-hidden="true">✓</span>
        Persistent: this browser keeps your maps until you delete them.
      </p>
    );
    state = (
      <>
        {state}
        {space}
      </>
    );
  } else if (status) {
    const refused = askedHere || lastPersistenceAnswer() === false;
    state = (
      <>
        <p className="pm-safety__status pm-safety__status--warn">
          <span className="pm-segmented__icon pm-safety__badge" aria-hidden="true">!</span>
          {refused ? 'Not persistent: the browser refused.' : 'Not persistent yet.'}
        </p>
        {space}
        <p className="pm-hint">
          {refused
            ? 'The browser may delete Powermap’s data, maps and snapshots included, when the disk runs low. Make a backup to keep a copy you control. Browsers decide by themselves; bookmarking Powermap or installing it as an app often helps.'
            : 'Powermap asks the browser to keep its data at your first change. Until then the browser may delete it when the disk runs low.'}
        </p>
        <div className="pm-safety__actions">
          <button type="button" onClick={() => void askAgain()} disabled={asking}>
            {refused ? 'Ask again' : 'Ask now'}
          </button>
        </div>
      </>
    );
  }

  return (
    <section className="pm-safety__card" aria-labelledby="pm-storage-title" aria-busy={status === null}>
      <h3 id="pm-storage-title">Storage</h3>
      {status === null ? <p className="pm-hint">Asking the browser…</p> : state}
    </section>
  );
}
