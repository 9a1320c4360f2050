// The import's heavy half (io/csv-import/job.ts), run inline as the worker runs it: the rows reach the
// page in small chunks, a new map is laid out and stored in one go, one map per account is stored
// all together, an import into the open map comes back as records plus an arrangement, and a
// cancelled import stores nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { addRecords } from '../../../src/domain/commands';
import { applyEdit } from '../../../src/domain/edits';
import { createSampleAccountMap } from '../../../src/domain/sample';
import { parseCsv } from '../../../src/io/csv-import';
import { ROWS_PER_MESSAGE, runJob, type ImportRequest, type ImportTarget, type JobMessage } from '../../../src/io/csv-import/job';
import { startJob } from '../../../src/io/csv-import/run-job';
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
  it('sends the parsed rows in chunks, then what was recognised', async () => {
    const messages = await run({ kind: 'read', bytes: bytes(csv(5_000)) });
    const chunks = messages.filter((m) => m.type === 'rows');
    expect(chunks.length).toBe(Math.ceil(5_000 / ROWS_PER_MESSAGE));
    expect(chunks.every((m) => m.type === 'rows' && m.rows.length <= ROWS_PER_MESSAGE)).toBe(true);
    expect(chunks.flatMap((m) => (m.type === 'rows' ? m.rows : [])).map((row) => row.line)).toEqual(Array.from({ length: 5_000 }, (_, i) => i + 2));
    const read = messages.at(-1)!;
    expect(read.type).toBe('read');
    if (read.type === 'read') {
      expect(read).toMatchObject({ rowCount: 5_000, decoded: { encoding: 'utf-8' } });
      expect(read.parsed.headers).toContain('Reports To');
      expect('rows' in read.parsed).toBe(false);
    }
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

  it('into the open map: records and their arrangement come back, nothing is stored', async () => {
    const open = createSampleAccountMap('2026-12-01T09:00:00.000Z');
    const messages = await run(importRequest(50, { into: open }));
    const into = messages.at(-1)!;
    expect(into.type).toBe('into');
    if (into.type !== 'into') return;
    expect(into.records.stakeholders).toHaveLength(50);
    const after = applyEdit(addRecords(open, into.records), into.arrange);
    expect(Object.keys(after.stakeholders)).toHaveLength(Object.keys(open.stakeholders).length + 50);
    expect(await listMaps()).toEqual([]);
  });

  it('stores nothing when cancelled', async () => {
    const messages = await run(importRequest(1_000, { newMap: { id: 'map_new', name: 'People' } }), () => true);
    expect(messages.some((m) => m.type === 'stored')).toBe(false);
    expect(await listMaps()).toEqual([]);
  });

  it('runs inline where there is no Worker, and cancelling it stores nothing', async () => {
    const done = new Promise<JobMessage>((resolve) => {
      startJob(importRequest(200, { newMap: { id: 'map_a', name: 'A' } }), (m) => m.type === 'stored' && resolve(m));
    });
    expect(await done).toMatchObject({ type: 'stored', maps: 1 });
    const seen: JobMessage[] = [];
    const job = startJob(importRequest(200, { newMap: { id: 'map_b', name: 'B' } }), (m) => seen.push(m));
    job.cancel();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(seen).toEqual([]);
    expect((await listMaps()).map((m) => m.name)).toEqual(['A']);
  });
});
