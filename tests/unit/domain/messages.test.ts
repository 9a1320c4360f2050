// What a screen reader hears: a card's name, stance, roles and relationships, a department's
// coverage and size, a link as a sentence, and what an edit added or deleted.
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../src/domain/edits';
import { departmentHeadcounts, departmentSummary, describeChange, linkDescription, relationsOf, relationsSentence, stakeholderSummary } from '../../../src/domain/messages';
import { smallMap } from '../fixtures/maps';

describe('messages', () => {
  const map = smallMap();

  it('names a card by title, stance, roles, whom they report to and how many links they have', () => {
    expect(stakeholderSummary(map.stakeholders.stk_buyer)).toBe('Head of Procurement, stance unknown');
    expect(relationsSentence(map, relationsOf(map), 'stk_buyer')).toBe('reports to Claire, 2 links');
    expect(relationsSentence(map, relationsOf(map), 'stk_free')).toBe('0 links');
    const cio = stakeholderSummary(map.stakeholders.stk_cio);
    expect(cio).toContain(map.stakeholders.stk_cio.stance);
  });

  it('names a department by coverage and headcount, and a link as a sentence', () => {
    expect(departmentSummary(map.departments.dep_it, departmentHeadcounts(map).get('dep_it') ?? 0)).toBe('held by Acme, 1 person');
    expect(departmentSummary(map.departments.dep_proc, 1)).toBe('white space, 1 person');
    expect(linkDescription(map, map.links.lnk_1)).toBe('Link: reports-to. Zofia reports to Claire');
  });

  it('tells what an edit added or deleted, and stays quiet about a move', () => {
    const moved = applyEdit(map, { type: 'moveItems', moves: [{ id: 'stk_cfo', position: { x: 50, y: 60 } }] });
    expect(describeChange(map, moved)).toBeNull();
    const removed = applyEdit(map, { type: 'removeItems', ids: ['stk_free'] });
    expect(describeChange(map, removed)).toBe('Deleted Consultant');
    expect(describeChange(removed, map)).toBe('Added Consultant');
    const unlinked = applyEdit(map, { type: 'removeItems', ids: ['lnk_1'] });
    expect(describeChange(map, unlinked)).toBe('Removed 1 link');
    expect(describeChange(unlinked, map)).toBe('Linked: Zofia reports to Claire');
  });
});
