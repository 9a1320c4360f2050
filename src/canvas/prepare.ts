// Opening a large map: what the canvas's first draw needs is worked out in short slices while
// "Opening map…" shows, so that draw finds it cached: every card's layout (its size and where its
// text wraps, domain/card-layout.ts), every record's rectangle and the map's bounds, the nodes
// React Flow is given (project.ts), the lines (edges/LinksLayer.tsx), the far view's scene and the overview's. Done inside the first
// render, 20,000 cards blocked the page for seconds.
import { stakeholderCard } from '../domain/card-layout';
import { prepareRects } from '../domain/commands';
import { runInSlicesWhile, type Steps } from '../domain/slices';
import type { AccountMap } from '../domain/types';
import { prepareFarScene } from './far-map-painter';
import { prepareOverview } from './MapOverview';
import { prepareProjection } from './project';
import { prepareLines } from './edges/LinksLayer';

/** Below this many people the whole map is laid out in less than a slice anyway. */
const PREPARE_FROM = 500;

function* everything(map: AccountMap): Steps<void> {
  const parts: (() => Steps<unknown>)[] = [
    function* cards() {
      for (const person of Object.values(map.stakeholders)) {
        stakeholderCard(map, person);
        yield;
      }
    },
    () => prepareRects(map),
    () => prepareProjection(map),
    () => prepareLines(map),
    () => prepareFarScene(map),
    () => prepareOverview(map),
  ];
  for (const part of parts) yield* part();
}

/** Prepares `map`'s first draw in slices; stops early when `stillWanted` says the map was left. */
export async function prepareCards(map: AccountMap, stillWanted: () => boolean): Promise<void> {
  if (Object.keys(map.stakeholders).length < PREPARE_FROM) return;
  await runInSlicesWhile(everything(map), stillWanted);
}
