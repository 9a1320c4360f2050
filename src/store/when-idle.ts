// Work that can wait for a quiet moment of the page.

/** Runs `task` when the page is idle, or after `timeout` ms at the latest; returns a cancel. */
export function whenIdle(task: () => void, timeout: number): () => void {
  // jsdom (the unit tests) has no requestIdleCallback.
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(task, 0);
    return () => clearTimeout(timer);
  }
  const handle = requestIdleCallback(task, { timeout });
  return () => cancelIdleCallback(handle);
}
