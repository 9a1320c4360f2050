// @vitest-environment node
// The relay in-process with real WebSocket clients: a map shared with its secret reaches another
// client that has the secret, a client with a wrong or no secret is refused and reads nothing, and
// a relay stopped and started again on its data directory still has the map.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay } from '../../../relay/relay.mjs';
import { connect, fetchSharedMap, useWebSocketClass } from '../../../src/sync/session';
import { readMap, writeChanges } from '../../../src/sync/ydoc-map';
import { fieldCipher, newKey } from '../../../src/sync/field-cipher';
import { createSampleAccountMap } from '../../../src/domain/sample';
import type { Share } from '../../../src/persistence/shares';

// Node 20 has no WebSocket of its own: the ws package (the relay's own) stands in.
useWebSocketClass(createRequire(import.meta.url)('ws'));

let dataDir = '';
let relay: Awaited<ReturnType<typeof startRelay>>;
const sample = createSampleAccountMap('2026-12-01T10:00:00.000Z');
const share = (secret: string): Share => ({ mapId: sample.id, room: 'map_relay-test', relay: `ws://127.0.0.1:${relay.port}`, secret });
const key = newKey();
const sealed = (withKey?: string): Share => ({ mapId: sample.id, room: 'map_relay-sealed', relay: `ws://127.0.0.1:${relay.port}`, secret: 'sealed-secret', ...(withKey === undefined ? {} : { key: withKey }) });

/** What the relay keeps of a map in relay.sqlite, once it has written it, as text. */
async function storedText(room: string): Promise<string> {
  // sql.js, as the relay reads it (it ships no types).
  type Rows = { values: unknown[][] }[];
  type SqlJs = { Database: new (bytes: Uint8Array) => { exec(sql: string, params: unknown[]): Rows; close(): void } };
  const require = createRequire(import.meta.url);
  const initSqlJs = require('sql.js') as (options: { locateFile(file: string): string }) => Promise<SqlJs>;
  const SQL = await initSqlJs({ locateFile: (file) => require.resolve(`sql.js/dist/${file}`) });
  let data: Uint8Array | null = null;
  await until(() => {
    const db = new SQL.Database(readFileSync(join(dataDir, 'relay.sqlite')));
    data = (db.exec('SELECT data FROM documents WHERE name = ?', [room])[0]?.values[0]?.[0] as Uint8Array | undefined) ?? null;
    db.close();
    return data !== null;
  });
  return new TextDecoder().decode(data!);
}

async function bring(target: Share, cipher?: ReturnType<typeof fieldCipher>) {
  const doc = new Y.Doc();
  writeChanges(doc, null, sample, 'local', cipher);
  let live = false;
  const connection = connect(target, doc, { onStatus: (status) => (live ||= status === 'live') });
  await until(() => live);
  connection.close();
}

const until = (check: () => boolean, ms = 5000) =>
  new Promise<void>((resolve, reject) => {
    const start = Date.now();
    const tick = () => (check() ? resolve() : Date.now() - start > ms ? reject(new Error('timed out')) : setTimeout(tick, 20));
    tick();
  });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'powermap-relay-'));
  relay = await startRelay({ port: 0, host: '127.0.0.1', data: dataDir });
  // The first client shares the map: it brings the document and sets the map's secret.
  await bring(share('right-secret'));
  await bring(sealed(key), fieldCipher(key));
});

afterAll(async () => {
  await relay.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the relay', () => {
  it('gives the map to a client with its secret', async () => {
    const { map } = await fetchSharedMap(share('right-secret'));
    expect(map.name).toBe(sample.name);
    expect(Object.keys(map.stakeholders).sort()).toEqual(Object.keys(sample.stakeholders).sort());
  });

  it('refuses a wrong secret with a clear message, and that client reads nothing', async () => {
    await expect(fetchSharedMap(share('guessed'))).rejects.toThrow(/access secret is wrong/);
    const doc = new Y.Doc();
    let status = '';
    const connection = connect(share('guessed'), doc, { onStatus: (s) => (status = s) });
    await until(() => status === 'refused');
    await new Promise((resolve) => setTimeout(resolve, 300));
    connection.close();
    expect(readMap(doc, sample.id)).toBeNull();
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
  });

  it('refuses a client without a secret', async () => {
    await expect(fetchSharedMap(share(''))).rejects.toThrow(/no access secret/);
  });

  it('stores an encrypted map without any name, title or note from it', async () => {
    const stored = await storedText('map_relay-sealed');
    const words = [sample.name, ...Object.values(sample.stakeholders).flatMap((s) => [s.name, s.title, s.notes]), ...Object.values(sample.departments).map((d) => d.name)];
    expect(words.filter((word) => word && word.length > 3 && stored.includes(word))).toEqual([]);
    // A map shared without a key (before encryption) is stored in clear: the check sees names when they are there.
    expect(await storedText('map_relay-test')).toContain('Henrik Larsen');
  });

  it('opens an encrypted map with the link’s key, and says so when the key is wrong or missing', async () => {
    const { map } = await fetchSharedMap(sealed(key));
    expect(map.name).toBe(sample.name);
    expect(map.stakeholders[Object.keys(sample.stakeholders)[0]]).toEqual(sample.stakeholders[Object.keys(sample.stakeholders)[0]]);
    await expect(fetchSharedMap(sealed(newKey()))).rejects.toThrow(/encryption key does not open this map/);
    await expect(fetchSharedMap(sealed())).rejects.toThrow(/has no key to open it/);
  });

  it('keeps the map across a restart on the same data directory', async () => {
    const port = relay.port;
    await relay.stop();
    relay = await startRelay({ port, host: '127.0.0.1', data: dataDir });
    const { map } = await fetchSharedMap(share('right-secret'));
    expect(Object.keys(map.stakeholders)).toHaveLength(Object.keys(sample.stakeholders).length);
  });
});
