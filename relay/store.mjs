// The relay's storage: one SQLite file in the data directory, run by sql.js (SQLite compiled to
// WebAssembly), so installing the relay builds nothing native. Two tables: `documents` (each shared
// map's Yjs state, as Hocuspocus's database extension hands it over) and `maps` (a SHA-256 of each
// map's access secret; the secret itself is never stored). sql.js keeps the database in memory:
// every change is written to the file whole, through a temporary file renamed over it, so a relay
// killed mid-write keeps the previous file intact.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import initSqlJs from 'sql.js';

const require = createRequire(import.meta.url);

export const hashSecret = (secret) => createHash('sha256').update(String(secret)).digest('hex');

/** Opens (or creates) `relay.sqlite` in `dataDir`. */
export async function openStore(dataDir) {
  mkdirSync(dataDir, { recursive: true });
  const SQL = await initSqlJs({ locateFile: (file) => require.resolve(`sql.js/dist/${file}`) });
  const path = join(dataDir, 'relay.sqlite');
  const db = existsSync(path) ? new SQL.Database(readFileSync(path)) : new SQL.Database();
  db.run(`CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BLOB NOT NULL, updated_at TEXT NOT NULL);
          CREATE TABLE IF NOT EXISTS maps (name TEXT PRIMARY KEY, secret_sha256 TEXT NOT NULL, created_at TEXT NOT NULL);`);

  function persist() {
    const bytes = db.export();
    const temporary = `${path}.tmp`;
    writeFileSync(temporary, bytes);
    const fd = openSync(temporary, 'r');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temporary, path);
  }
  persist();

  const one = (sql, params) => {
    const statement = db.prepare(sql);
    try {
      statement.bind(params);
      return statement.step() ? statement.getAsObject() : null;
    } finally {
      statement.free();
    }
  };

  return {
    path,
    /** The stored Yjs state of a map, or null. */
    fetch(name) {
      const row = one('SELECT data FROM documents WHERE name = ?', [name]);
      return row ? row.data : null;
    },
    store(name, state) {
      db.run('INSERT INTO documents (name, data, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at', [
        name,
        state,
        new Date().toISOString(),
      ]);
      persist();
    },
    /** The secret's hash a map was shared with, or null when the relay has not seen the map. */
    secretHash(name) {
      return one('SELECT secret_sha256 FROM maps WHERE name = ?', [name])?.secret_sha256 ?? null;
    },
    /** The first client to bring a map sets its secret (the map id and secret come from one share link). */
    claim(name, secret) {
      db.run('INSERT OR IGNORE INTO maps (name, secret_sha256, created_at) VALUES (?, ?, ?)', [name, hashSecret(secret), new Date().toISOString()]);
      persist();
      return one('SELECT secret_sha256 FROM maps WHERE name = ?', [name]).secret_sha256;
    },
    close() {
      db.close();
    },
  };
}
