// Long work on a large map (restoring 20,000 stored records, laying out their cards) is cut into
// slices of a few milliseconds with the main thread handed back between them, so a click or a
// frame never waits long. The work itself is written as a generator that yields after each
// record; the same generator runs to the end at once where no browser is waiting (tests, small maps).

/** Work done in steps: each `yield` is a point where it may pause. */
export type Steps<T> = Generator<void, T, void>;

/** Work between two pauses: short enough that a click or a frame is not held up noticeably. */
export const SLICE_MS = 12;

/** Hands the main thread back to the browser (input, frames), then carries on. */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve));
}

/** Runs the steps to the end without pausing. */
export function runAtOnce<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs the steps in slices of `sliceMs`, pausing with `pause` between them. Work that fits in one
 * slice (every small map) never pauses, so it finishes in the same task as before.
 */
export async function runInSlices<T>(steps: Steps<T>, pause: () => Promise<void> = yieldToBrowser, sliceMs = SLICE_MS): Promise<T> {
  let until = performance.now() + sliceMs;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() >= until) {
      await pause();
      until = performance.now() + sliceMs;
    }
  }
}

/** Thrown into the steps' driver when the work is no longer wanted. */
class NotWanted extends Error {}

/**
 * Runs the steps in slices, handing the main thread back between them, for as long as
 * `stillWanted()` says the result is wanted (the map is still open, not changed again); true
 * when it ran to the end.
 */
export async function runInSlicesWhile(steps: Steps<unknown>, stillWanted: () => boolean): Promise<boolean> {
  try {
    await runInSlices(steps, async () => {
      await yieldToBrowser();
      if (!stillWanted()) throw new NotWanted();
    });
    return true;
  } catch (error) {
    if (error instanceof NotWanted) return false;
    throw error;
  }
}
