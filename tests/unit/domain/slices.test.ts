import { describe, expect, it } from 'vitest';
import { runInSlicesWhile, type Steps } from '../../../src/domain/slices';

/** Counts its steps; each takes `ms` of busy time, so a slice holds only a few. */
function* counted(done: { steps: number }, total: number, ms: number): Steps<void> {
  for (let i = 0; i < total; i++) {
    const until = performance.now() + ms;
    while (performance.now() < until);
    done.steps++;
    yield;
  }
}

describe('work in slices while it is wanted', () => {
  it('runs to the end while wanted', async () => {
    const done = { steps: 0 };
    expect(await runInSlicesWhile(counted(done, 20, 2), () => true)).toBe(true);
    expect(done.steps).toBe(20);
  });

  it('stops at the first pause once no longer wanted, and says so', async () => {
    const done = { steps: 0 };
    expect(await runInSlicesWhile(counted(done, 100, 2), () => false)).toBe(false);
    // One slice (12 ms of 2 ms steps) ran before the first pause.
    expect(done.steps).toBeGreaterThan(0);
    expect(done.steps).toBeLessThan(100);
  });

  it('lets an error of the work itself through', async () => {
    function* failing(): Steps<void> {
      yield;
      throw new Error('broken record');
    }
    await expect(runInSlicesWhile(failing(), () => true)).rejects.toThrow('broken record');
  });
});
