// What a screen reader hears: a card's name, stance, roles and relationships, a department's
// coverage and size, a link as a sentence, and what an edit added or deleted.
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../src/domain/edits';
import { departmentHeadcounts, departmentSummary, describeChange, linkDescription, relationsOf, relationsSentence, stakeholderSummary } from '../../../src/domain/messages';
import { smallMap } from '../fixtures/maps';
import { setLanguage, t, tWords } from '../../../src/i18n';

describe('messages', () => {
  const map = smallMap();

  it('names a card by title, stance, roles, whom they report to and how many links they have', () => {
    expect(stakeholderSummary(map.stakeholders.stk_buyer)).toBe('Head of Procurement, stance unknown');
    expect(relationsSentence(map, relationsOf(map), 'stk_buyer')).toBe('reports to Claire, 2 links');
    expect(relationsSentence(map, relationsOf(map), 'stk_free')).toBe('0 links');
    const cio = stakeholderSummary(map.stakeholders.stk_cio);
    expect(cio).toContain(map.stakeholders.stk_cio.stance);
  });

  it('says a card’s name in the same words, plurals and order as the full formatter, in every language it switches to', async () => {
    const words = { name: 'Ana {Pop}', summary: "CFO, it's #1", relations: '' };
    try {
      for (const language of ['en', 'ru', 'pl'] as const) {
        await setLanguage(language);
        for (const count of [1, 3, 5, 22]) {
          const managers = 'Zofia';
          expect(tWords('a11y.reportsToAndLinks', { managers }, { count })).toBe(t('a11y.reportsToAndLinks', { managers, count }));
          expect(tWords('a11y.links', {}, { count })).toBe(t('a11y.links', { count }));
        }
        words.relations = tWords('a11y.links', {}, { count: 2 });
        expect(tWords('a11y.stakeholderName', words)).toBe(t('a11y.stakeholderName', words));
        expect(tWords('a11y.stance.champion')).toBe(t('a11y.stance.champion'));
      }
    } finally {
      await setLanguage('en');
    }
    expect(relationsSentence(map, relationsOf(map), 'stk_buyer')).toBe('reports to Claire, 2 links');
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

  it('names the first five of a large addition and says how many more, in the language of the page', async () => {
    const people = Array.from({ length: 2000 }, (_, i) => ({ ...map.stakeholders.stk_free, id: `stk_new${i}`, name: `Person ${i + 1}` }));
    const imported = applyEdit(map, { type: 'addRecords', departments: [], stakeholders: people, links: [] });
    expect(describeChange(map, imported)).toBe('Added Person 1, Person 2, Person 3, Person 4, Person 5 and 1,995 more');
    expect(describeChange(imported, map)).toBe('Deleted Person 1, Person 2, Person 3, Person 4, Person 5 and 1,995 more');
    try {
      await setLanguage('ru');
      expect(describeChange(map, imported)).toBe('Добавлено: Person 1, Person 2, Person 3, Person 4, Person 5 и ещё 1\u00a0995');
    } finally {
      await setLanguage('en');
    }
  });
});
