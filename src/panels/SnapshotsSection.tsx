// Snapshots, at the foot of the insights panel: freeze the map under a name ("at handover",
// "Q3 review"), list, view read-only, delete, and compare one with the map now. While comparing,
// the canvas marks every change (canvas/changes.ts) and this list selects what each one is about.
import './SnapshotsSection.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeCount, compareMaps } from '../domain/compare';
import { coverageChangeText, stanceChangeText } from '../canvas/changes';
import { stopComparing } from '../canvas/ComparisonBar';
import { useUiState } from '../actions/ui-state';
import { navigate } from '../actions/routes';
import { deleteSnapshot, listSnapshots, loadSnapshot, takeSnapshot, type SnapshotSummary } from '../persistence/repository';
import { useMapStore } from '../store/map-store';
import { formatDate, t as translate } from '../i18n';
import type { BuyingRole, LinkKind } from '../domain/types';
import { showOnMap } from './use-map';
import { ConfirmDialog } from './ConfirmDialog';
import { PromptDialog } from './PromptDialog';

function Change({ label, ids }: { label: string; ids: string[] }) {
  return (
    <li>
      <button type="button" className="pm-insight" onClick={() => showOnMap(ids)} disabled={ids.length === 0}>
        {label}
      </button>
    </li>
  );
}

/** A role's name inside a sentence: "now decision-maker"; an abbreviation such as ЛПР stays as it is. */
function roleInSentence(role: BuyingRole): string {
  const name = translate(`common.role.${role}`);
  return name === name.toUpperCase() ? name : name.charAt(0).toLocaleLowerCase() + name.slice(1);
}

const kindInSentence = (kind: LinkKind) => translate(`common.linkKind.${kind}`).toLocaleLowerCase();

/** The differences from the snapshot being compared with, kept current as the map is edited. */
function ComparisonList() {
  const { t } = useTranslation();
  const map = useMapStore((s) => s.map);
  const comparing = useUiState((s) => s.comparing);
  const comparison = useMemo(() => (map && comparing?.mapId === map.id ? compareMaps(comparing.before, map) : null), [map, comparing]);
  if (!map || !comparing || !comparison) return null;
  const who = (id: string) => map.stakeholders[id]?.name ?? comparing.before.stakeholders[id]?.name ?? t('dialogs.snapshots.removedName');
  const onMap = (ids: string[]) => ids.filter((id) => map.stakeholders[id] || map.departments[id] || map.links[id]);
  const total = changeCount(comparison);
  return (
    <section className="pm-insights__section" aria-label={t('dialogs.snapshots.changesSince', { name: comparing.name })}>
      <h3>
        {t('dialogs.snapshots.changesSince', { name: comparing.name })} <span className="pm-insights__count">{total}</span>
      </h3>
      <p className="pm-hint">{total === 0 ? t('dialogs.snapshots.nothingChanged') : t('dialogs.snapshots.marked')}</p>
      <button type="button" onClick={stopComparing}>
        {t('dialogs.snapshots.stopComparing')}
      </button>
      <ul>
        {comparison.added.map((p) => (
          <Change key={`a${p.id}`} label={t('dialogs.snapshots.added', { name: p.name })} ids={[p.id]} />
        ))}
        {comparison.removed.map((p) => (
          <Change key={`r${p.id}`} label={t('dialogs.snapshots.removed', { name: p.name })} ids={[]} />
        ))}
        {comparison.stanceChanged.map((c) => (
          <Change key={`s${c.stakeholder.id}`} label={t('dialogs.snapshots.change', { name: c.stakeholder.name, change: stanceChangeText(c) })} ids={[c.stakeholder.id]} />
        ))}
        {comparison.rolesChanged.map((c) => (
          <Change
            key={`o${c.stakeholder.id}`}
            label={t('dialogs.snapshots.change', {
              name: c.stakeholder.name,
              change: [...c.gained.map((r) => t('dialogs.snapshots.nowRole', { role: roleInSentence(r) })), ...c.lost.map((r) => t('dialogs.snapshots.noLongerRole', { role: roleInSentence(r) }))].join(', '),
            })}
            ids={[c.stakeholder.id]}
          />
        ))}
        {comparison.linksAdded.map((l) => (
          <Change key={`la${l.id}`} label={t('dialogs.snapshots.newLink', { source: who(l.sourceId), target: who(l.targetId), kind: kindInSentence(l.kind) })} ids={onMap([l.id, l.sourceId, l.targetId])} />
        ))}
        {comparison.linksRemoved.map((l) => (
          <Change key={`lr${l.id}`} label={t('dialogs.snapshots.lostLink', { source: who(l.sourceId), target: who(l.targetId), kind: kindInSentence(l.kind) })} ids={onMap([l.sourceId, l.targetId])} />
        ))}
        {comparison.coverageChanged.map((c) => (
          <Change key={`c${c.department.id}`} label={t('dialogs.snapshots.change', { name: c.department.name, change: coverageChangeText(c) })} ids={[c.department.id]} />
        ))}
      </ul>
    </section>
  );
}

export function SnapshotsSection() {
  const { t } = useTranslation();
  const mapId = useMapStore((s) => s.map?.id);
  const readOnly = useMapStore((s) => s.readOnly);
  const [list, setList] = useState<SnapshotSummary[]>([]);
  const [asking, setAsking] = useState<'take' | SnapshotSummary | null>(null);
  const notify = useMapStore((s) => s.notify);

  const refresh = useCallback(() => {
    if (mapId) listSnapshots(mapId).then(setList, (error: Error) => notify(error.message, 'error'));
  }, [mapId, notify]);
  useEffect(refresh, [refresh]);
  if (!mapId) return null;

  const compare = async (snapshot: SnapshotSummary) => {
    const loaded = await loadSnapshot(mapId, snapshot.id);
    const now = useMapStore.getState().map;
    if (!loaded.ok || !now) return notify(loaded.ok ? t('dialogs.snapshots.notOpen') : loaded.error, 'error');
    useUiState.setState({ comparing: { mapId, snapshotId: snapshot.id, name: snapshot.name, before: loaded.map } });
  };

  return (
    <section className="pm-insights__section" aria-label={t('dialogs.snapshots.title')}>
      <h3>
        {t('dialogs.snapshots.title')} <span className="pm-insights__count">{list.length}</span>
      </h3>
      <button type="button" onClick={() => setAsking('take')} disabled={readOnly}>
        {t('dialogs.snapshots.take')}
      </button>
      {list.length ? (
        <ul className="pm-snapshots">
          {list.map((snapshot) => (
            <li key={snapshot.id}>
              <span className="pm-snapshots__name">
                <strong>{snapshot.name}</strong>{' '}
                <span className="pm-hint">{formatDate(snapshot.takenAt)}</span>
              </span>
              <span className="pm-snapshots__actions">
                <button type="button" aria-label={t('dialogs.snapshots.compareWith', { name: snapshot.name })} onClick={() => void compare(snapshot)}>
                  {t('dialogs.snapshots.compare')}
                </button>
                <button type="button" aria-label={t('dialogs.snapshots.viewName', { name: snapshot.name })} onClick={() => navigate({ view: 'snapshot', mapId, snapshotId: snapshot.id })}>
                  {t('dialogs.snapshots.view')}
                </button>
                <button type="button" className="pm-danger-text" aria-label={t('dialogs.snapshots.deleteName', { name: snapshot.name })} onClick={() => setAsking(snapshot)} disabled={readOnly}>
                  {t('dialogs.snapshots.delete')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="pm-hint">{t('dialogs.snapshots.empty')}</p>
      )}
      <ComparisonList />

      {asking === 'take' ? (
        <PromptDialog
          title={t('dialogs.snapshots.askTitle')}
          label={t('dialogs.snapshots.askLabel')}
          placeholder={t('dialogs.snapshots.askPlaceholder')}
          submitLabel={t('dialogs.snapshots.take')}
          emptyMessage={t('dialogs.snapshots.askEmpty')}
          onCancel={() => setAsking(null)}
          onSubmit={(name) => {
            setAsking(null);
            const map = useMapStore.getState().map;
            if (!map) return;
            takeSnapshot(map, name, new Date().toISOString()).then(
              () => {
                notify(translate('dialogs.snapshots.taken', { name }));
                refresh();
              },
              (error: Error) => notify(error.message, 'error'),
            );
          }}
        />
      ) : asking ? (
        <ConfirmDialog
          title={t('dialogs.snapshots.deleteTitle', { name: asking.name })}
          confirmLabel={t('dialogs.snapshots.deleteConfirm')}
          danger
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            const id = asking.id;
            setAsking(null);
            if (useUiState.getState().comparing?.snapshotId === id) stopComparing();
            deleteSnapshot(mapId, id).then(refresh, (error: Error) => notify(error.message, 'error'));
          }}
        >
          <p>{t('dialogs.snapshots.deleteText')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
