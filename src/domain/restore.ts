// The one door for outside data: stored records, imported files and pastes all come through
// restoreMap(). It checks the envelope, migrates old versions, then repairs record by record
// (bad enum -> default, dangling link -> dropped, duplicate id -> re-issued) and says what it did.
// It never throws: a refusal comes back as { ok: false, error } for the UI to show.
import { createId } from './ids';
import { migrate } from './migrations';
import { accountMapSchema } from './schema';
import { newDepartment, newLink, newStakeholder, newTeamMember, DEFAULT_DEPARTMENT_SIZE } from './defaults';
import {
  BUYING_ROLES,
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

export type RestoreResult = { ok: true; map: AccountMap; repairs: string[] } | { ok: false; error: string };

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Records may arrive as an array or as an id-keyed object. */
function recordsOf(value: unknown): Raw[] {
  if (Array.isArray(value)) return value.filter(isObject);
  if (isObject(value)) return Object.values(value).filter(isObject);
  return [];
}

class Repairer {
  readonly repairs: string[] = [];
  private counts = new Map<string, number>();

  note(message: string): void {
    // Say each kind of repair once with a count, so a badly damaged file gives a readable report.
    this.counts.set(message, (this.counts.get(message) ?? 0) + 1);
  }

  report(): string[] {
    for (const [message, count] of this.counts) this.repairs.push(count > 1 ? `${message} (${count} times)` : message);
    return this.repairs;
  }

  text(raw: Raw, key: string, what: string, fallback = ''): string {
    const value = raw[key];
    if (typeof value === 'string') return value;
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    this.note(`Replaced an unreadable ${what}.`);
    return fallback;
  }

  oneOf<T extends string>(raw: Raw, key: string, allowed: readonly T[], fallback: T, what: string): T {
    const value = raw[key];
    if (allowed.includes(value as T)) return value as T;
    if (value !== undefined) this.note(`Set an unknown ${what} to “${fallback}”.`);
    return fallback;
  }

  number(value: unknown, fallback: number, what: string): number {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (value !== undefined) this.note(`Reset an unreadable ${what}.`);
    return fallback;
  }

  position(raw: Raw): { x: number; y: number } {
    const p = isObject(raw.position) ? raw.position : {};
    return { x: this.number(p.x, 0, 'position'), y: this.number(p.y, 0, 'position') };
  }

  date(raw: Raw, key: string): string | null {
    const value = raw[key];
    if (value === null || value === undefined || value === '') return null;
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
    this.note('Cleared an unreadable date.');
    return null;
  }

  id(raw: Raw, used: Set<string>, prefix: 'stk' | 'dep' | 'lnk' | 'tm', what: string): string | null {
    const value = raw.id;
    if (typeof value !== 'string' || !value) {
      this.note(`Dropped a ${what} without an id.`);
      return null;
    }
    if (used.has(value)) {
      this.note(`Gave a new id to a ${what} whose id was used twice.`);
      const fresh = createId(prefix);
      used.add(fresh);
      return fresh;
    }
    used.add(value);
    return value;
  }
}

/** Keeps fields this version does not know, so a newer minor addition survives a round trip. */
function extras(raw: Raw, known: object): Raw {
  const result: Raw = {};
  for (const key of Object.keys(raw)) if (!(key in known)) result[key] = raw[key];
  return result;
}

export function restoreMap(input: unknown): RestoreResult {
  try {
    return restoreUnsafe(input);
  } catch (error) {
    return { ok: false, error: `This data could not be read: ${(error as Error).message}` };
  }
}

function restoreUnsafe(input: unknown): RestoreResult {
  if (!isObject(input)) return { ok: false, error: 'This is not a Powermap account map.' };
  let body: unknown = input;
  if ('format' in input || 'schemaVersion' in input) {
    if (input.format !== 'powermap') return { ok: false, error: 'This is not a Powermap account map.' };
    const version = input.schemaVersion;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      return { ok: false, error: 'This Powermap file has no readable schema version.' };
    }
    if (version > SCHEMA_VERSION) {
      return {
        ok: false,
        error: `This file was made by a newer version of Powermap (schema ${version}). Update Powermap to open it.`,
      };
    }
    body = migrate(input.map, version);
  }
  if (!isObject(body) || !('stakeholders' in body || 'departments' in body || 'name' in body)) {
    return { ok: false, error: 'This is not a Powermap account map.' };
  }
  const raw = body;
  const fix = new Repairer();
  const used = new Set<string>();

  const departments: Record<string, Department> = {};
  for (const d of recordsOf(raw.departments)) {
    const id = fix.id(d, used, 'dep', 'department');
    if (!id) continue;
    const base = newDepartment({ id });
    const size = isObject(d.size) ? d.size : {};
    departments[id] = {
      ...extras(d, base),
      ...base,
      name: fix.text(d, 'name', 'department name', '(no name)') || '(no name)',
      parentId: typeof d.parentId === 'string' ? d.parentId : null,
      coverage: fix.oneOf(d, 'coverage', COVERAGE_STATUSES, 'unknown', 'coverage status'),
      competitor: fix.text(d, 'competitor', 'competitor'),
      notes: fix.text(d, 'notes', 'note'),
      products: Array.isArray(d.products) ? d.products.filter((p): p is string => typeof p === 'string') : [],
      potentialValue: fix.text(d, 'potentialValue', 'potential value'),
      position: fix.position(d),
      size: {
        width: Math.max(160, fix.number(size.width, DEFAULT_DEPARTMENT_SIZE.width, 'department size')),
        height: Math.max(100, fix.number(size.height, DEFAULT_DEPARTMENT_SIZE.height, 'department size')),
      },
    };
  }
  // Parents must exist, and no department may end up inside itself.
  for (const department of Object.values(departments)) {
    if (department.parentId && !departments[department.parentId]) {
      fix.note('Moved a department whose parent was missing to the top level.');
      department.parentId = null;
    }
  }
  for (const department of Object.values(departments)) {
    const seen = new Set<string>([department.id]);
    for (let parent = department.parentId; parent; parent = departments[parent]?.parentId ?? null) {
      if (seen.has(parent)) {
        fix.note('Broke a loop of departments nested inside each other.');
        department.parentId = null;
        break;
      }
      seen.add(parent);
    }
  }

  const team: Record<string, TeamMember> = {};
  for (const t of recordsOf(raw.team)) {
    const id = fix.id(t, used, 'tm', 'team member');
    if (!id) continue;
    const base = newTeamMember({ id });
    team[id] = {
      ...extras(t, base),
      ...base,
      name: fix.text(t, 'name', 'team member name', '(no name)') || '(no name)',
      role: fix.oneOf(t, 'role', TEAM_ROLES, 'relationship-leader', 'team role'),
    };
  }

  const stakeholders: Record<string, Stakeholder> = {};
  for (const s of recordsOf(raw.stakeholders)) {
    const id = fix.id(s, used, 'stk', 'stakeholder');
    if (!id) continue;
    const base = newStakeholder({ id });
    let departmentId = typeof s.departmentId === 'string' ? s.departmentId : null;
    if (departmentId && !departments[departmentId]) {
      fix.note('Moved a stakeholder whose department was missing onto the open canvas.');
      departmentId = null;
    }
    let ownerId = typeof s.ownerId === 'string' ? s.ownerId : null;
    if (ownerId && !team[ownerId]) {
      fix.note('Cleared an owner who is not on the team.');
      ownerId = null;
    }
    const roles = Array.isArray(s.roles) ? s.roles : [];
    const validRoles = [...new Set(roles.filter((r): r is (typeof BUYING_ROLES)[number] => BUYING_ROLES.includes(r)))];
    if (validRoles.length !== roles.length) fix.note('Dropped an unknown buying role.');
    stakeholders[id] = {
      ...extras(s, base),
      ...base,
      name: fix.text(s, 'name', 'stakeholder name', '(no name)') || '(no name)',
      title: fix.text(s, 'title', 'title'),
      departmentId,
      email: fix.text(s, 'email', 'email'),
      phone: fix.text(s, 'phone', 'phone number'),
      linkedIn: fix.text(s, 'linkedIn', 'LinkedIn address'),
      notes: fix.text(s, 'notes', 'note'),
      roles: validRoles,
      stance: fix.oneOf(s, 'stance', STANCES, 'unknown', 'stance'),
      influence: fix.oneOf(s, 'influence', INFLUENCE_LEVELS, 'medium', 'influence'),
      relationship: fix.oneOf(s, 'relationship', RELATIONSHIP_STRENGTHS, 'none', 'relationship strength'),
      ownerId,
      lastContact: fix.date(s, 'lastContact'),
      personalContext: fix.text(s, 'personalContext', 'personal context'),
      leftCompany: s.leftCompany === true,
      leftTo: fix.text(s, 'leftTo', 'new employer'),
      successorId: typeof s.successorId === 'string' ? s.successorId : null,
      placeholder: s.placeholder === true,
      source: fix.text(s, 'source', 'source'),
      verifiedOn: fix.date(s, 'verifiedOn'),
      position: fix.position(s),
    };
  }
  for (const person of Object.values(stakeholders)) {
    if (person.successorId && (!stakeholders[person.successorId] || person.successorId === person.id)) {
      fix.note('Cleared a successor who is not on the map.');
      person.successorId = null;
    }
  }

  const links: Record<string, Link> = {};
  const seenLinks = new Set<string>();
  for (const l of recordsOf(raw.links)) {
    const id = fix.id(l, used, 'lnk', 'link');
    if (!id) continue;
    const sourceId = typeof l.sourceId === 'string' ? l.sourceId : '';
    const targetId = typeof l.targetId === 'string' ? l.targetId : '';
    const endpoint = (ref: string) => !!(stakeholders[ref] || departments[ref]);
    if (!endpoint(sourceId) || !endpoint(targetId) || sourceId === targetId) {
      fix.note('Dropped a link to a missing stakeholder or department.');
      continue;
    }
    const kind = fix.oneOf(l, 'kind', LINK_KINDS, 'influences', 'link kind');
    const key = `${kind}|${sourceId}|${targetId}`;
    if (seenLinks.has(key)) {
      fix.note('Dropped a link that was there twice.');
      continue;
    }
    seenLinks.add(key);
    const base = newLink({ id, kind, sourceId, targetId });
    links[id] = {
      ...extras(l, base),
      ...base,
      label: fix.text(l, 'label', 'link label'),
      strength: fix.oneOf(l, 'strength', INFLUENCE_LEVELS, 'medium', 'link strength'),
    };
  }

  const now = new Date().toISOString();
  const mapId = typeof raw.id === 'string' && raw.id ? raw.id : createId('map');
  if (mapId !== raw.id) fix.note('Gave the map a new id.');
  const map: AccountMap = {
    ...extras(raw, { id: 0, name: 0, createdAt: 0, updatedAt: 0, departments: 0, stakeholders: 0, links: 0, team: 0 }),
    id: mapId,
    name: fix.text(raw, 'name', 'map name', 'Untitled account map').trim() || 'Untitled account map',
    createdAt: typeof raw.createdAt === 'string' ? raw.createdAt : now,
    updatedAt: typeof raw.updatedAt === 'string' ? raw.updatedAt : now,
    departments,
    stakeholders,
    links,
    team,
  };
  const checked = accountMapSchema.safeParse(map);
  if (!checked.success) {
    return { ok: false, error: `This map could not be repaired: ${checked.error.issues[0]?.message ?? 'invalid data'}.` };
  }
  return { ok: true, map, repairs: fix.report() };
}
