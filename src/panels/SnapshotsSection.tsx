// Snapshots, at the foot of the insights panel: freeze the map under a name ("at handover",
// "Q3 review"), list, view read-only, delete, and compare one with the map now. While comparing,
// the canvas marks every change (canvas/changes.ts) and this list selects what each one is about.
import './SnapshotsSection.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { changeCount, compareMaps } from '../domain/compare';
import { ROLE_LOOK } from '../drawing/appearance';
import { coverageChangeText, stanceChangeText } from '../canvas/changes';
import { stopComparing } from '../canvas/ComparisonBar';
import { useUiState } from '../actions/ui-state';
import { navigate } from '../actions/routes';
import { deleteSnapshot, listSnapshots, loadSnapshot, takeSnapshot, type SnapshotSummary } from '../persistence/repository';
import { useMapStore } from '../store/map-store';
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

/** The differences from the snapshot being compared with, kept current as the map is edited. */
function ComparisonList() {
  const map = useMapStore((s) => s.map);
  const comparing = useUiState((s) => s.comparing);
  const comparison = useMemo(() => (map && comparing?.mapId === map.id ? compareMaps(comparing.before, map) : null), [map, comparing]);
  if (!map || !comparing || !comparison) return null;
  const who = (id: string) => map.stakeholders[id]?.name ?? comparing.before.stakeholders[id]?.name ?? '(removed)';
  const onMap = (ids: string[]) => ids.filter((id) => map.stakeholders[id] || map.departments[id] || map.links[id]);
  const total = changeCount(comparison);
  return (
    <section className="pm-insights__section" aria-label={`Changes since “${comparing.name}”`}>
      <h3>
        Changes since “{comparing.name}” <span className="pm-insights__count">{total}</span>
      </h3>
      {total === 0 ? <p className="pm-hint">Nothing has changed.</p> : <p className="pm-hint">Marked on the map until you stop comparing.</p>}
      <button type="button" onClick={stopComparing}>
        Stop comparing
      </button>
      <ul>
        {comparison.added.map((p) => (
          <Change key={`a${p.id}`} label={`Added: ${p.name}`} ids={[p.id]} />
        ))}
        {comparison.removed.map((p) => (
          <Change key={`r${p.id}`} label={`Removed: ${p.name}`} ids={[]} />
        ))}
        {comparison.stanceChanged.map((c) => (
          <Change key={`s${c.stakeholder.id}`} label={`${c.stakeholder.name}: ${stanceChangeText(c)}`} ids={[c.stakeholder.id]} />
        ))}
        {comparison.rolesChanged.map((c) => (
          <Change
            key={`o${c.stakeholder.id}`}
            label={`${c.stakeholder.name}: ${[...c.gained.map((r) => `now ${ROLE_LOOK[r].label.toLowerCase()}`), ...c.lost.map((r) => `no longer ${ROLE_LOOK[r].label.toLowerCase()}`)].join(', ')}`}
            ids={[c.stakeholder.id]}
          />
        ))}
        {comparison.linksAdded.map((l) => (
          <Change key={`la${l.id}`} label={`New link: ${who(l.sourceId)} ${l.kind} ${who(l.targetId)}`} ids={onMap([l.id, l.sourceId, l.targetId])} />
        ))}
        {comparison.linksRemoved.map((l) => (
          <Change key={`lr${l.id}`} label={`Lost link: ${who(l.sourceId)} ${l.kind} ${who(l.targetId)}`} ids={onMap([l.sourceId, l.targetId])} />
        ))}
        {comparison.coverageChanged.map((c) => (
          <Change key={`c${c.department.id}`} label={`${c.department.name}: ${coverageChangeText(c)}`} ids={[c.department.id]} />
        ))}
      </ul>
    </section>
  );
}

export function SnapshotsSection() {
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
    if (!loaded.ok || !now) return notify(loaded.ok ? 'The map is not open.' : loaded.error, 'error');
    useUiState.setState({ comparing: { mapId, snapshotId: snapshot.id, name: snapshot.name, before: loaded.map } });
  };

  return (
    <section className="pm-insights__section" aria-label="Snapshots">
      <h3>
        Snapshots <span className="pm-insights__count">{list.length}</span>
      </h3>
      <button type="button" onClick={() => setAsking('take')} disabled={readOnly}>
        Take snapshot
      </button>
      {list.length ? (
        <ul className="pm-snapshots">
          {list.map((snapshot) => (
            <li key={snapshot.id}>
              <span className="pm-snapshots__name">
                <strong>{snapshot.name}</strong>{' '}
                <span className="pm-hint">{new Date(snapshot.takenAt).toLocaleDateString(undefined, { dateStyle: 'medium' })}</span>
              </span>
              <span className="pm-snapshots__actions">
                <button type="button" aria-label={`Compare with ${snapshot.name}`} onClick={() => void compare(snapshot)}>
                  Compare
                </button>
                <button type="button" aria-label={`View ${snapshot.name}`} onClick={() => navigate({ view: 'snapshot', mapId, snapshotId: snapshot.id })}>
                  View
                </button>
                <button type="button" className="pm-danger-text" aria-label={`Delete ${snapshot.name}`} onClick={() => setAsking(snapshot)} disabled={readOnly}>
                  Delete
                </button>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="pm-hint">Freeze the map before a handover or a review, then compare later.</p>
      )}
      <ComparisonList />

      {asking === 'take' ? (
        <PromptDialog
          title="Take a snapshot"
          label="Snapshot name"
          placeholder="e.g. At handover, Q3 review"
          submitLabel="Take snapshot"
          emptyMessage="Give the snapshot a name."
          onCancel={() => setAsking(null)}
          onSubmit={(name) => {
            setAsking(null);
            const map = useMapStore.getState().map;
            if (!map) return;
            takeSnapshot(map, name, new Date().toISOString()).then(
              () => {
                notify(`Snapshot “${name}” taken.`);
                refresh();
              },
              (error: Error) => notify(error.message, 'error'),
            );
          }}
        />
      ) : asking ? (
        <ConfirmDialog
          title={`Delete the snapshot “${asking.name}”?`}
          confirmLabel="Delete snapshot"
          danger
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            const id = asking.id;
            setAsking(null);
            if (useUiState.getState().comparing?.snapshotId === id) stopComparing();
            deleteSnapshot(mapId, id).then(refresh, (error: Error) => notify(error.message, 'error'));
          }}
        >
          <p>The map itself is not affected.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
