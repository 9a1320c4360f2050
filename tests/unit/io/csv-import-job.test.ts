// The import's heavy half (io/csv-import/job.ts), run inline as the worker runs it: the rows stay in
// the session and the page gets only what the dialog shows, a new map is laid out and stored in one
// go, one map per account is stored all together, an import into the open map comes back as placed
// records in short slices plus an arrangement, a re-import is compared there, and a cancelled import
// stores nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { addRecords } from '../../../src/domain/commands';
import { applyEdit } from '../../../src/domain/edits';
import { createSampleAccountMap } from '../../../src/domain/sample';
import { parseCsv } from '../../../src/io/csv-import';
import { createSession, RECORDS_PER_MESSAGE, runJob, type ImportRequest, type ImportTarget, type JobMessage } from '../../../src/io/csv-import/job';
import { openJob } from '../../../src/io/csv-import/run-job';
import type { Department, Link, Stakeholder } from '../../../src/domain/types';
import { resetDatabaseForTests } from '../../../src/persistence/db';
import { listMaps, loadMap } from '../../../src/persistence/repository';

beforeEach(resetDatabaseForTests);

/** Teams of ten under a lead, three accounts, a department per team. */
function csv(rows: number): string {
  const lines = ['First Name,Last Name,Job Title,Department,Account Name,Reports To'];
  for (let i = 0; i < rows; i++) {
    const lead = i - (i % 10);
    lines.push(`P${i},${i % 10 === 0 ? 'Lead' : `M${i}`},"Role, ${i % 3}",Team ${lead / 10},Account ${Math.floor(i / 100) % 3},${i % 10 === 0 ? '' : `P${lead} Lead`}`);
  }
  return lines.join('\n');
}
const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

async function run(request: Parameters<typeof runJob>[0], cancelled?: () => boolean): Promise<JobMessage[]> {
  const messages: JobMessage[] = [];
  await runJob(request, (message) => messages.push(message), cancelled);
  return messages;
}

function importRequest(rows: number, target: ImportTarget): ImportRequest {
  const text = csv(rows);
  return {
    kind: 'import',
    bytes: bytes(text),
    encoding: 'utf-8',
    mapping: parseCsv(text).mapping,
    keepEmailOnly: false,
    origin: { system: 'CSV', file: 'people.csv', importedAt: '2026-12-01T09:00:00.000Z' },
    target,
  };
}

describe('reading', () => {
  it('keeps the rows: the page gets what was recognised and the row count, then a view of a few rows', async () => {
    const text = csv(5_000);
    const session = createSession();
    const messages: JobMessage[] = [];
    await session.run({ kind: 'read', bytes: bytes(text) }, (m) => messages.push(m));
    expect(messages).toHaveLength(1);
    const read = messages[0];
    expect(read.type).toBe('read');
    if (read.type !== 'read') return;
    expect(read).toMatchObject({ rowCount: 5_000, decoded: { encoding: 'utf-8' } });
    expect(read.parsed.headers).toContain('Reports To');
    expect('rows' in read.parsed).toBe(false);

    await session.run({ kind: 'view', mapping: read.parsed.mapping, choice: 'Account 1', target: null }, (m) => messages.push(m));
    const view = messages[1];
    if (view.type !== 'view') throw new Error(`expected a view, got ${view.type}`);
    expect(view.view.accounts.map((a) => [a.key, a.rows])).toEqual([['Account 0', 1_700], ['Account 1', 1_700], ['Account 2', 1_600]]);
    expect(view.view.choice).toBe('Account 1');
    // The first rows of the chosen account, ready to print, the manager by name.
    expect(view.view.preview.map((row) => [row.line, row.name, row.manager])).toEqual([
      [102, 'P100 Lead', ''],
      [103, 'P101 M101', 'P100 Lead'],
      [104, 'P102 M102', 'P100 Lead'],
      [105, 'P103 M103', 'P100 Lead'],
      [106, 'P104 M104', 'P100 Lead'],
    ]);
    // A few kilobytes, whatever the file's size.
    expect(JSON.stringify(view.view).length).toBeLessThan(2_000);
  });

  it('says why a file cannot be read', async () => {
    const messages = await run({ kind: 'read', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]).buffer });
    expect(messages.at(-1)?.type).toBe('read');
    const read = messages.at(-1);
    if (read?.type === 'read') expect(read.parsed.problems.some((p) => p.severity === 'error')).toBe(true);
  });
});

describe('importing', () => {
  it('lays a new map out and stores it, reporting counts and progress', async () => {
    const messages = await run(importRequest(1_000, { newMap: { id: 'map_new', name: 'People' } }));
    expect(messages.at(-1)).toMatchObject({ type: 'stored', maps: 1, summary: { stakeholders: 1_000, departments: 100, links: 900 } });
    const progress = messages.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.at(-1)).toMatchObject({ label: 'Saving the map', final: true });
    const loaded = await loadMap('map_new');
    if (!loaded.ok) throw new Error(loaded.error);
    expect(Object.keys(loaded.map.stakeholders)).toHaveLength(1_000);
    // Laid out: no two people of a department in one place (positions are relative to the department).
    const places = new Set(Object.values(loaded.map.stakeholders).map((p) => `${p.departmentId} ${p.position.x},${p.position.y}`));
    expect(places.size).toBe(1_000);
  });

  it('makes one map per account, stored together', async () => {
    const each = [0, 1, 2].map((n) => ({ key: `Account ${n}`, id: `map_${n}`, name: `Account ${n}` }));
    const messages = await run(importRequest(600, { each }));
    expect(messages.at(-1)).toMatchObject({ type: 'stored', maps: 3, summary: { stakeholders: 600 } });
    const maps = await listMaps();
    expect(maps.map((m) => [m.name, m.stakeholderCount]).sort()).toEqual([['Account 0', 200], ['Account 1', 200], ['Account 2', 200]]);
  });

  it('says how many rows are in no map when one map per account is made', async () => {
    const each = [0, 1].map((n) => ({ key: `Account ${n}`, id: `map_${n}`, name: `Account ${n}` }));
    const messages = await run(importRequest(600, { each }));
    expect(messages.at(-1)).toMatchObject({ type: 'stored', maps: 2, summary: { stakeholders: 400, otherAccounts: 200 } });
  });

  it('into the open map: placed records come back in short slices, then the arrangement; nothing is stored', async () => {
    const open = createSampleAccountMap('2026-12-01T09:00:00.000Z');
    const messages = await run(importRequest(2_500, { into: open }));
    const into = messages.at(-1)!;
    expect(into.type).toBe('into');
    if (into.type !== 'into') return;
    const slices = messages.filter((m) => m.type === 'records');
    const records: { departments: Department[]; stakeholders: Stakeholder[]; links: Link[] } = { departments: [], stakeholders: [], links: [] };
    for (const slice of slices) {
      if (slice.type !== 'records') continue;
      expect(slice.departments.length + slice.stakeholders.length + slice.links.length).toBeLessThanOrEqual(RECORDS_PER_MESSAGE);
      records.departments.push(...slice.departments);
      records.stakeholders.push(...slice.stakeholders);
      records.links.push(...slice.links);
    }
    expect(records.stakeholders).toHaveLength(2_500);
    expect(slices.length).toBe(Math.ceil((2_500 + 250 + 2_250) / RECORDS_PER_MESSAGE));
    // Placed by the layout: no two new people of a department in one place.
    expect(new Set(records.stakeholders.map((p) => `${p.departmentId} ${p.position.x},${p.position.y}`)).size).toBe(2_500);
    const after = applyEdit(addRecords(open, records), into.arrange);
    expect(Object.keys(after.stakeholders)).toHaveLength(Object.keys(open.stakeholders).length + 2_500);
    expect(await listMaps()).toEqual([]);
  });

  it('compares a newer export with the open map where the rows are, from the map the last view named', async () => {
    const people = (rows: string[]) => ['Id,FirstName,LastName,Title,Department,ReportsToId', ...rows].join('\n');
    const before = people(['003A,Ada,Lind,CFO,Finance,', '003B,Bo,Berg,Controller,Finance,003A', '003C,Cy,Holm,Buyer,Finance,003A']);
    const after = people(['003A,Ada,Lind,CFO,Finance,', '003B,Bo,Berg,Head of Control,Finance,003A', '003D,Di,Sand,Buyer,Finance,003A']);
    const session = createSession();
    const messages: JobMessage[] = [];
    const post = (m: JobMessage) => messages.push(m);
    const mapping = parseCsv(before).mapping;
    const origin = { system: 'Salesforce', file: 'contacts.csv', importedAt: '2026-12-01T09:00:00.000Z' };
    // The open map after a first import of the older export.
    const sample = createSampleAccountMap('2026-12-01T09:00:00.000Z');
    await session.run({ kind: 'import', bytes: bytes(before), encoding: 'utf-8', mapping, keepEmailOnly: false, origin, target: { into: sample } }, post);
    const records: { departments: Department[]; stakeholders: Stakeholder[]; links: Link[] } = { departments: [], stakeholders: [], links: [] };
    for (const m of messages) if (m.type === 'records') for (const kind of ['departments', 'stakeholders', 'links'] as const) (records[kind] as unknown[]).push(...m[kind]);
    const into = messages.at(-1);
    if (into?.type !== 'into') throw new Error(`expected the records, got ${into?.type}`);
    const open = applyEdit(addRecords(sample, records), into.arrange);

    await session.run({ kind: 'read', bytes: bytes(after) }, post);
    await session.run({ kind: 'view', mapping, choice: null, target: open }, post);
    const view = messages.at(-1);
    expect(view?.type === 'view' && view.view.reimport).toBe(true);
    await session.run({ kind: 'review', mapping, keepEmailOnly: false, origin: { ...origin, file: 'newer.csv' } }, post);
    const review = messages.at(-1);
    if (review?.type !== 'review') throw new Error(`expected a review, got ${review?.type}`);
    expect(review.plan.changed.map((person) => [person.name, person.title?.to])).toEqual([['Bo Berg', 'Head of Control']]);
    expect(review.plan.added.stakeholders.map((person) => person.name)).toEqual(['Di Sand']);
    expect(review.plan.missing.map((person) => person.name)).toEqual(['Cy Holm']);
  });

  it('stores nothing when cancelled', async () => {
    const messages = await run(importRequest(1_000, { newMap: { id: 'map_new', name: 'People' } }), () => true);
    expect(messages.some((m) => m.type === 'stored')).toBe(false);
    expect(await listMaps()).toEqual([]);
  });

  it('runs inline where there is no Worker, and cancelling it stores nothing', async () => {
    const done = new Promise<JobMessage>((resolve) => {
      openJob().send(importRequest(200, { newMap: { id: 'map_a', name: 'A' } }), (m) => m.type === 'stored' && resolve(m));
    });
    expect(await done).toMatchObject({ type: 'stored', maps: 1 });
    const seen: JobMessage[] = [];
    const job = openJob();
    job.send(importRequest(200, { newMap: { id: 'map_b', name: 'B' } }), (m) => seen.push(m));
    job.close();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(seen).toEqual([]);
    expect((await listMaps()).map((m) => m.name)).toEqual(['A']);
  });
});
