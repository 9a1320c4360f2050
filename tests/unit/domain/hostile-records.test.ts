// Outside data that once broke the editor: ids that name properties every object has, and finite
// but absurd coordinates. restore repairs both at the door and says what it did.
import { describe, expect, it } from 'vitest';
import { restoreMap, type RestoreResult } from '../../../src/domain/restore';
import { MAX_COORDINATE, usableViewport } from '../../../src/domain/bounds';
import type { AccountMap } from '../../../src/domain/types';
import { mapWith } from '../fixtures/maps';
import { DEFAULT_DEPARTMENT_SIZE, newStakeholder } from '../../../src/domain/defaults';
import { applyEdit } from '../../../src/domain/edits';

function restored(result: RestoreResult): { map: AccountMap; repairs: string[] } {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result;
}

describe('ids that every object already has', () => {
  it('are re-issued, and the records that point at them follow', () => {
    const raw = JSON.parse(
      JSON.stringify(
        mapWith({
          departments: [{ id: 'constructor', name: 'Finance' }],
          stakeholders: [
            { id: 'toString', name: 'Ana', departmentId: 'constructor' },
            { id: 'hasOwnProperty', name: 'Bo', successorId: 'toString' },
          ],
          links: [{ id: 'valueOf', kind: 'reports-to', sourceId: 'hasOwnProperty', targetId: 'toString' }],
        }),
      ),
    );
    const { map, repairs } = restored(restoreMap(raw));
    const ids = [...Object.keys(map.departments), ...Object.keys(map.stakeholders), ...Object.keys(map.links)];
    expect(ids.filter((id) => id in Object.prototype)).toEqual([]);
    const finance = Object.values(map.departments)[0];
    const ana = Object.values(map.stakeholders).find((p) => p.name === 'Ana')!;
    const bo = Object.values(map.stakeholders).find((p) => p.name === 'Bo')!;
    expect(ana.departmentId).toBe(finance.id);
    expect(bo.successorId).toBe(ana.id);
    expect(Object.values(map.links)[0]).toMatchObject({ sourceId: bo.id, targetId: ana.id });
    expect(repairs.filter((line) => /reserved word/.test(line)).join('\n')).toMatch(/constructor →[^]*toString →[^]*hasOwnProperty →[^]*valueOf →/);
  });

  it('__proto__ as a key of the records object is re-issued too, and no prototype changes', () => {
    const text = '{"id":"m","name":"M","departments":{},"links":{},"team":{},"stakeholders":{"__proto__":{"id":"__proto__","name":"Eve"}}}';
    const { map } = restored(restoreMap(JSON.parse(text)));
    const eve = Object.values(map.stakeholders);
    expect(eve.map((p) => p.name)).toEqual(['Eve']);
    expect(Object.getPrototypeOf(map.stakeholders)).toBe(Object.prototype);
  });
});

describe('coordinates far outside any map', () => {
  it('are brought back to their parent’s corner (sizes to the default), with a note', () => {
    const raw = JSON.parse(
      JSON.stringify(
        mapWith({
          departments: [{ id: 'dep_a', size: { width: 1e200, height: 300 } }],
          stakeholders: [{ id: 'stk_a', position: { x: 1e200, y: -1e308 } }],
        }),
      ),
    );
    const { map, repairs } = restored(restoreMap(raw));
    expect(map.stakeholders.stk_a.position).toEqual({ x: 0, y: 0 });
    expect(map.departments.dep_a.size.width).toBe(DEFAULT_DEPARTMENT_SIZE.width);
    expect(map.departments.dep_a.size.width).toBeLessThan(MAX_COORDINATE);
    expect(repairs.some((line) => /far outside the map/.test(line))).toBe(true);
  });

  it('a viewport the canvas cannot show is dropped, so the map opens fitted to the screen', () => {
    expect(usableViewport({ x: 1e308, y: 0, zoom: 1e-300 })).toBeNull();
    expect(usableViewport({ x: 0, y: 0, zoom: 0 })).toBeNull();
    expect(usableViewport({ x: Infinity, y: 0, zoom: 1 })).toBeNull();
    expect(usableViewport({ x: -312.5, y: 48, zoom: 0.75 })).toEqual({ x: -312.5, y: 48, zoom: 0.75 });
  });
});

describe('commands keep records on the canvas', () => {
  it('a move far off the canvas is skipped, an add there refused with a reason', () => {
    const map = mapWith({ stakeholders: [{ id: 'stk_a', position: { x: 10, y: 10 } }] });
    const moved = applyEdit(map, { type: 'moveItems', moves: [{ id: 'stk_a', position: { x: 1e200, y: 0 } }] });
    expect(moved.stakeholders.stk_a.position).toEqual({ x: 10, y: 10 });
    const far = newStakeholder({ id: 'stk_far', name: 'Far', position: { x: 0, y: -1e308 } });
    expect(() => applyEdit(map, { type: 'addStakeholder', stakeholder: far })).toThrow('That position is not on the canvas.');
  });
});
