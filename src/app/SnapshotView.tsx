// A snapshot, opened read-only: the map as it was frozen ("at handover"), drawn by the same canvas.
// It is put in the store under its own id and read-only, so neither autosave nor the tab lock
// ever touch the live map while it is shown.
// Laid out like the map view, with a toolbar of the same look; it can be opened straight from its
// address, before the map view's own styles have ever loaded.
import './MapView.css';
import '../panels/Toolbar.css';
import '../panels/SaveStatus.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../canvas/Canvas';
import { Legend } from '../panels/Legend';
import { listSnapshots, loadSnapshot } from '../persistence/repository';
import { useMapStore } from '../store/map-store';
import { formatDate, t as translate } from '../i18n';
import { UpdateNotice } from './UpdateNotice';

type State = { status: 'loading' } | { status: 'ready'; name: string; takenAt: string } | { status: 'failed'; message: string };

export function SnapshotView({ mapId, snapshotId, onBack }: { mapId: string; snapshotId: string; onBack(): void }) {
  const { t } = useTranslation();
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
      setState({ status: 'ready', name: summary?.name ?? translate('dialogs.snapshotView.defaultName'), takenAt: summary?.takenAt ?? '' });
    })().catch((error: Error) => active && setState({ status: 'failed', message: error.message }));
    return () => {
      active = false;
      useMapStore.getState().closeMap();
    };
  }, [mapId, snapshotId, viewId]);

  if (state.status === 'failed') {
    return (
      <main className="pm-crash" role="alert">
        <h1>{t('dialogs.snapshotView.couldNotOpen')}</h1>
        <p>{state.message}</p>
        <button type="button" onClick={onBack}>
          {t('dialogs.snapshotView.back')}
        </button>
      </main>
    );
  }
  if (state.status === 'loading' || !shown) {
    return (
      <main className="pm-loading" aria-busy="true">
        {t('shell.openingSnapshot')}
      </main>
    );
  }
  const taken = state.takenAt ? formatDate(state.takenAt, { dateStyle: 'medium', timeStyle: 'short' }) : '';
  return (
    <ReactFlowProvider>
      <div className="pm-map-view">
        <header className="pm-toolbar pm-snapshot-bar" aria-label={t('dialogs.snapshotView.bar')}>
          <button type="button" className="pm-toolbar__back" onClick={onBack}>
            {t('dialogs.snapshotView.backArrow')}
          </button>
          <h1 className="pm-toolbar__title">{t('dialogs.snapshotView.title', { name: state.name })}</h1>
          <span className="pm-save">{taken ? t('dialogs.snapshotView.readOnlyTaken', { date: taken }) : t('dialogs.snapshotView.readOnly')}</span>
        </header>
        <div className="pm-map-view__body">
          <main className="pm-map-view__canvas" aria-label={t('dialogs.snapshotView.canvas')}>
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
