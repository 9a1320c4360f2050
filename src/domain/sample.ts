// The sample account every new install starts with: a fictional European logistics company that
// shows everything the product can do (every stance, role, link kind and coverage status, nesting,
// a placeholder seat, a person who left), laid out as a tidy org chart so it reads at first sight.
import { newDepartment, newLink, newStakeholder, DEPARTMENT_HEADER_HEIGHT } from './defaults';
import { CARD_WIDTH, cardLayout, departmentFootRoom, departmentMinWidth } from './card-layout';
import type {
  AccountMap,
  BuyingRole,
  Coverage,
  Department,
  Influence,
  Link,
  LinkKind,
  RelationshipStrength,
  Stakeholder,
  Stance,
  TeamMember,
  TeamRole,
} from './types';

interface DepartmentSpec {
  key: string;
  name: string;
  parent?: string;
  coverage: Coverage;
  competitor?: string;
  potentialValue?: string;
  products?: string[];
  notes?: string;
}

interface PersonSpec {
  key: string;
  name: string;
  title: string;
  department: string;
  roles: BuyingRole[];
  stance: Stance;
  influence: Influence;
  relationship: RelationshipStrength;
  owner?: string;
  /** Days before "now" of the last contact. */
  contactDaysAgo?: number;
  notes?: string;
  personalContext?: string;
  source?: string;
  placeholder?: boolean;
  leftTo?: string;
  successor?: string;
}

const DEPARTMENTS: DepartmentSpec[] = [
  { key: 'exec', name: 'Executive Board', coverage: 'engaged', notes: 'Board signs off anything above €250k.' },
  { key: 'finance', name: 'Finance', coverage: 'engaged', products: ['Freight Cost Analytics'] },
  { key: 'procurement', name: 'Procurement', parent: 'finance', coverage: 'engaged', notes: 'Runs a vendor consolidation programme in 2027.' },
  { key: 'it', name: 'IT', coverage: 'engaged', products: ['Yard Planner', 'Freight Cost Analytics'] },
  { key: 'infra', name: 'Infrastructure & Cloud', parent: 'it', coverage: 'engaged' },
  { key: 'data', name: 'Data & Analytics', parent: 'it', coverage: 'white-space', potentialValue: '€400k ARR', notes: 'Building a control tower; no vendor chosen yet.' },
  { key: 'ops', name: 'Operations', coverage: 'engaged' },
  { key: 'hubs', name: 'Hub Network', parent: 'ops', coverage: 'engaged' },
  { key: 'rotterdam', name: 'Hub Rotterdam', parent: 'hubs', coverage: 'competitor', competitor: 'Transvoy', notes: 'Transvoy contract renews in Q3 2027.' },
  { key: 'hamburg', name: 'Hub Hamburg', parent: 'hubs', coverage: 'engaged', products: ['Yard Planner'] },
  { key: 'hr', name: 'People & HR', coverage: 'white-space', potentialValue: '€120k ARR (shift planning)' },
  { key: 'legal', name: 'Legal & Compliance', coverage: 'unknown' },
];

const TEAM: { key: string; name: string; role: TeamRole }[] = [
  { key: 'sam', name: 'Sam Carter', role: 'results-driver' },
  { key: 'priya', name: 'Priya Shah', role: 'relationship-leader' },
  { key: 'ben', name: 'Ben Okafor', role: 'technical-expert' },
  { key: 'lea', name: 'Lea Fischer', role: 'project-manager' },
];

const PEOPLE: PersonSpec[] = [
  { key: 'henrik', name: 'Henrik Larsen', title: 'CEO', department: 'exec', roles: ['decision-maker'], stance: 'neutral', influence: 'high', relationship: 'weak', owner: 'sam', contactDaysAgo: 120, notes: 'Wants one logistics platform across all hubs by 2028.', source: 'Annual report 2025 + one exec dinner', personalContext: 'Sails; runs the Copenhagen half marathon.' },
  { key: 'claire', name: 'Claire Dubois', title: 'CFO', department: 'exec', roles: ['economic-buyer', 'decision-maker'], stance: 'skeptic', influence: 'high', relationship: 'good', owner: 'sam', contactDaysAgo: 35, notes: 'Signs the budget. Needs payback under 18 months.', source: 'QBR with Claire and Matteo' },
  { key: 'sophie', name: 'Sophie Martin', title: 'Executive Assistant to the CEO', department: 'exec', roles: ['gatekeeper'], stance: 'supporter', influence: 'medium', relationship: 'strong', owner: 'priya', contactDaysAgo: 12, notes: 'Controls the CEO’s diary. Friendly since the 2025 summit.' },
  { key: 'cdo', name: 'Chief Digital Officer', title: 'New role, hiring in 2026', department: 'exec', roles: ['decision-maker'], stance: 'unknown', influence: 'high', relationship: 'none', placeholder: true, notes: 'Seat announced in the annual report; not filled yet.' },
  { key: 'matteo', name: 'Matteo Rossi', title: 'Head of Controlling', department: 'finance', roles: ['influencer'], stance: 'supporter', influence: 'medium', relationship: 'good', owner: 'priya', contactDaysAgo: 40 },
  { key: 'laura', name: 'Laura Bianchi', title: 'Finance Business Partner, Operations', department: 'finance', roles: ['user'], stance: 'neutral', influence: 'low', relationship: 'weak', contactDaysAgo: 150 },
  { key: 'zofia', name: 'Zofia Wróbel', title: 'Head of Procurement', department: 'procurement', roles: ['gatekeeper'], stance: 'blocker', influence: 'high', relationship: 'weak', contactDaysAgo: 95, notes: 'Pushes vendor consolidation; prefers Transvoy’s bundle.', source: 'RFP debrief, verified by Matteo' },
  { key: 'lukas', name: 'Lukas Becker', title: 'Category Manager IT', department: 'procurement', roles: ['gatekeeper'], stance: 'neutral', influence: 'low', relationship: 'none' },
  { key: 'stavros', name: 'Σταύρος Παπαδόπουλος', title: 'CIO', department: 'it', roles: ['decision-maker', 'technical-evaluator'], stance: 'champion', influence: 'high', relationship: 'strong', owner: 'sam', contactDaysAgo: 6, notes: 'Sponsored the Hamburg pilot. Sells us to the board.', source: 'Weekly call; pilot steering committee', personalContext: 'Cycles to work; two kids; loves Greek jazz.' },
  { key: 'marek', name: 'Marek Nowak', title: 'Former Head of Logistics IT', department: 'it', roles: ['influencer'], stance: 'champion', influence: 'medium', relationship: 'strong', owner: 'priya', contactDaysAgo: 200, leftTo: 'Baltic Freight Group (VP Operations)', successor: 'stefan', notes: 'Our first champion. Now at Baltic Freight: a lead.' },
  { key: 'stefan', name: 'Ștefan Țărănescu', title: 'Head of Infrastructure', department: 'infra', roles: ['technical-evaluator'], stance: 'supporter', influence: 'medium', relationship: 'good', owner: 'ben', contactDaysAgo: 20, notes: 'Took over from Marek Nowak.' },
  { key: 'ingrid', name: 'Ingrid Solberg', title: 'Cloud Architect', department: 'infra', roles: ['technical-evaluator', 'user'], stance: 'supporter', influence: 'medium', relationship: 'good', owner: 'ben', contactDaysAgo: 14 },
  { key: 'oskar', name: 'Oskar Lindqvist', title: 'Service Desk Lead', department: 'infra', roles: ['user'], stance: 'unknown', influence: 'low', relationship: 'none' },
  { key: 'anna', name: 'Анна Кузнецова', title: 'Head of Data', department: 'data', roles: ['influencer', 'technical-evaluator'], stance: 'unknown', influence: 'medium', relationship: 'none', notes: 'Owns the control-tower project. Never met.' },
  { key: 'datalead', name: 'Data Platform Lead', title: 'Seat to find', department: 'data', roles: ['technical-evaluator'], stance: 'unknown', influence: 'medium', relationship: 'none', placeholder: true },
  { key: 'pieter', name: 'Pieter de Vries', title: 'COO', department: 'ops', roles: ['decision-maker'], stance: 'supporter', influence: 'high', relationship: 'good', owner: 'sam', contactDaysAgo: 28 },
  { key: 'kai', name: 'Kai Andersen', title: 'Head of Hub Network', department: 'hubs', roles: ['influencer', 'user'], stance: 'neutral', influence: 'medium', relationship: 'weak', owner: 'lea', contactDaysAgo: 70 },
  { key: 'joost', name: 'Joost Bakker', title: 'Site Manager Rotterdam', department: 'rotterdam', roles: ['user'], stance: 'skeptic', influence: 'medium', relationship: 'weak', contactDaysAgo: 110, notes: 'Happy with Transvoy; fears a second migration.' },
  { key: 'femke', name: 'Femke Jansen', title: 'Shift Lead', department: 'rotterdam', roles: ['user'], stance: 'neutral', influence: 'low', relationship: 'none' },
  { key: 'jonas', name: 'Jonas Weber', title: 'Site Manager Hamburg', department: 'hamburg', roles: ['user', 'influencer'], stance: 'champion', influence: 'medium', relationship: 'strong', owner: 'lea', contactDaysAgo: 9, notes: 'Pilot site. Presents results to the COO.' },
  { key: 'mia', name: 'Mia Schulz', title: 'Dispatcher', department: 'hamburg', roles: ['user'], stance: 'supporter', influence: 'low', relationship: 'good', owner: 'lea', contactDaysAgo: 9 },
  { key: 'elena', name: 'Elena García', title: 'Chief People Officer', department: 'hr', roles: ['decision-maker', 'economic-buyer'], stance: 'unknown', influence: 'high', relationship: 'none', notes: 'Shift planning is on her 2027 agenda.' },
  { key: 'thomas', name: 'Thomas Müller', title: 'General Counsel', department: 'legal', roles: ['gatekeeper'], stance: 'skeptic', influence: 'medium', relationship: 'weak', contactDaysAgo: 180, notes: 'Blocked the last contract for 6 weeks over data residency.' },
  { key: 'amelie', name: 'Amélie Laurent', title: 'Data Protection Officer', department: 'legal', roles: ['gatekeeper', 'technical-evaluator'], stance: 'neutral', influence: 'medium', relationship: 'weak', owner: 'ben', contactDaysAgo: 60 },
];

type LinkSpec = [kind: LinkKind, source: string, target: string, extra?: { label?: string; strength?: Influence }];

const LINKS: LinkSpec[] = [
  ['reports-to', 'claire', 'henrik'],
  ['reports-to', 'sophie', 'henrik'],
  ['reports-to', 'cdo', 'henrik'],
  ['reports-to', 'matteo', 'claire'],
  ['reports-to', 'laura', 'matteo'],
  ['reports-to', 'zofia', 'claire'],
  ['reports-to', 'lukas', 'zofia'],
  ['reports-to', 'stefan', 'stavros'],
  ['reports-to', 'ingrid', 'stefan'],
  ['reports-to', 'oskar', 'stefan'],
  ['reports-to', 'anna', 'stavros'],
  ['reports-to', 'datalead', 'anna'],
  ['reports-to', 'kai', 'pieter'],
  ['reports-to', 'joost', 'kai'],
  ['reports-to', 'femke', 'joost'],
  ['reports-to', 'jonas', 'kai'],
  ['reports-to', 'mia', 'jonas'],
  ['reports-to', 'amelie', 'thomas'],
  ['dotted-line', 'lukas', 'stavros', { label: 'IT category' }],
  ['dotted-line', 'laura', 'pieter'],
  ['influences', 'stavros', 'claire', { label: 'builds the budget case', strength: 'high' }],
  ['influences', 'sophie', 'henrik', { label: 'controls the diary', strength: 'high' }],
  ['influences', 'zofia', 'claire', { strength: 'high' }],
  ['influences', 'jonas', 'pieter', { label: 'pilot results', strength: 'medium' }],
  ['influences', 'ingrid', 'stavros', { strength: 'medium' }],
  ['influences', 'thomas', 'henrik', { strength: 'low' }],
  ['ally', 'stavros', 'jonas', { label: 'co-sponsored the pilot' }],
  ['ally', 'claire', 'zofia'],
  ['conflict', 'zofia', 'stavros', { label: 'vendor consolidation' }],
];

const GAP = 24;
const ROW_GAP = 40;
const PAD = 20;
const TOP_GAP = 72;

/** Reporting depth of a person among colleagues in the same department (managers first). */
function levelsWithin(people: PersonSpec[]): PersonSpec[][] {
  const managerOf = new Map(LINKS.filter(([kind]) => kind === 'reports-to').map(([, report, manager]) => [report, manager]));
  const inside = new Set(people.map((p) => p.key));
  const level = (key: string, guard = 0): number => {
    const manager = managerOf.get(key);
    return manager && inside.has(manager) && guard < 16 ? level(manager, guard + 1) + 1 : 0;
  };
  const rows: PersonSpec[][] = [];
  for (const person of people) (rows[level(person.key)] ??= []).push(person);
  return rows.filter(Boolean);
}

interface Placed {
  width: number;
  height: number;
}

/** Lays out one department (and, recursively, its children) and returns its size. */
function layoutDepartment(
  key: string,
  card: (key: string) => Placed,
  positions: Map<string, { x: number; y: number }>,
  sizes: Map<string, Placed>,
): Placed {
  const rows = levelsWithin(PEOPLE.filter((p) => p.department === key));
  const children = DEPARTMENTS.filter((d) => d.parent === key).map((d) => ({ key: d.key, size: layoutDepartment(d.key, card, positions, sizes) }));
  // Cards are as wide as their names need (domain/card-layout.ts): rows are measured card by card.
  const rowWidth = (row: PersonSpec[]) => row.reduce((sum, p) => sum + card(p.key).width, 0) + (row.length - 1) * GAP;
  const childrenWidth = children.reduce((sum, c) => sum + c.size.width, 0) + Math.max(0, children.length - 1) * GAP;
  // Wide enough for the department's name and potential value on one line, with room for the value at its foot.
  const spec = DEPARTMENTS.find((d) => d.key === key)!;
  const frame = newDepartment({ id: key, name: spec.name, coverage: spec.coverage, potentialValue: spec.potentialValue ?? '' });
  const contentWidth = Math.max(CARD_WIDTH.min, childrenWidth, departmentMinWidth(frame) - PAD * 2, ...rows.map(rowWidth));

  let y = DEPARTMENT_HEADER_HEIGHT + 12;
  for (const row of rows) {
    let x = PAD + (contentWidth - rowWidth(row)) / 2;
    for (const person of row) {
      positions.set(person.key, { x: Math.round(x), y });
      x += card(person.key).width + GAP;
    }
    y += Math.max(...row.map((p) => card(p.key).height)) + ROW_GAP;
  }
  if (children.length) {
    let x = PAD + (contentWidth - childrenWidth) / 2;
    for (const child of children) {
      positions.set(child.key, { x, y });
      x += child.size.width + GAP;
    }
    y += Math.max(...children.map((c) => c.size.height)) + PAD;
  } else {
    y += PAD - ROW_GAP + 8;
  }
  const size = { width: contentWidth + PAD * 2, height: y + departmentFootRoom(frame) };
  sizes.set(key, size);
  return size;
}

/** Top-level departments in two rows, like a slide: leadership and support on top, IT and operations below. */
const TOP_ROWS = [
  ['exec', 'finance', 'legal', 'hr'],
  ['it', 'ops'],
];

function sampleLayout(card: (key: string) => Placed) {
  const positions = new Map<string, { x: number; y: number }>();
  const sizes = new Map<string, Placed>();
  let y = 0;
  for (const row of TOP_ROWS) {
    const placed = row.map((key) => ({ key, size: layoutDepartment(key, card, positions, sizes) }));
    let x = 0;
    for (const { key, size } of placed) {
      positions.set(key, { x, y });
      x += size.width + TOP_GAP;
    }
    y += Math.max(...placed.map((p) => p.size.height)) + TOP_GAP;
  }
  return { positions, sizes };
}

function daysBefore(nowIso: string, days: number): string {
  const date = new Date(nowIso);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** first.last@nordwind.example, without accents; names in other scripts keep a short handle. */
function emailOf(person: PersonSpec): string {
  const ascii = person.name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim()
    .split(/\s+/)
    .join('.');
  return `${/^[a-z.'-]+$/.test(ascii) ? ascii.replace(/'/g, '') : person.key}@nordwind.example`;
}

function samplePerson(spec: PersonSpec, id: (prefix: string, key: string) => string, nowIso: string): Stakeholder {
  return newStakeholder({
    id: id('stk', spec.key),
    name: spec.name,
    title: spec.title,
    departmentId: id('dep', spec.department),
    roles: spec.roles,
    stance: spec.stance,
    influence: spec.influence,
    relationship: spec.relationship,
    ownerId: spec.owner ? id('tm', spec.owner) : null,
    lastContact: spec.contactDaysAgo !== undefined ? daysBefore(nowIso, spec.contactDaysAgo) : null,
    notes: spec.notes ?? '',
    personalContext: spec.personalContext ?? '',
    source: spec.source ?? '',
    verifiedOn: spec.source && spec.contactDaysAgo !== undefined ? daysBefore(nowIso, spec.contactDaysAgo) : null,
    placeholder: spec.placeholder ?? false,
    leftCompany: spec.leftTo !== undefined,
    leftTo: spec.leftTo ?? '',
    successorId: spec.successor ? id('stk', spec.successor) : null,
    email: spec.placeholder ? '' : emailOf(spec),
    position: { x: 0, y: 0 },
  });
}

export const SAMPLE_MAP_ID = 'map_sample_nordwind';

export function createSampleAccountMap(nowIso: string): AccountMap {
  const id = (prefix: string, key: string) => `${prefix}_sample_${key}`;

  const team: Record<string, TeamMember> = {};
  for (const member of TEAM) team[id('tm', member.key)] = { id: id('tm', member.key), name: member.name, role: member.role };

  // People first, at the origin: their cards' sizes (from their names) decide the layout.
  const people = new Map(PEOPLE.map((spec) => [spec.key, samplePerson(spec, id, nowIso)]));
  const { positions, sizes } = sampleLayout((key) => {
    const person = people.get(key)!;
    return cardLayout(person, person.ownerId ? team[person.ownerId]?.name : undefined);
  });

  const departments: Record<string, Department> = {};
  for (const spec of DEPARTMENTS) {
    const departmentId = id('dep', spec.key);
    departments[departmentId] = newDepartment({
      id: departmentId,
      name: spec.name,
      parentId: spec.parent ? id('dep', spec.parent) : null,
      coverage: spec.coverage,
      competitor: spec.competitor ?? '',
      potentialValue: spec.potentialValue ?? '',
      products: spec.products ?? [],
      notes: spec.notes ?? '',
      position: positions.get(spec.key)!,
      size: sizes.get(spec.key)!,
    });
  }

  const stakeholders: Record<string, Stakeholder> = {};
  for (const [key, person] of people) stakeholders[person.id] = { ...person, position: positions.get(key)! };


  const links: Record<string, Link> = {};
  LINKS.forEach(([kind, source, target, extra], index) => {
    const linkId = id('lnk', String(index + 1).padStart(2, '0'));
    links[linkId] = newLink({ id: linkId, kind, sourceId: id('stk', source), targetId: id('stk', target), ...extra });
  });

  return {
    id: SAMPLE_MAP_ID,
    name: 'Nordwind Logistics AG',
    createdAt: nowIso,
    updatedAt: nowIso,
    departments,
    stakeholders,
    links,
    team,
  };
}
