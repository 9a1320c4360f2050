// Opening a large map: every card's layout (its size and where its text wraps, domain/card-layout.ts)
// is worked out in short slices while "Opening map…" shows, so the canvas's first draw finds it
// cached. Done in one piece inside that first render, 20,000 cards blocked the page for seconds.
import { stakeholderCard } from '../domain/card-layout';
import type { AccountMap } from '../domain/types';

/** Below this many people the whole map is laid out in less than a slice anyway. */
const PREPARE_FROM = 500;
/** Work between two yields: short enough that a click or a frame is not held up noticeably. */
const SLICE_MS = 12;

/** Hands the main thread back to the browser (input, frames), then carries on. */
function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve));
}

/** Lays out every card of `map` in slices; stops early when `stillWanted` says the map was left. */
export async function prepareCards(map: AccountMap, stillWanted: () => boolean): Promise<void> {
  const people = Object.values(map.stakeholders);
  if (people.length < PREPARE_FROM) return;
  let next = 0;
  while (next < people.length) {
    const until = performance.now() + SLICE_MS;
    do stakeholderCard(map, people[next++]);
    while (next < people.length && performance.now() < until);
    await yieldToBrowser();
    if (!stillWanted()) return;
  }
}
