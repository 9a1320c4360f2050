// Snapshots, at the foot of the insights panel: freeze the map under a name ("at handover",
// "Q3 review"), list, view read-only, delete, and compare one with the map now. Each difference
// selects the people and links it is about, so the canvas marks them.
import { useCallback, useEffect, useState } from 'react';
import { changeCount, compareMaps, type MapComparison } from '../domain/compare';
import { STANCE_LOOK, ROLE_LOOK } from '../canvas/appearance';
import { navigate } from '../app/routes';
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

function ComparisonList({ comparison, name }: { comparison: MapComparison; name: string }) {
  const map = useMapStore((s) => s.map);
  if (!map) return null;
  const who = (id: string) => map.stakeholders[id]?.name ?? '(removed)';
  const total = changeCount(comparison);
  // Everything that changed and is still on the map, to mark on the canvas at once.
  const all = [
    ...comparison.added.map((p) => p.id),
    ...comparison.stanceChanged.map((c) => c.stakeholder.id),
    ...comparison.rolesChanged.map((c) => c.stakeholder.id),
    ...comparison.linksAdded.flatMap((l) => [l.id, l.sourceId, l.targetId]),
    ...comparison.coverageChanged.map((c) => c.department.id),
  ].filter((id, index, list) => list.indexOf(id) === index && (map.stakeholders[id] || map.departments[id] || map.links[id]));
  return (
    <section className="pm-insights__section" aria-label={`Changes since “${name}”`}>
      <h3>
        Changes since “{name}” <span className="pm-insights__count">{total}</span>
      </h3>
      {total === 0 ? <p className="pm-hint">Nothing has changed.</p> : null}
      {all.length > 1 ? (
        <button type="button" onClick={() => showOnMap(all)}>
          Mark all on the map
        </button>
      ) : null}
      <ul>
        {comparison.added.map((p) => (
          <Change key={`a${p.id}`} label={`Added: ${p.name}`} ids={[p.id]} />
        ))}
        {comparison.removed.map((p) => (
          <Change key={`r${p.id}`} label={`Removed: ${p.name}`} ids={[]} />
        ))}
        {comparison.stanceChanged.map((c) => (
          <Change key={`s${c.stakeholder.id}`} label={`${c.stakeholder.name}: ${STANCE_LOOK[c.from].label} → ${STANCE_LOOK[c.to].label}`} ids={[c.stakeholder.id]} />
        ))}
        {comparison.rolesChanged.map((c) => (
          <Change
            key={`o${c.stakeholder.id}`}
            label={`${c.stakeholder.name}: ${[...c.gained.map((r) => `now ${ROLE_LOOK[r].label.toLowerCase()}`), ...c.lost.map((r) => `no longer ${ROLE_LOOK[r].label.toLowerCase()}`)].join(', ')}`}
            ids={[c.stakeholder.id]}
          />
        ))}
        {comparison.linksAdded.map((l) => (
          <Change key={`la${l.id}`} label={`New link: ${who(l.sourceId)} ${l.kind} ${who(l.targetId)}`} ids={[l.id, l.sourceId, l.targetId]} />
        ))}
        {comparison.linksRemoved.map((l) => (
          <Change key={`lr${l.id}`} label={`Lost link: ${who(l.sourceId)} ${l.kind} ${who(l.targetId)}`} ids={[l.sourceId, l.targetId].filter((id) => map.stakeholders[id])} />
        ))}
        {comparison.coverageChanged.map((c) => (
          <Change key={`c${c.department.id}`} label={`${c.department.name}: ${c.from} → ${c.to}`} ids={[c.department.id]} />
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
  const [comparison, setComparison] = useState<{ name: string; result: MapComparison } | null>(null);
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
    setComparison({ name: snapshot.name, result: compareMaps(loaded.map, now) });
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
      {comparison ? <ComparisonList comparison={comparison.result} name={comparison.name} /> : null}

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
            if (comparison?.name === asking.name) setComparison(null);
            deleteSnapshot(mapId, id).then(refresh, (error: Error) => notify(error.message, 'error'));
          }}
        >
          <p>The map itself is not affected.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
