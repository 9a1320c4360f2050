// Share: turns the open map into a team map on a relay and shows the link that opens it elsewhere.
// Once shared, the dialog shows the link again with the connection's state.
import { useEffect, useId, useState } from 'react';
import { Dialog } from './Dialog';
import { t } from '../i18n';
import { useMapStore } from '../store/map-store';
import { loadShare, type Share } from '../persistence/shares';
import { myName, refusalMessage, setMyName, useSyncState, type SyncStatus } from '../sync/sync-state';
import { DEFAULT_RELAY_PORT, shareLink, shareOpenMap } from '../sync/share';
import { DialogTextField } from './DialogTextField';
import { peerColour } from '../drawing/appearance';
import { ui, useUiState as useUi } from '../actions/ui-state';

const LAST_RELAY_KEY = 'powermap:last-relay';

const statusText = (status: SyncStatus) => t(`team.status.${status}`);

function lastRelay(): string {
  try {
    return localStorage.getItem(LAST_RELAY_KEY) ?? `ws://${window.location.hostname || 'localhost'}:${DEFAULT_RELAY_PORT}`;
  } catch {
    return `ws://localhost:${DEFAULT_RELAY_PORT}`;
  }
}

/** The name the others see in their presence list; saved as it is typed. */
function NameField() {
  const id = useId();
  const [name, setName] = useState(myName);
  return (
    <div className="pm-field">
      <label htmlFor={id}>{t('team.yourName')}</label>
      <input
        id={id}
        value={name}
        autoComplete="name"
        onChange={(event) => {
          setName(event.target.value);
          setMyName(event.target.value);
        }}
      />
    </div>
  );
}

export function ShareDialog({ onClose }: { onClose(): void }) {
  const fieldId = useId();
  const mapId = useMapStore((s) => s.map?.id ?? '');
  const { status, refusal } = useSyncState();
  const [share, setShare] = useState<Share | null | undefined>(undefined);
  const [relay, setRelay] = useState(lastRelay);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    let active = true;
    void loadShare(mapId).then((found) => active && setShare(found));
    return () => {
      active = false;
    };
  }, [mapId]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      const made = await shareOpenMap(mapId, relay);
      try {
        localStorage.setItem(LAST_RELAY_KEY, made.relay);
      } catch {
        // Only a convenience for the next share.
      }
      setShare(made);
    } catch (problem) {
      setError((problem as Error).message);
    }
  };

  if (share === undefined) return null;
  if (share === null) {
    return (
      <Dialog title={t('team.dialogTitle')} onClose={onClose}>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <p>{t('team.dialogIntro')}</p>
          <DialogTextField
            id={fieldId}
            label={t('team.relayAddress')}
            value={relay}
            error={error}
            onChange={(next) => {
              setRelay(next);
              setError(null);
            }}
          />
          <NameField />
          <div className="pm-dialog__actions">
            <button type="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="pm-primary">
              {t('team.share')}
            </button>
          </div>
        </form>
      </Dialog>
    );
  }
  const link = shareLink(share);
  return (
    <Dialog title={t('team.sharedTitle')} onClose={onClose}>
      <p role="status">{status === 'refused' ? refusalMessage(refusal) : statusText(status)}</p>
      <p>{share.key ? t('team.encryptedNote') : t('team.clearNote')}</p>
      <div className="pm-field">
        <label htmlFor={fieldId}>{t('team.shareLink')}</label>
        <input id={fieldId} value={link} readOnly data-autofocus onFocus={(event) => event.target.select()} />
      </div>
      <NameField />
      <div className="pm-dialog__actions">
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(link).then(() => setCopied(true), () => setCopied(false));
          }}
        >
          {copied ? t('team.copied') : t('team.copyLink')}
        </button>
        <button type="button" className="pm-primary" onClick={onClose}>
          {t('team.done')}
        </button>
      </div>
    </Dialog>
  );
}

/** The toolbar's share button: shows whether the map is shared and how its link stands. */
export function ShareButton() {
  // Open from the button, its key (Shift+S) or the find-or-add box: all through the ui state.
  const open = useUi((s) => s.shareOpen);
  const setOpen = (value: boolean) => ui.set('shareOpen', value);
  const status = useSyncState((s) => s.status);
  const text = status === 'off' ? t('team.share') : statusText(status);
  return (
    <>
      <button
        type="button"
        className={`pm-toolbar__button pm-share pm-share--${status}`}
        onClick={() => setOpen(true)}
        aria-label={status === 'off' ? t('team.shareThisMap') : t('team.statusShowLink', { status: text })}
        title={text}
      >
        <span aria-hidden="true" className="pm-toolbar__icon">
          ⇄
        </span>
        <span className="pm-toolbar__text">{text}</span>
      </button>
      {open ? <ShareDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

/** Who else is in the shared map, and what each has selected. */
export function Presence() {
  const peers = useSyncState((s) => s.peers);
  const map = useMapStore((s) => s.map);
  if (peers.length === 0 || !map) return null;
  const nameOf = (id: string) => map.stakeholders[id]?.name ?? map.departments[id]?.name ?? null;
  return (
    <ul className="pm-presence" aria-label={t('team.inThisMap')}>
      {peers.map((peer) => {
        const selected = peer.selection.map(nameOf).filter((name): name is string => Boolean(name));
        const text = selected.length ? t('team.peerSelected', { name: peer.name, selected: selected.join(', ') }) : peer.name;
        return (
          <li key={peer.clientId} className="pm-presence__person" title={text} aria-label={text} style={{ background: peerColour(peer.clientId) }}>
            {peer.name.slice(0, 1).toUpperCase()}
          </li>
        );
      })}
    </ul>
  );
}
