// The home view's Storage card: whether the browser keeps Powermap's data for good, how much
// space it uses and has, and what a refusal means, with a button to ask again.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { askForPersistentStorage, lastPersistenceAnswer, onPersistenceAnswer, readStorageStatus, type StorageStatus } from '../persistence/persistent-storage';

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** "840 bytes", "1.2 MB", "118 GB" (decimal units, as disks and browsers count). */
export function formatBytes(bytes: number, locale: string = currentLanguage()): string {
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
  const { t } = useTranslation();
  if (usage === null && quota === null) return <p className="pm-hint">{t('storage.noSpaceReport')}</p>;
  return (
    <dl className="pm-safety__facts">
      {usage !== null ? (
        <div>
          <dt>{t('storage.used')}</dt>
          <dd>{formatBytes(usage)}</dd>
        </div>
      ) : null}
      {quota !== null ? (
        <div>
          <dt>{t('storage.available')}</dt>
          <dd>{formatBytes(Math.max(0, quota - (usage ?? 0)))}</dd>
        </div>
      ) : null}
    </dl>
  );
}

export function StorageSection() {
  const { t } = useTranslation();
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
        <p className="pm-safety__status">{t('storage.notReported')}</p>
        <p className="pm-hint">{t('storage.notReportedHint')}</p>
      </>
    );
  } else if (status?.persisted === true) {
    state = (
      <p className="pm-safety__status pm-safety__status--good">
        <span className="pm-segmented__icon pm-safety__badge" aria-hidden="true">✓</span>
        {t('storage.persistent')}
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
          {refused ? t('storage.refused') : t('storage.notYet')}
        </p>
        {space}
        <p className="pm-hint">
          {refused ? t('storage.refusedHint') : t('storage.notYetHint')}
        </p>
        <div className="pm-safety__actions">
          <button type="button" onClick={() => void askAgain()} disabled={asking}>
            {refused ? t('storage.askAgain') : t('storage.askNow')}
          </button>
        </div>
      </>
    );
  }

  return (
    <section className="pm-safety__card" aria-labelledby="pm-storage-title" aria-busy={status === null}>
      <h3 id="pm-storage-title">{t('storage.storage')}</h3>
      {status === null ? <p className="pm-hint">{t('storage.asking')}</p> : state}
    </section>
  );
}
