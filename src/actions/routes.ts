// Routes live in the URL hash (#/map/<id>, #/map/<id>/snapshot/<id>), so a reload or a bookmark comes back to the same place.

// #/join?relay=…&map=…&secret=… is a share link (sync/share.ts reads it).

export type Route = { view: 'home' } | { view: 'map'; mapId: string } | { view: 'snapshot'; mapId: string; snapshotId: string } | { view: 'join' };

export function readRoute(): Route {
  if (window.location.hash.startsWith('#/join?')) return { view: 'join' };
  const snapshot = window.location.hash.match(/^#\/map\/([^/]+)\/snapshot\/(.+)$/);
  if (snapshot) return { view: 'snapshot', mapId: decodeURIComponent(snapshot[1]), snapshotId: decodeURIComponent(snapshot[2]) };
  const match = window.location.hash.match(/^#\/map\/(.+)$/);
  return match ? { view: 'map', mapId: decodeURIComponent(match[1]) } : { view: 'home' };
}

export function navigate(route: Route): void {
  if (route.view === 'join') return;
  if (route.view === 'snapshot') window.location.hash = `#/map/${encodeURIComponent(route.mapId)}/snapshot/${encodeURIComponent(route.snapshotId)}`;
  else window.location.hash = route.view === 'map' ? `#/map/${encodeURIComponent(route.mapId)}` : '#/';
}
