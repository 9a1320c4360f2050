// Numbered, named steps that bring an older document up to SCHEMA_VERSION. Each step takes the
// raw map of version `from` (plain JSON, not yet repaired: code it defensively) and returns the
// raw map of version `to`; restoreMap then repairs and validates the result.
//
// To change the document's shape, e.g. from version 1 to 2:
//   1. Before changing anything, save a real version-1 file in tests/fixtures/ (an export of a
//      map that uses every feature); powermap-v1.json is already there for exactly this.
//   2. Change types.ts, schema.ts, defaults.ts and restore.ts to the new shape, and bump
//      SCHEMA_VERSION in types.ts to 2.
//   3. Add a step below, e.g.
//        { from: 1, to: 2, name: 'split stakeholder name into first and last name',
//          migrate: (map) => ({ ...map, stakeholders: ... }) }
//   4. In tests/unit/domain/migrations.test.ts, restore the v1 fixture and assert the new
//      shape (and no repairs). The chain test there fails until every version has its step.
import { SCHEMA_VERSION } from './types';

export interface Migration {
  from: number;
  to: number;
  /** What changed, in a few words: shown in errors and kept as the history of the format. */
  name: string;
  migrate(map: unknown): unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Each stakeholder of a raw map, whether the map holds them as an id-keyed object or as an array. */
function mapStakeholders(map: unknown, change: (stakeholder: Record<string, unknown>) => Record<string, unknown>): unknown {
  if (!isObject(map)) return map;
  const { stakeholders } = map;
  const each = (value: unknown) => (isObject(value) ? change(value) : value);
  if (Array.isArray(stakeholders)) return { ...map, stakeholders: stakeholders.map(each) };
  if (!isObject(stakeholders)) return map;
  return { ...map, stakeholders: Object.fromEntries(Object.entries(stakeholders).map(([id, value]) => [id, each(value)])) };
}

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    to: 2,
    name: 'stakeholders remember the CRM record they were imported from (crm, null when drawn by hand)',
    migrate: (map) => mapStakeholders(map, (stakeholder) => ('crm' in stakeholder ? stakeholder : { ...stakeholder, crm: null })),
  },
];

/**
 * Runs the steps from `fromVersion` up to `toVersion` in order. Throws if a step is missing,
 * which restoreMap turns into a readable refusal.
 */
export function migrate(
  map: unknown,
  fromVersion: number,
  steps: readonly Migration[] = MIGRATIONS,
  toVersion: number = SCHEMA_VERSION,
): unknown {
  let current = map;
  for (let version = fromVersion; version < toVersion; version++) {
    const step = steps.find((m) => m.from === version);
    if (!step || step.to !== version + 1) throw new Error(`No migration from schema version ${version}.`);
    current = step.migrate(current);
  }
  return current;
}
