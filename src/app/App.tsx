// App shell: the home list of maps or one open map, chosen by the URL hash (#/map/<id>) so a
// reload or a bookmark comes back to the same map.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from './ErrorBoundary';
import { navigate, readRoute, type Route } from '../actions/routes';
import { FileImport } from './FileImport';
import { HomeView } from './HomeView';
import { JoinView } from './JoinView';
import { Notices } from '../panels/Notices';
import { seedSampleIfFirstRun } from '../persistence/repository';
import { useMapStore } from '../store/map-store';
import { onDemand, OnDemandView } from './on-demand';

// The map view (React Flow and everything behind it) loads only when a map is opened, so the
// home screen stays small (on-demand.ts says why not React.lazy).
const mapView = onDemand(() => import('./MapView').then((module) => module.MapView));
// Started straight on a map (a reload, a bookmark): its code loads while the language and the
// first-run check do, not after them (about 100 to 200 ms of opening a small map).
if (readRoute().view === 'map') void mapView.load().catch(() => undefined);
// The first-run check (it writes the sample map once) starts with the page rather than after the
// first paint: every view waits for it, and opening a map waited a frame longer than it had to.
// Settled with the error's message, or null.
const seeding = seedSampleIfFirstRun(new Date().toISOString()).then(
  () => null,
  (error: Error) => error.message,
);
const snapshotView = onDemand(() => import('./SnapshotView').then((module) => module.SnapshotView));

export function App() {
  const { t } = useTranslation();
  const [route, setRoute] = useState<Route>(readRoute);
  const [seeded, setSeeded] = useState(false);

  useEffect(() => {
    const onHashChange = () => setRoute(readRoute());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  useEffect(() => {
    let mounted = true;
    void seeding.then((failure) => {
      if (!mounted) return;
      if (failure) useMapStore.getState().notify(failure, 'error');
      setSeeded(true);
    });
    return () => {
      mounted = false;
    };
  }, []);

  return (
    <ErrorBoundary>
      {!seeded ? (
        <main className="pm-loading" aria-busy="true">
          {t('shell.opening')}
        </main>
      ) : route.view === 'snapshot' ? (
        <OnDemandView
          key={`${route.mapId}/${route.snapshotId}`}
          view={snapshotView}
          props={{ mapId: route.mapId, snapshotId: route.snapshotId, onBack: () => navigate({ view: 'map', mapId: route.mapId }) }}
          fallback={<main className="pm-loading" aria-busy="true">{t('shell.openingSnapshot')}</main>}
        />
      ) : route.view === 'join' ? (
        <JoinView onOpen={(mapId) => window.location.replace(`#/map/${encodeURIComponent(mapId)}`)} onBack={() => navigate({ view: 'home' })} />
      ) : route.view === 'map' ? (
        <OnDemandView
          key={route.mapId}
          view={mapView}
          props={{ mapId: route.mapId, onClose: () => navigate({ view: 'home' }) }}
          fallback={<main className="pm-loading" aria-busy="true">{t('shell.openingMap')}</main>}
        />
      ) : (
        <HomeView onOpen={(mapId) => navigate({ view: 'map', mapId })} />
      )}
      {seeded ? <FileImport onOpen={(mapId) => navigate({ view: 'map', mapId })} /> : null}
      <Notices />
    </ErrorBoundary>
  );
}
