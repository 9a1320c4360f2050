// Numbered, named steps that bring an older document up to SCHEMA_VERSION. Each step takes the
// raw map of version `from` and returns the raw map of version `to`; restoreMap repairs and
// validates the result. To change the document's shape:
//   1. bump SCHEMA_VERSION in types.ts,
//   2. add { from: N, to: N + 1, name: 'what changed', migrate } below,
//   3. keep a real file of version N in tests/fixtures/ and a test that restores it.
import { SCHEMA_VERSION } from './types';

export interface Migration {
  from: number;
  to: number;
  name: string;
  migrate(map: unknown): unknown;
}

/** Version 1 is the first released shape: there is nothing to migrate from yet. */
export const MIGRATIONS: Migration[] = [];

export function migrate(map: unknown, fromVersion: number): unknown {
  let current = map;
  for (let version = fromVersion; version < SCHEMA_VERSION; version++) {
    const step = MIGRATIONS.find((m) => m.from === version);
    if (!step) throw new Error(`No migration from schema version ${version}.`);
    current = step.migrate(current);
  }
  return current;
}
