// A snapshot, opened read-only: the map as it was frozen ("at handover"), drawn by the same canvas.
// It is put in the store under its own id and read-only, so neither autosave nor the tab lock
// ever touch the live map while it is shown.
// Laid out like the map view, with a toolbar of the same look; it can be opened straight from its
// address, before the map view's own styles have ever loaded.
import './MapView.css';
import '../panels/Toolbar.css';
import '../panels/SaveStatus.css';
import { useEffect, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../canvas/Canvas';
import { Legend } from '../panels/Legend';
import { listSnapshots, loadSnapshot } from '../persistence/repository';
import { useMapStore } from '../store/map-store';
import { UpdateNotice } from './UpdateNotice';

type State = { status: 'loading' } | { status: 'ready'; name: string; takenAt: string } | { status: 'failed'; message: string };

export function SnapshotView({ mapId, snapshotId, onBack }: { mapId: string; snapshotId: string; onBack(): void }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const viewId = `${mapId}~snapshot~${snapshotId}`;
  const shown = useMapStore((s) => s.map?.id === viewId);

  useEffect(() => {
    let active = true;
    void (async () => {
      const [result, list] = await Promise.all([loadSnapshot(mapId, snapshotId), listSnapshots(mapId).catch(() => [])]);
      if (!active) return;
      if (!result.ok) return setState({ status: 'failed', message: result.error });
      const summary = list.find((s) => s.id === snapshotId);
      useMapStore.getState().openMap({ ...result.map, id: viewId }, { readOnly: true });
      setState({ status: 'ready', name: summary?.name ?? 'Snapshot', takenAt: summary?.takenAt ?? '' });
    })().catch((error: Error) => active && setState({ status: 'failed', message: error.message }));
    return () => {
      active = false;
      useMapStore.getState().closeMap();
    };
  }, [mapId, snapshotId, viewId]);

  if (state.status === 'failed') {
    return (
      <main className="pm-crash" role="alert">
        <h1>This snapshot could not be opened</h1>
        <p>{state.message}</p>
        <button type="button" onClick={onBack}>
          Back to the map
        </button>
      </main>
    );
  }
  if (state.status === 'loading' || !shown) {
    return (
      <main className="pm-loading" aria-busy="true">
        Opening snapshot…
      </main>
    );
  }
  const taken = state.takenAt ? new Date(state.takenAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '';
  return (
    <ReactFlowProvider>
      <div className="pm-map-view">
        <header className="pm-toolbar pm-snapshot-bar" aria-label="Snapshot">
          <button type="button" className="pm-toolbar__back" onClick={onBack}>
            ← Back to the map
          </button>
          <h1 className="pm-toolbar__title">Snapshot “{state.name}”</h1>
          <span className="pm-save">Read-only{taken ? ` · taken ${taken}` : ''}</span>
        </header>
        <div className="pm-map-view__body">
          <main className="pm-map-view__canvas" aria-label="Account map snapshot">
            <div className="pm-map-view__stage">
              <Canvas initialViewport={null} onViewportChange={() => undefined} />
              <UpdateNotice className="pm-update--stage" />
            </div>
            <Legend />
          </main>
        </div>
      </div>
    </ReactFlowProvider>
  );
}
