// A spare copy of a record table (made ahead, while the page is idle) is taken by one edit only:
// every other version of the table stays as it was.
import { describe, expect, it } from 'vitest';
import { changedIds, hasSpareCopy, prepareCopy, recordCount, withRecord } from '../../../src/domain/table-changes';

type Row = { id: string; value: number };
const tableOf = (n: number): Record<string, Row> => Object.fromEntries(Array.from({ length: n }, (_, i) => [`r${i}`, { id: `r${i}`, value: i }]));

describe('spare copies of a record table', () => {
  it('are taken by the next edit, which then leaves the original as it was', () => {
    const table = tableOf(50);
    prepareCopy(table);
    expect(hasSpareCopy(table)).toBe(true);
    const edited = withRecord(table, { id: 'r3', value: -1 });
    expect(hasSpareCopy(table)).toBe(false);
    expect(edited).not.toBe(table);
    expect(edited.r3.value).toBe(-1);
    expect(table.r3.value).toBe(3);
    expect(Object.keys(edited)).toEqual(Object.keys(table));
    // What the journal and the counts read of the new version still holds.
    expect(changedIds(table, edited)).toEqual(new Set(['r3']));
    expect(recordCount(edited)).toBe(50);
  });

  it('are never handed to two edits of the same version', () => {
    const table = tableOf(50);
    prepareCopy(table);
    const first = withRecord(table, { id: 'r1', value: 100 });
    const second = withRecord(table, { id: 'r2', value: 200 });
    expect(second).not.toBe(first);
    expect(first.r2.value).toBe(2);
    expect(second.r1.value).toBe(1);
    expect(first.r1.value).toBe(100);
    expect(second.r2.value).toBe(200);
  });

  it('hold a record added by the edit, after the others', () => {
    const table = tableOf(3);
    prepareCopy(table);
    const edited = withRecord(table, { id: 'new', value: 9 });
    expect(Object.keys(edited)).toEqual(['r0', 'r1', 'r2', 'new']);
    expect('new' in table).toBe(false);
    expect(recordCount(edited)).toBe(4);
  });
});
