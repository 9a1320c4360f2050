// Hooks for `npm run bench` (bench/run.mjs), loaded only in a build made with `--mode bench`
// (see src/main.tsx), never in the production bundle. They hand the benchmark the app's own
// persistence layer, store and PNG export, so it measures the real code paths rather than copies.
// Modules the map view loads lazily are imported lazily here too, so the bench build splits and
// loads the app the way the production build does.
import { createMap, loadMap, saveChanges } from '../persistence/repository';
import { useMapStore } from '../store/map-store';
import { recordRect } from '../domain/commands';

const benchHooks = {
  createMap,
  loadMap,
  saveChanges,
  useMapStore,
  /** A card's or department's rectangle on the map, from the domain: React Flow holds only the nodes near the view. */
  recordRect: (id: string) => {
    const map = useMapStore.getState().map;
    return map ? recordRect(map, id) : null;
  },
  /** The mounted React Flow instance (viewport), or null. */
  canvas: async () => (await import('../canvas/canvas-api')).getCanvas(),
  renderMapPng: async (...args: Parameters<typeof import('../io/export-png').renderMapPng>) =>
    (await import('../io/export-png')).renderMapPng(...args),
};

declare global {
  interface Window {
    __powermapBench?: typeof benchHooks;
  }
}

window.__powermapBench = benchHooks;
