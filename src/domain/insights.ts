// What a handover brief or an insights panel needs to know about a map: who matters, what is at
// risk, where the white space is. Pure functions of the map (and of `now` where time matters), so
// the same answers reach the screen, the printed brief and the tests. Each risk rule is one small
// named function with a stable id, so a panel can key, filter or explain a rule by its id.
import type { AccountMap, BuyingRole, Department, Influence, Stakeholder, Stance, TeamMember } from './types';
import { STANCES } from './types';

// ------------------------------------------------------------------ helpers

const INFLUENCE_RANK: Record<Influence, number> = { high: 0, medium: 1, low: 2 };

/**
 * Highest influence first, real people before open seats, then by name, then by id so the order
 * never depends on insertion.
 */
export function byInfluenceThenName(a: Stakeholder, b: Stakeholder): number {
  return (
    INFLUENCE_RANK[a.influence] - INFLUENCE_RANK[b.influence] ||
    Number(a.placeholder) - Number(b.placeholder) ||
    a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) ||
    a.id.localeCompare(b.id)
  );
}

/** People still at the company (placeholders included: an open seat is still a seat). */
function current(map: AccountMap): Stakeholder[] {
  return Object.values(map.stakeholders).filter((s) => !s.leftCompany);
}

/** Real people still at the company: not left, not a placeholder seat. */
function currentPeople(map: AccountMap): Stakeholder[] {
  return current(map).filter((s) => !s.placeholder);
}

const hasRole = (stakeholder: Stakeholder, role: BuyingRole) => stakeholder.roles.includes(role);
/** Decision-maker or economic buyer: the people who say yes and sign. */
export const isDecider = (s: Stakeholder) => hasRole(s, 'decision-maker') || hasRole(s, 'economic-buyer');

/** The owner on our team, or null when none is set or the owner is no longer on the team. */
export function ownerOf(map: AccountMap, stakeholder: Stakeholder): TeamMember | null {
  return stakeholder.ownerId ? (map.team[stakeholder.ownerId] ?? null) : null;
}

/** "Henrik Larsen (CEO)", or just the name when there is no title. */
export function nameWithTitle(stakeholder: Stakeholder): string {
  const name = stakeholder.name.trim() || 'An unnamed stakeholder';
  const title = stakeholder.title.trim();
  return title ? `${name} (${title})` : name;
}

/** "a decision-maker", "an economic buyer", "a decision-maker and economic buyer". */
function deciderPhrase(stakeholder: Stakeholder): string {
  const dm = hasRole(stakeholder, 'decision-maker');
  const eb = hasRole(stakeholder, 'economic-buyer');
  if (dm && eb) return 'a decision-maker and economic buyer';
  return dm ? 'a decision-maker' : 'an economic buyer';
}

/** Whole days from an ISO date (YYYY-MM-DD) to `now`'s calendar day, or null if the date is unreadable. */
export function daysSince(isoDate: string | null, now: Date): number | null {
  const match = isoDate ? /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate) : null;
  if (!match) return null;
  const then = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(then)) return null;
  // Calendar days in the user's own time zone: "today" is the day on their wall clock.
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((today - then) / 86_400_000);
}

/** The department and every department nested in it (cycle-safe, so a corrupt map cannot hang). */
function departmentAndDescendants(map: AccountMap, departmentId: string): Set<string> {
  const found = new Set<string>([departmentId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const department of Object.values(map.departments)) {
      if (department.parentId && found.has(department.parentId) && !found.has(department.id)) {
        found.add(department.id);
        grew = true;
      }
    }
  }
  return found;
}

/** Department names from the top level down to this one: ["IT", "Data & Analytics"]. */
export function departmentPath(map: AccountMap, departmentId: string): string[] {
  const path: string[] = [];
  const seen = new Set<string>();
  let department: Department | undefined = map.departments[departmentId];
  while (department && !seen.has(department.id)) {
    seen.add(department.id);
    path.unshift(department.name);
    department = department.parentId ? map.departments[department.parentId] : undefined;
  }
  return path;
}

/** Who sits in the department or anywhere below it. */
function peopleIn(people: Stakeholder[], departments: Set<string>): Stakeholder[] {
  return people.filter((s) => s.departmentId !== null && departments.has(s.departmentId)).sort(byInfluenceThenName);
}

/** "A", "A and B", "A, B and C". */
export function listNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

// ------------------------------------------------------------------ key people

export interface LeftCompanyEntry {
  stakeholder: Stakeholder;
  /** Where they went, as written on the card; empty when unknown. */
  leftTo: string;
  /** Who took over the seat, or null when none is identified (or the link points nowhere). */
  successor: Stakeholder | null;
}

export interface KeyPeople {
  /** Each list: people still at the company, highest influence first, then by name. Open seats included. */
  decisionMakers: Stakeholder[];
  economicBuyers: Stakeholder[];
  champions: Stakeholder[];
  blockers: Stakeholder[];
  /** Everyone who left, by name, with where they went and their successor. */
  leftCompany: LeftCompanyEntry[];
}

export function keyPeople(map: AccountMap): KeyPeople {
  const people = current(map).sort(byInfluenceThenName);
  const leftCompany = Object.values(map.stakeholders)
    .filter((s) => s.leftCompany)
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id))
    .map((stakeholder) => ({
      stakeholder,
      leftTo: stakeholder.leftTo.trim(),
      successor: (stakeholder.successorId && map.stakeholders[stakeholder.successorId]) || null,
    }));
  return {
    decisionMakers: people.filter((s) => hasRole(s, 'decision-maker')),
    economicBuyers: people.filter((s) => hasRole(s, 'economic-buyer')),
    champions: people.filter((s) => s.stance === 'champion'),
    blockers: people.filter((s) => s.stance === 'blocker'),
    leftCompany,
  };
}

// ------------------------------------------------------------------ summary

export interface MapSummary {
  /** Real people still at the company (no placeholders, nobody who left). */
  stakeholders: number;
  byStance: Record<Stance, number>;
  /** Placeholder seats still to fill. */
  openSeats: number;
  leftCompany: number;
  /**
   * Decision-makers and economic buyers, open seats included, and how many of them are covered:
   * an owner on our team and a good or strong relationship.
   */
  deciders: { total: number; covered: number };
}

/** Covered: someone on our team owns them and we know them well. */
export function isCovered(map: AccountMap, stakeholder: Stakeholder): boolean {
  return !stakeholder.placeholder && ownerOf(map, stakeholder) !== null && (stakeholder.relationship === 'strong' || stakeholder.relationship === 'good');
}

export function summary(map: AccountMap): MapSummary {
  const people = currentPeople(map);
  const byStance = Object.fromEntries(STANCES.map((stance) => [stance, 0])) as Record<Stance, number>;
  for (const person of people) byStance[person.stance] += 1;
  const deciders = current(map).filter(isDecider);
  return {
    stakeholders: people.length,
    byStance,
    openSeats: current(map).filter((s) => s.placeholder).length,
    leftCompany: Object.values(map.stakeholders).filter((s) => s.leftCompany).length,
    deciders: { total: deciders.length, covered: deciders.filter((s) => isCovered(map, s)).length },
  };
}

// ------------------------------------------------------------------ connections

export interface Connections {
  reportsTo: Stakeholder[];
  influences: { stakeholder: Stakeholder; label: string }[];
  influencedBy: { stakeholder: Stakeholder; label: string }[];
  allies: Stakeholder[];
  conflicts: Stakeholder[];
}

/** The links around one person, as a handover explains them ("builds the budget case with the CFO"). */
export function connectionsOf(map: AccountMap, stakeholderId: string): Connections {
  const result: Connections = { reportsTo: [], influences: [], influencedBy: [], allies: [], conflicts: [] };
  for (const link of Object.values(map.links)) {
    const touches = link.sourceId === stakeholderId || link.targetId === stakeholderId;
    if (!touches) continue;
    const otherId = link.sourceId === stakeholderId ? link.targetId : link.sourceId;
    const other = map.stakeholders[otherId];
    if (!other || otherId === stakeholderId) continue;
    const outgoing = link.sourceId === stakeholderId;
    if (link.kind === 'reports-to' && outgoing) result.reportsTo.push(other);
    else if (link.kind === 'influences') (outgoing ? result.influences : result.influencedBy).push({ stakeholder: other, label: link.label.trim() });
    else if (link.kind === 'ally') result.allies.push(other);
    else if (link.kind === 'conflict') result.conflicts.push(other);
  }
  return result;
}

// ------------------------------------------------------------------ risks

export type Severity = 'high' | 'medium' | 'low';

export interface Risk {
  /** The rule that found it; several risks can share one rule id (one per person or department). */
  id: string;
  severity: Severity;
  /** One plain sentence that names the people. */
  message: string;
  stakeholderIds: string[];
}

export type RiskRule = (map: AccountMap, now: Date) => Risk[];

/** Days without contact after which a person counts as gone quiet. */
export const STALE_CONTACT_DAYS = 90;

/** A decision-maker or economic buyer we barely know: the deal depends on someone we cannot reach. */
export function deciderWithWeakRelationship(map: AccountMap): Risk[] {
  return currentPeople(map)
    .filter((s) => isDecider(s) && (s.relationship === 'weak' || s.relationship === 'none'))
    .sort(byInfluenceThenName)
    .map((s) => ({
      id: 'decider-weak-relationship',
      severity: s.influence === 'high' ? 'high' : 'medium',
      message:
        s.relationship === 'none'
          ? `We have no relationship with ${nameWithTitle(s)}, ${deciderPhrase(s)}.`
          : `Our relationship with ${nameWithTitle(s)}, ${deciderPhrase(s)}, is weak.`,
      stakeholderIds: [s.id],
    }));
}

/** A blocker who carries weight can stop a deal alone. */
export function blockerWithHighInfluence(map: AccountMap): Risk[] {
  return currentPeople(map)
    .filter((s) => s.stance === 'blocker' && s.influence === 'high')
    .sort(byInfluenceThenName)
    .map((s) => ({
      id: 'blocker-high-influence',
      severity: 'high',
      message: `${nameWithTitle(s)} is a blocker with high influence.`,
      stakeholderIds: [s.id],
    }));
}

/** Someone against us whom nobody on our side watches. */
export function opponentWithoutOwner(map: AccountMap): Risk[] {
  return currentPeople(map)
    .filter((s) => (s.stance === 'blocker' || s.stance === 'skeptic') && !ownerOf(map, s))
    .sort(byInfluenceThenName)
    .map((s) => ({
      id: 'opponent-no-owner',
      severity: s.stance === 'blocker' ? 'high' : 'medium',
      message: `Nobody on our team owns ${nameWithTitle(s)}, a ${s.stance}.`,
      stakeholderIds: [s.id],
    }));
}

/** A decision-maker, economic buyer or champion nobody on our side covers (opponents are reported above). */
export function keyPersonWithoutOwner(map: AccountMap): Risk[] {
  return currentPeople(map)
    .filter((s) => (isDecider(s) || s.stance === 'champion') && s.stance !== 'blocker' && s.stance !== 'skeptic')
    .filter((s) => !ownerOf(map, s))
    .sort(byInfluenceThenName)
    .map((s) => ({
      id: 'key-person-no-owner',
      severity: isDecider(s) ? 'high' : 'medium',
      message: `Nobody on our team owns ${nameWithTitle(s)}, ${isDecider(s) ? deciderPhrase(s) : 'a champion'}.`,
      stakeholderIds: [s.id],
    }));
}

/** People we have a working relationship with (not a placeholder, not gone, not "none"). */
function knownPeople(map: AccountMap): Stakeholder[] {
  return currentPeople(map).filter((s) => s.relationship !== 'none');
}

/** The whole account hangs on one relationship: if that person leaves, we start again. */
export function singleThreadedAccount(map: AccountMap): Risk[] {
  const known = knownPeople(map);
  if (known.length !== 1) return [];
  return [
    {
      id: 'single-threaded-account',
      severity: 'high',
      message: `${nameWithTitle(known[0])} is the only person at the account we have a relationship with.`,
      stakeholderIds: [known[0].id],
    },
  ];
}

/**
 * Engaged departments (with what is nested in them) where we know at most one person, with that
 * person's id (or none). A department is left out when an engaged department around it has the same
 * finding, so one gap is reported once, at its widest. Ordered by department path.
 */
function thinDepartments(map: AccountMap): { department: Department; knownIds: string[] }[] {
  const known = knownPeople(map);
  const findings = new Map<string, string[]>();
  for (const department of Object.values(map.departments)) {
    if (department.coverage !== 'engaged') continue;
    const inside = peopleIn(known, departmentAndDescendants(map, department.id));
    if (inside.length <= 1) findings.set(department.id, inside.map((s) => s.id));
  }
  const sameAsAncestor = (departmentId: string) => {
    const ids = findings.get(departmentId)!.join();
    const seen = new Set<string>([departmentId]);
    let parentId = map.departments[departmentId]?.parentId ?? null;
    while (parentId && !seen.has(parentId)) {
      seen.add(parentId);
      if (findings.get(parentId)?.join() === ids) return true;
      parentId = map.departments[parentId]?.parentId ?? null;
    }
    return false;
  };
  return [...findings.keys()]
    .filter((id) => !sameAsAncestor(id))
    .map((id) => ({ department: map.departments[id], knownIds: findings.get(id)!, path: departmentPath(map, id).join('/') }))
    .sort((a, b) => a.path.localeCompare(b.path, 'en'))
    .map(({ department, knownIds }) => ({ department, knownIds }));
}

/** An engaged department that hangs on one relationship. When the whole account does, that risk says it. */
export function singleThreadedDepartment(map: AccountMap): Risk[] {
  if (knownPeople(map).length === 1) return [];
  return thinDepartments(map)
    .filter((finding) => finding.knownIds.length === 1)
    .map(({ department, knownIds: [onlyId] }) => ({
      id: 'single-threaded-department',
      severity: 'medium',
      message: `In ${department.name}, ${nameWithTitle(map.stakeholders[onlyId])} is the only person we have a relationship with.`,
      stakeholderIds: [onlyId],
    }));
}

/** A department we sell to where we know nobody: the business runs without a relationship. */
export function engagedDepartmentWithoutRelationship(map: AccountMap): Risk[] {
  return thinDepartments(map)
    .filter((finding) => finding.knownIds.length === 0)
    .map(({ department }) => ({
      id: 'engaged-department-no-relationship',
      severity: 'medium',
      message: `We work with ${department.name}, but we have no relationship with anyone there.`,
      stakeholderIds: [],
    }));
}

/** A champion who left with nobody named in their seat: our voice inside is gone. */
export function championLeftWithoutSuccessor(map: AccountMap): Risk[] {
  return keyPeople(map)
    .leftCompany.filter((entry) => entry.stakeholder.stance === 'champion' && !entry.successor)
    .map(({ stakeholder, leftTo }) => ({
      id: 'champion-left-no-successor',
      severity: 'high',
      message: `${nameWithTitle(stakeholder)}, a champion, left the company${leftTo ? ` for ${leftTo}` : ''}, and we have not identified a successor.`,
      stakeholderIds: [stakeholder.id],
    }));
}

/** A decision-making seat we know exists but not who holds it. */
export function openDecisionSeat(map: AccountMap): Risk[] {
  return current(map)
    .filter((s) => s.placeholder && isDecider(s))
    .sort(byInfluenceThenName)
    .map((s) => ({
      id: 'open-decision-seat',
      severity: 'medium',
      message: `We do not know who holds the ${s.name.trim() || 'unnamed'} seat, ${deciderPhrase(s)}.`,
      stakeholderIds: [s.id],
    }));
}

/** Someone we used to talk to and have not for more than STALE_CONTACT_DAYS days. */
export function staleContact(map: AccountMap, now: Date): Risk[] {
  return currentPeople(map)
    .map((s) => ({ s, days: daysSince(s.lastContact, now) }))
    .filter((entry): entry is { s: Stakeholder; days: number } => entry.days !== null && entry.days > STALE_CONTACT_DAYS)
    .sort((a, b) => byInfluenceThenName(a.s, b.s))
    .map(({ s, days }) => ({
      id: 'stale-contact',
      severity: isDecider(s) || s.stance === 'champion' || s.influence === 'high' ? 'medium' : 'low',
      message: `Nobody has been in touch with ${nameWithTitle(s)} for ${days} days.`,
      stakeholderIds: [s.id],
    }));
}

/** Every rule, in the order their findings are listed within one severity. */
/**
 * Everyone else nobody on our team owns (key people and opponents have their own rules above),
 * as one item: on a big account this is a long list, and one line with everyone selected reads
 * better than thirty.
 */
export function othersWithoutOwner(map: AccountMap): Risk[] {
  const reported = new Set([...opponentWithoutOwner(map), ...keyPersonWithoutOwner(map)].flatMap((risk) => risk.stakeholderIds));
  const others = currentPeople(map)
    .filter((s) => !ownerOf(map, s) && !reported.has(s.id))
    .sort(byInfluenceThenName);
  if (others.length === 0) return [];
  return [
    {
      id: 'others-no-owner',
      severity: 'low',
      message: `Nobody on our team owns ${others.length === 1 ? nameWithTitle(others[0]) : `${others.length} more people: ${listNames(others.slice(0, 3).map((s) => s.name))}${others.length > 3 ? ' and others' : ''}`}.`,
      stakeholderIds: others.map((s) => s.id),
    },
  ];
}

export const RISK_RULES: readonly RiskRule[] = [
  singleThreadedAccount,
  deciderWithWeakRelationship,
  blockerWithHighInfluence,
  opponentWithoutOwner,
  keyPersonWithoutOwner,
  championLeftWithoutSuccessor,
  openDecisionSeat,
  singleThreadedDepartment,
  engagedDepartmentWithoutRelationship,
  staleContact,
  othersWithoutOwner,
];

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** Every risk the rules find, most severe first. `now` is the day "90 days ago" counts from. */
export function risks(map: AccountMap, now: Date): Risk[] {
  return RISK_RULES.flatMap((rule) => rule(map, now)).sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

// ------------------------------------------------------------------ white space

export interface WhiteSpaceEntry {
  department: Department;
  /** Names from the top level down, e.g. ["IT", "Data & Analytics"]. */
  path: string[];
  /** As written, e.g. "€400k ARR"; empty when nobody has estimated it. */
  potentialValue: string;
  /** People still there (open seats included), highest influence first. */
  people: Stakeholder[];
}

export interface CompetitorEntry {
  department: Department;
  path: string[];
  /** The competitor's name; empty when nobody wrote it down. */
  competitor: string;
  people: Stakeholder[];
}

export interface WhiteSpace {
  /** Departments we have not sold to, with an estimated value first, then by path. */
  whiteSpace: WhiteSpaceEntry[];
  /** Departments a competitor holds, by path. */
  competitors: CompetitorEntry[];
}

export function whiteSpace(map: AccountMap): WhiteSpace {
  const people = current(map);
  const entry = (department: Department) => ({
    department,
    path: departmentPath(map, department.id),
    people: peopleIn(people, departmentAndDescendants(map, department.id)),
  });
  const byPath = (a: { path: string[] }, b: { path: string[] }) => a.path.join('/').localeCompare(b.path.join('/'), 'en');
  const departments = Object.values(map.departments);
  return {
    whiteSpace: departments
      .filter((d) => d.coverage === 'white-space')
      .map((d) => ({ ...entry(d), potentialValue: d.potentialValue.trim() }))
      .sort((a, b) => Number(!a.potentialValue) - Number(!b.potentialValue) || byPath(a, b)),
    competitors: departments
      .filter((d) => d.coverage === 'competitor')
      .map((d) => ({ ...entry(d), competitor: d.competitor.trim() }))
      .sort(byPath),
  };
}

// ------------------------------------------------------------------ paths from champions

export interface ChampionPath {
  /** A decision-maker or economic buyer still at the company (open seats are left out). */
  decider: Stakeholder;
  /**
   * The shortest chain from one of our champions to the decider, champion first: stakeholder ids
   * and, between each pair, the id of the link that joins them. Null when no champion reaches them.
   */
  path: { stakeholderIds: string[]; linkIds: string[] } | null;
}

/**
 * Who can carry our case to each decider. A champion reaches someone they influence (the link's
 * direction), anyone they share a reporting line or dotted line with (either way: a manager and a
 * report talk), and an ally. Conflicts carry nothing. Breadth-first from every champion at once,
 * so the chain found is a shortest one; ties go to the first link in the map's order.
 */
export function championPaths(map: AccountMap): ChampionPath[] {
  const present = (id: string) => Boolean(map.stakeholders[id]) && !map.stakeholders[id].leftCompany;
  const next = new Map<string, { to: string; linkId: string }[]>();
  const add = (from: string, to: string, linkId: string) => {
    if (!present(from) || !present(to) || from === to) return;
    const list = next.get(from) ?? [];
    list.push({ to, linkId });
    next.set(from, list);
  };
  for (const link of Object.values(map.links)) {
    if (link.kind === 'conflict') continue;
    add(link.sourceId, link.targetId, link.id);
    if (link.kind !== 'influences') add(link.targetId, link.sourceId, link.id);
  }

  const champions = currentPeople(map).filter((s) => s.stance === 'champion').map((s) => s.id);
  const cameFrom = new Map<string, { from: string; linkId: string } | null>(champions.map((id) => [id, null]));
  const queue = [...champions];
  for (let i = 0; i < queue.length; i++) {
    for (const step of next.get(queue[i]) ?? []) {
      if (cameFrom.has(step.to)) continue;
      cameFrom.set(step.to, { from: queue[i], linkId: step.linkId });
      queue.push(step.to);
    }
  }

  return currentPeople(map)
    .filter(isDecider)
    .sort(byInfluenceThenName)
    .map((decider) => {
      if (!cameFrom.has(decider.id)) return { decider, path: null };
      const stakeholderIds = [decider.id];
      const linkIds: string[] = [];
      for (let step = cameFrom.get(decider.id); step; step = cameFrom.get(step.from)) {
        stakeholderIds.unshift(step.from);
        linkIds.unshift(step.linkId);
      }
      return { decider, path: { stakeholderIds, linkIds } };
    });
}
