// Which decision-makers a champion can reach, and by which shortest chain of people and links.
import { describe, expect, it } from 'vitest';
import { championPaths } from '../../../src/domain/insights';
import { createSampleAccountMap } from '../../../src/domain/sample';
import { mapWith } from '../fixtures/maps';

const dm = { roles: ['decision-maker' as const] };

describe('championPaths', () => {
  it('follows influence in its direction, reporting lines and allies both ways, and finds the shortest chain', () => {
    const map = mapWith({
      stakeholders: [
        { id: 'ana', stance: 'champion' },
        { id: 'bo' },
        { id: 'cy' },
        { id: 'dm', ...dm },
      ],
      links: [
        // The long way: ana influences bo, bo is cy's ally, cy reports to dm.
        { id: 'l1', kind: 'influences', sourceId: 'ana', targetId: 'bo' },
        { id: 'l2', kind: 'ally', sourceId: 'cy', targetId: 'bo' },
        { id: 'l3', kind: 'reports-to', sourceId: 'cy', targetId: 'dm' },
        // The short way: the decider reports to... no, the champion reports to the decider.
        { id: 'l4', kind: 'reports-to', sourceId: 'ana', targetId: 'dm' },
      ],
    });
    expect(championPaths(map)).toEqual([{ decider: map.stakeholders.dm, path: { stakeholderIds: ['ana', 'dm'], linkIds: ['l4'] } }]);

    delete map.links.l4;
    expect(championPaths(map)[0].path).toEqual({ stakeholderIds: ['ana', 'bo', 'cy', 'dm'], linkIds: ['l1', 'l2', 'l3'] });
  });

  it('does not walk an influence link backwards, a conflict, or through someone who left', () => {
    const map = mapWith({
      stakeholders: [{ id: 'ana', stance: 'champion' }, { id: 'gone', leftCompany: true }, { id: 'dm', ...dm }, { id: 'eb', roles: ['economic-buyer'] }],
      links: [
        { id: 'l1', kind: 'influences', sourceId: 'dm', targetId: 'ana' },
        { id: 'l2', kind: 'conflict', sourceId: 'ana', targetId: 'eb' },
        { id: 'l3', kind: 'ally', sourceId: 'ana', targetId: 'gone' },
        { id: 'l4', kind: 'ally', sourceId: 'gone', targetId: 'eb' },
      ],
    });
    expect(championPaths(map).map((entry) => [entry.decider.id, entry.path])).toEqual([
      ['dm', null],
      ['eb', null],
    ]);
  });

  it('has nothing to offer without champions, and a champion who decides is their own path', () => {
    const none = mapWith({ stakeholders: [{ id: 'dm', ...dm }] });
    expect(championPaths(none)[0].path).toBeNull();
    const self = mapWith({ stakeholders: [{ id: 'dm', stance: 'champion', ...dm }] });
    expect(championPaths(self)[0].path).toEqual({ stakeholderIds: ['dm'], linkIds: [] });
  });

  it('on the sample, every path starts at a champion, ends at its decider and follows real links', () => {
    const map = createSampleAccountMap('2026-11-22T09:00:00.000Z');
    const paths = championPaths(map);
    expect(paths.length).toBeGreaterThan(2);
    expect(paths.some((entry) => entry.path && entry.path.stakeholderIds.length > 1)).toBe(true);
    for (const { decider, path } of paths) {
      if (!path) continue;
      expect(map.stakeholders[path.stakeholderIds[0]].stance).toBe('champion');
      expect(path.stakeholderIds.at(-1)).toBe(decider.id);
      path.linkIds.forEach((linkId, i) => {
        const ends = [map.links[linkId].sourceId, map.links[linkId].targetId].sort();
        expect(ends).toEqual([path.stakeholderIds[i], path.stakeholderIds[i + 1]].sort());
      });
    }
  });
});
