import { describe, expect, it } from 'vitest';
import { sceneOf } from '../../../src/drawing/line-routes';
import { packScene, unpackScene } from '../../../src/io/route-scene';
import { createSampleAccountMap } from '../../../src/domain/sample';

describe('a routing scene on its way to the worker', () => {
  it('arrives as the same scene: cards, frames, name strips, lines, their labels and arrowheads', () => {
    const scene = sceneOf(createSampleAccountMap('2026-12-01T10:00:00.000Z'));
    expect(scene.lines.some((line) => line.label)).toBe(true);
    expect(scene.lines.some((line) => !line.label)).toBe(true);
    expect(scene.lines.some((line) => line.head) && scene.lines.some((line) => !line.head)).toBe(true);
    const { packed, transfer } = packScene(scene);
    // The numbers travel in buffers that are moved, not copied.
    expect(transfer).toHaveLength(5);
    expect(unpackScene(structuredClone(packed))).toEqual(scene);
  });
});
