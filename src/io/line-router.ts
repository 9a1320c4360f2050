// Loads the line router (libavoid's WebAssembly build, about 480 kB) once, on first use, and routes
// a map's lines with it (src/drawing/line-routes.ts). The canvas and the exports share it. The
// .wasm file is bundled by Vite as an asset and precached by the service worker, so it works offline.
import { AvoidLib } from 'libavoid-js';
// libavoid-js exports only its JS; 'libavoid-wasm' is its WebAssembly file (an alias in vite.config.ts).
import wasmUrl from 'libavoid-wasm?url';
import type { AvoidRouterLib } from '../drawing/line-routes';

let loading: Promise<AvoidRouterLib> | null = null;

/** The loaded library; `url` is where the .wasm file is (tests in Node pass a file path). */
export function loadLineRouter(url: string = wasmUrl): Promise<AvoidRouterLib> {
  loading ??= AvoidLib.load(url).then(() => AvoidLib.getInstance() as AvoidRouterLib);
  loading.catch(() => (loading = null));
  return loading;
}
