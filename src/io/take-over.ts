// What the page stops before a new release's service worker takes over (src/app/updates.ts): the
// work that fetches the app's files by itself, such as the line router's worker starting (its
// script, the router's wasm). Chromium restarts the old service worker for a fetch that comes
// while it stops it for the new one, and the new one then stays waiting: the page never reloads.
// Registered here by the module that owns the work, so the app shell need not load it.

const stops = new Set<() => void>();

/** `stop` runs when the page is about to reload into a new release. */
export function stopBeforeTakeOver(stop: () => void): void {
  stops.add(stop);
}

/** Runs every registered stop: just before the new release's worker is asked to take over. */
export function stopForTakeOver(): void {
  for (const stop of stops) stop();
}
