// The one door for outside data: stored records, imported files and pastes all come through
// restoreMap(). It checks the envelope, migrates old versions, then repairs record by record
// (bad enum -> default, dangling link -> dropped, duplicate id -> re-issued) and says what it did.
// It never throws: a refusal comes back as { ok: false, error } for the UI to show, and the
// user's current map is never touched by a failed restore.
import { createId, type IdPrefix } from './ids';
import { t } from '../i18n';
import { FieldReader, Repairs, isObject, type Raw, type RecordKind } from './restore-fields';
import { migrate } from './migrations';
import { accountMapSchema, departmentSchema, linkSchema, stakeholderSchema, teamMemberSchema } from './schema';
import { runAtOnce, runInSlices, type Steps } from './slices';
import { DEFAULT_DEPARTMENT_SIZE, MIN_DEPARTMENT_SIZE, newDepartment, newLink, newStakeholder, newTeamMember } from './defaults';
import {
  COVERAGE_STATUSES,
  INFLUENCE_LEVELS,
  LINK_KINDS,
  RELATIONSHIP_STRENGTHS,
  SCHEMA_VERSION,
  STANCES,
  TEAM_ROLES,
  type AccountMap,
  type Department,
  type Link,
  type Stakeholder,
  type TeamMember,
} from './types';

export type RestoreResult = { ok: true; map: AccountMap; repairs: string[] } | RestoreRefusal;

/** Why a restore refused: `notAMap` lets a caller say more about what the file holds instead. */
export type RestoreRefusal = { ok: false; error: string; notAMap?: true };
const notAMap = (): { error: string; notAMap: true } => ({ error: t('restore.error.notAMap'), notAMap: true });
export { noName } from './restore-fields';
/** What a map without a name is called, in the language of the repair. */
export const untitledMap = (): string => t('restore.untitledMap');


/** Whether a restored record with this id exists; an own property, so `constructor` or `toString` never count as one. */
const has = (records: object, id: string): boolean => Object.hasOwn(records, id);

/** Records may arrive as an array or as an id-keyed object (then the key stands in for a missing id). */
function recordsOf(value: unknown): { key: string | null; raw: Raw }[] {
  if (Array.isArray(value)) return value.filter(isObject).map((raw) => ({ key: null, raw }));
  if (isObject(value)) return Object.entries(value).flatMap(([key, raw]) => (isObject(raw) ? [{ key, raw }] : []));
  return [];
}


/** The fields this version knows, per record kind; anything else in a record is an extra. */
const KNOWN = {
  department: new Set(Object.keys(newDepartment({ id: '' }))),
  stakeholder: new Set(Object.keys(newStakeholder({ id: '' }))),
  link: new Set(Object.keys(newLink({ id: '', kind: 'ally', sourceId: '', targetId: '' }))),
  team: new Set(Object.keys(newTeamMember({ id: '' }))),
  map: new Set(['id', 'name', 'createdAt', 'updatedAt', 'departments', 'stakeholders', 'links', 'team']),
};

/**
 * Copies fields this version does not know onto the restored record, so a newer minor addition
 * survives a round trip. Known fields were already read (and repaired) and are not overwritten.
 */
function withExtras<T extends object>(record: T, raw: Raw, known: Set<string>): T {
  for (const key of Object.keys(raw)) {
    if (key === '__proto__' || known.has(key)) continue;
    (record as Raw)[key] = raw[key];
  }
  return record;
}

const DEFAULT_TEAM_ROLE = newTeamMember({ id: '' }).role;

const ID_PREFIX = { department: 'dep', stakeholder: 'stk', link: 'lnk', teamMember: 'tm' } as const satisfies Record<RecordKind, IdPrefix>;

/** One id space across all record kinds: a link endpoint must say unambiguously what it points to. */
class Ids {
  private used = new Set<string>();
  /** Re-issued ids by the id the file gave them, so references can follow a record that was renamed. */
  private renamed = new Map<string, { kind: RecordKind; fresh: string }[]>();
  constructor(private readonly repairs: Repairs) {}

  /**
   * Where a reference to `original` leads, for a reference that may point at records of `kinds`.
   * A record that kept the id wins (with two records of one kind under one id, the file cannot say
   * which it meant, so the first keeps it). Otherwise, when exactly one record of those kinds was
   * re-issued from that id (it collided with a record of another kind), the reference follows it.
   * Anything else is left as it is and then checked like any other reference.
   */
  follow(original: string | null, kinds: readonly RecordKind[], kept: (id: string) => boolean): string | null {
    if (!original || kept(original)) return original;
    const candidates = (this.renamed.get(original) ?? []).filter((entry) => kinds.includes(entry.kind));
    return candidates.length === 1 ? candidates[0].fresh : original;
  }

  claim(raw: Raw, key: string | null, kind: RecordKind): string | null {
    let value = raw.id;
    if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
    if (typeof value !== 'string' || !value) value = key ?? undefined;
    if (typeof value !== 'string' || !value) {
      this.repairs.note('noId', undefined, { kind });
      return null;
    }
    // An id that names a property every object has (constructor, toString, __proto__) would make
    // a lookup of a missing record find that property instead: such ids never enter the map.
    const reserved = value in Object.prototype;
    if (this.used.has(value) || reserved) {
      const fresh = createId(ID_PREFIX[kind]);
      this.repairs.note(reserved ? 'reservedId' : 'repeatedId', `${value} → ${fresh}`, { kind });
      this.used.add(fresh);
      this.renamed.set(value, [...(this.renamed.get(value) ?? []), { kind, fresh }]);
      return fresh;
    }
    this.used.add(value);
    return value;
  }
}

const unreadable = (error: unknown): RestoreRefusal => ({
  ok: false,
  error: t('restore.error.unreadable', { reason: error instanceof Error ? error.message : String(error) }),
});

export function restoreMap(input: unknown): RestoreResult {
  try {
    return runAtOnce(restoreSteps(input));
  } catch (error) {
    return unreadable(error);
  }
}

/**
 * restoreMap in slices of a few milliseconds, handing the main thread back between them (see
 * slices.ts): the same steps and the same result. Restoring and checking 20,000 stored people in
 * one piece blocked the page for about two seconds while a map opened.
 */
export async function restoreMapInSlices(input: unknown, pause?: () => Promise<void>): Promise<RestoreResult> {
  try {
    return await runInSlices(restoreSteps(input), pause);
  } catch (error) {
    return unreadable(error);
  }
}

/** For a file's or the clipboard's text: JSON first, then restoreMap. */
export function restoreMapFromText(text: string): RestoreResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: t('restore.error.notJson') };
  }
  return restoreMap(parsed);
}

/** The map inside an envelope (after migration), or the bare map; or the reason it cannot be read. */
function unwrap(input: unknown): { body: Raw } | { error: string; notAMap?: true } {
  if (!isObject(input)) return notAMap();
  let body: unknown = input;
  if ('format' in input || 'schemaVersion' in input) {
    if (input.format !== 'powermap') return notAMap();
    const version = input.schemaVersion;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      return { error: t('restore.error.noVersion') };
    }
    if (version > SCHEMA_VERSION) {
      return { error: t('restore.error.newer', { version }) };
    }
    body = migrate(input.map, version);
  }
  const looksLikeMap = isObject(body) && ['departments', 'stakeholders', 'links', 'team'].some((key) => key in body);
  return looksLikeMap ? { body: body as Raw } : notAMap();
}

function* restoreSteps(input: unknown): Steps<RestoreResult> {
  const unwrapped = unwrap(input);
  if ('error' in unwrapped) return { ok: false, ...unwrapped };
  const raw = unwrapped.body;
  const repairs = new Repairs();
  const ids = new Ids(repairs);

  const departments = yield* restoreDepartments(raw.departments, ids, repairs);
  const team = yield* restoreTeam(raw.team, ids, repairs);
  const stakeholders = yield* restoreStakeholders(raw.stakeholders, ids, repairs, departments, team);
  const links = yield* restoreLinks(raw.links, ids, repairs, departments, stakeholders);

  const now = new Date().toISOString();
  let mapId = typeof raw.id === 'string' && raw.id ? raw.id : null;
  if (!mapId) {
    mapId = createId('map');
    repairs.note('mapId');
  }
  let name = typeof raw.name === 'string' ? raw.name.trim() : '';
  if (!name) {
    name = untitledMap();
    repairs.note('mapName', undefined, { name });
  }
  const map: AccountMap = withExtras<AccountMap>({
    id: mapId,
    name,
    createdAt: typeof raw.createdAt === 'string' && raw.createdAt ? raw.createdAt : now,
    updatedAt: typeof raw.updatedAt === 'string' && raw.updatedAt ? raw.updatedAt : now,
    departments,
    stakeholders,
    links,
    team,
  }, raw, KNOWN.map);
  // A safety net: after repair the map must match the schema. If it does not, restore has a bug,
  // and refusing is better than handing the editor a map it may crash on.
  const issue = yield* schemaIssue(map);
  if (issue) {
    return { ok: false, error: t('restore.error.unrepairable', { path: issue.path.join('.'), reason: issue.message }) };
  }
  return { ok: true, map, repairs: repairs.list() };
}

const RECORD_SCHEMAS = [
  ['departments', departmentSchema],
  ['stakeholders', stakeholderSchema],
  ['links', linkSchema],
  ['team', teamMemberSchema],
] as const;

/**
 * The first way the map fails accountMapSchema, or null: the map without its records first, then
 * record by record in the schema's order (a step each), which finds the same first issue as one
 * check of the whole map.
 */
function* schemaIssue(map: AccountMap): Steps<{ path: PropertyKey[]; message: string } | null> {
  const envelope = accountMapSchema.safeParse({ ...map, departments: {}, stakeholders: {}, links: {}, team: {} });
  if (!envelope.success) return envelope.error.issues[0] ?? { path: [], message: '' };
  for (const [kind, schema] of RECORD_SCHEMAS) {
    const records: Record<string, unknown> = map[kind];
    for (const key in records) {
      const checked = schema.safeParse(records[key]);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        return { path: [kind, key, ...(issue?.path ?? [])], message: issue?.message ?? '' };
      }
      yield;
    }
  }
  return null;
}

function* restoreDepartments(value: unknown, ids: Ids, repairs: Repairs): Steps<Record<string, Department>> {
  const departments: Record<string, Department> = {};
  for (const { key, raw } of recordsOf(value)) {
    yield;
    const id = ids.claim(raw, key, 'department');
    if (!id) continue;
    const read = new FieldReader(repairs, raw, id);
    const size = isObject(raw.size) ? raw.size : {};
    const width = read.coordinate(size.width, 'departmentSize', DEFAULT_DEPARTMENT_SIZE.width);
    const height = read.coordinate(size.height, 'departmentSize', DEFAULT_DEPARTMENT_SIZE.height);
    if (width < MIN_DEPARTMENT_SIZE.width || height < MIN_DEPARTMENT_SIZE.height) {
      repairs.note('tooSmall', id);
    }
    departments[id] = withExtras<Department>({
      id,
      name: read.name('department'),
      parentId: read.reference('parentId'),
      coverage: read.oneOf('coverage', COVERAGE_STATUSES, 'unknown', 'coverage'),
      competitor: read.text('competitor'),
      notes: read.text('notes'),
      products: read.strings('products'),
      potentialValue: read.text('potentialValue'),
      position: read.position(),
      size: { width: Math.max(MIN_DEPARTMENT_SIZE.width, width), height: Math.max(MIN_DEPARTMENT_SIZE.height, height) },
    }, raw, KNOWN.department);
  }
  for (const department of Object.values(departments)) {
    department.parentId = ids.follow(department.parentId, ['department'], (id) => has(departments, id));
    if (department.parentId && !has(departments, department.parentId)) {
      repairs.note('parentMissing', department.id);
      department.parentId = null;
    }
  }
  // Break each loop of departments nested inside each other once, at the department that closes it.
  // Walking up from a department that merely hangs below a loop finds the loop but does not return
  // to the start; it is left alone and keeps its parent.
  for (const department of Object.values(departments)) {
    const seen = new Set<string>();
    for (let parent = department.parentId; parent && !seen.has(parent); parent = departments[parent]?.parentId ?? null) {
      if (parent === department.id) {
        repairs.note('loop', department.id);
        department.parentId = null;
        break;
      }
      seen.add(parent);
    }
  }
  return departments;
}

function* restoreTeam(value: unknown, ids: Ids, repairs: Repairs): Steps<Record<string, TeamMember>> {
  const team: Record<string, TeamMember> = {};
  for (const { key, raw } of recordsOf(value)) {
    yield;
    const id = ids.claim(raw, key, 'teamMember');
    if (!id) continue;
    const read = new FieldReader(repairs, raw, id);
    team[id] = withExtras<TeamMember>({
      id,
      name: read.name('teamMember'),
      role: read.oneOf('role', TEAM_ROLES, DEFAULT_TEAM_ROLE, 'teamRole'),
    }, raw, KNOWN.team);
  }
  return team;
}

function* restoreStakeholders(
  value: unknown,
  ids: Ids,
  repairs: Repairs,
  departments: Record<string, Department>,
  team: Record<string, TeamMember>,
): Steps<Record<string, Stakeholder>> {
  const stakeholders: Record<string, Stakeholder> = {};
  for (const { key, raw } of recordsOf(value)) {
    yield;
    const id = ids.claim(raw, key, 'stakeholder');
    if (!id) continue;
    const read = new FieldReader(repairs, raw, id);
    let departmentId = ids.follow(read.reference('departmentId'), ['department'], (ref) => has(departments, ref));
    if (departmentId && !has(departments, departmentId)) {
      repairs.note('departmentMissing', id);
      departmentId = null;
    }
    let ownerId = ids.follow(read.reference('ownerId'), ['teamMember'], (ref) => has(team, ref));
    if (ownerId && !has(team, ownerId)) {
      repairs.note('ownerMissing', id);
      ownerId = null;
    }
    stakeholders[id] = withExtras<Stakeholder>({
      id,
      name: read.name('stakeholder'),
      title: read.text('title'),
      departmentId,
      email: read.text('email'),
      phone: read.text('phone'),
      linkedIn: read.text('linkedIn'),
      notes: read.text('notes'),
      roles: read.roles(),
      stance: read.oneOf('stance', STANCES, 'unknown', 'stance'),
      influence: read.oneOfOrNull('influence', INFLUENCE_LEVELS, 'influence'),
      relationship: read.oneOf('relationship', RELATIONSHIP_STRENGTHS, 'none', 'relationship'),
      ownerId,
      lastContact: read.date('lastContact'),
      personalContext: read.text('personalContext'),
      leftCompany: read.flag('leftCompany'),
      leftTo: read.text('leftTo'),
      successorId: read.reference('successorId'),
      placeholder: read.flag('placeholder'),
      source: read.text('source'),
      verifiedOn: read.date('verifiedOn'),
      crm: read.crm(),
      position: read.position(),
    }, raw, KNOWN.stakeholder);
  }
  // Successors can point forward in the list, so they are checked once everyone is read.
  for (const person of Object.values(stakeholders)) {
    person.successorId = ids.follow(person.successorId, ['stakeholder'], (ref) => has(stakeholders, ref));
    if (person.successorId && (!has(stakeholders, person.successorId) || person.successorId === person.id)) {
      repairs.note('successorMissing', person.id);
      person.successorId = null;
    }
  }
  return stakeholders;
}

function* restoreLinks(
  value: unknown,
  ids: Ids,
  repairs: Repairs,
  departments: Record<string, Department>,
  stakeholders: Record<string, Stakeholder>,
): Steps<Record<string, Link>> {
  const links: Record<string, Link> = {};
  const seen = new Set<string>();
  for (const { key, raw } of recordsOf(value)) {
    yield;
    const id = ids.claim(raw, key, 'link');
    if (!id) continue;
    const read = new FieldReader(repairs, raw, id);
    const onMap = (ref: string) => has(stakeholders, ref) || has(departments, ref);
    const sourceId = ids.follow(read.reference('sourceId'), ['stakeholder', 'department'], onMap) ?? '';
    const targetId = ids.follow(read.reference('targetId'), ['stakeholder', 'department'], onMap) ?? '';
    if (!onMap(sourceId) || !onMap(targetId)) {
      repairs.note('linkMissing', id);
      continue;
    }
    if (sourceId === targetId) {
      repairs.note('linkToItself', id);
      continue;
    }
    if (!has(stakeholders, sourceId) && !has(stakeholders, targetId)) {
      repairs.note('linkBetweenDepartments', id);
      continue;
    }
    const kind = read.oneOf('kind', LINK_KINDS, 'influences', 'linkKind');
    const identity = `${kind}\u0000${sourceId}\u0000${targetId}`;
    if (seen.has(identity)) {
      repairs.note('linkTwice', id);
      continue;
    }
    seen.add(identity);
    links[id] = withExtras<Link>({
      id,
      kind,
      sourceId,
      targetId,
      label: read.text('label'),
      strength: read.oneOf('strength', INFLUENCE_LEVELS, 'medium', 'linkStrength'),
    }, raw, KNOWN.link);
  }
  return links;
}
