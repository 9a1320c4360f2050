// A reproducible account map for the benchmark: `size` stakeholders, a department per ten people
// (laid out in a grid, members in rows inside them, nothing overlapping) and about 1.5 links per
// person of every kind. Plain ES module with no imports, so Node (bench/run.mjs) and the browser
// (the bare React Flow page, bench/baseline/main.tsx) build the very same graph from the same seed.
// Every record carries every field of the current schema (src/domain/types.ts), so loadMap's
// restore step has nothing to repair (run.mjs checks that).

export const DEFAULT_SEED = 20261122;

/** Card and department geometry; the card size is STAKEHOLDER_CARD in src/domain/defaults.ts. */
export const LAYOUT = {
  card: { width: 220, height: 96 },
  header: 44, // DEPARTMENT_HEADER_HEIGHT
  padding: 16,
  gap: 20,
  columns: 4, // cards per row inside a department
  departmentGap: 60,
};

/** mulberry32: small, fast, and the same sequence everywhere. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ana', 'Ben', 'Chloé', 'Dario', 'Elena', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kai', 'Lena', 'Mateo', 'Nora', 'Omar', 'Petra', 'Quentin', 'Rosa', 'Sven', 'Tariq', 'Ulla', 'Viktor', 'Wiebke', 'Yara', 'Zoltan', 'Mia', 'Joost', 'Femke', 'Henrik', 'Aylin'];
const LAST = ['Larsen', 'García', 'Weber', 'Schulz', 'Andersen', 'Bakker', 'Jansen', 'Rossi', 'Novak', 'Dubois', 'Kowalski', 'Müller', 'Silva', 'Nielsen', 'Horvat', 'Öztürk', 'Moreau', 'Fischer', 'Costa', 'Lindqvist', 'Meyer', 'Visser', 'Kaya', 'Popescu'];
const TITLES = ['Head of', 'Director,', 'Manager,', 'Lead,', 'Senior Analyst,', 'Specialist,', 'VP', 'Coordinator,'];
const AREAS = ['Finance', 'IT', 'Procurement', 'Operations', 'Logistics', 'Sales', 'Legal', 'HR', 'Data & Analytics', 'Security', 'Customer Service', 'Strategy', 'Facilities', 'Quality', 'R&D'];
const PLACES = ['Rotterdam', 'Hamburg', 'Lyon', 'Milan', 'Gdańsk', 'Porto', 'Malmö', 'Vienna', 'Antwerp', 'Brno'];
const STANCES = [['champion', 0.08], ['supporter', 0.2], ['neutral', 0.3], ['skeptic', 0.12], ['blocker', 0.06], ['unknown', 0.24]];
const ROLES = ['decision-maker', 'economic-buyer', 'technical-evaluator', 'user', 'influencer', 'gatekeeper'];
const INFLUENCE = [['high', 0.2], ['medium', 0.5], ['low', 0.3]];
const RELATIONSHIP = [['strong', 0.15], ['good', 0.3], ['weak', 0.25], ['none', 0.3]];
const COVERAGE = [['engaged', 0.5], ['white-space', 0.25], ['competitor', 0.1], ['unknown', 0.15]];
const COMPETITORS = ['Transvoy', 'Logibridge', 'CargoSoft', 'Nordhub'];
// Links beyond the reporting lines (reports-to makes N - 1 of them).
const EXTRA_KINDS = [['influences', 0.5], ['ally', 0.2], ['dotted-line', 0.15], ['conflict', 0.15]];
const TEAM = [
  ['tm_bench_1', 'Sofia Brandt', 'results-driver'],
  ['tm_bench_2', 'Lukas Hoff', 'relationship-leader'],
  ['tm_bench_3', 'Maren Ek', 'technical-expert'],
  ['tm_bench_4', 'Paolo Ricci', 'collaborator'],
  ['tm_bench_5', 'Jana Vos', 'innovator'],
  ['tm_bench_6', 'Tom Reyes', 'project-manager'],
];
const NOW = '2026-11-22T09:00:00.000Z';

/**
 * @param {{ size: number, seed?: number }} options
 * @returns the AccountMap (src/domain/types.ts), with ids stable for a given size and seed.
 */
export function generateMap({ size, seed = DEFAULT_SEED }) {
  const random = prng(seed * 7919 + size);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const weighted = (table) => {
    let r = random();
    for (const [value, weight] of table) {
      r -= weight;
      if (r < 0) return value;
    }
    return table[table.length - 1][0];
  };
  const day = (offset) => new Date(Date.UTC(2026, 10, 22) - offset * 86_400_000).toISOString().slice(0, 10);

  // ------------------------------------------------ departments: sizes 6..14 that add up to `size`
  const departmentCount = Math.max(1, Math.round(size / 10));
  const memberCounts = new Array(departmentCount).fill(Math.floor(size / departmentCount));
  for (let i = 0; i < size % departmentCount; i++) memberCounts[i]++;
  for (let i = 0; i < departmentCount * 2; i++) {
    const from = Math.floor(random() * departmentCount);
    const to = Math.floor(random() * departmentCount);
    if (from !== to && memberCounts[from] > 6 && memberCounts[to] < 14) {
      memberCounts[from]--;
      memberCounts[to]++;
    }
  }

  const { card, header, padding, gap, columns, departmentGap } = LAYOUT;
  const frameWidth = padding * 2 + columns * card.width + (columns - 1) * gap;
  const frameHeight = (members) => {
    const rows = Math.max(1, Math.ceil(members / columns));
    return header + padding + rows * card.height + (rows - 1) * gap + padding;
  };
  // A grid about 16:10 on screen.
  const gridColumns = Math.max(1, Math.ceil(Math.sqrt((departmentCount * 1.6 * 540) / frameWidth)));

  const departments = {};
  const departmentIds = [];
  let rowTop = 0;
  let rowHeight = 0;
  for (let i = 0; i < departmentCount; i++) {
    const column = i % gridColumns;
    if (column === 0 && i > 0) {
      rowTop += rowHeight + departmentGap;
      rowHeight = 0;
    }
    const height = frameHeight(memberCounts[i]);
    rowHeight = Math.max(rowHeight, height);
    const id = `dep_bench_${i}`;
    const coverage = weighted(COVERAGE);
    departments[id] = {
      id,
      name: `${pick(AREAS)} ${pick(PLACES)} ${i + 1}`,
      parentId: null,
      coverage,
      competitor: coverage === 'competitor' ? pick(COMPETITORS) : '',
      notes: random() < 0.3 ? 'Budget cycle closes in Q3; new leadership since spring.' : '',
      products: coverage === 'engaged' ? ['Freight Cost Analytics'] : [],
      potentialValue: coverage === 'white-space' ? `€${50 + Math.floor(random() * 450)}k ARR` : '',
      position: { x: column * (frameWidth + departmentGap), y: rowTop },
      size: { width: frameWidth, height },
    };
    departmentIds.push(id);
  }

  // ------------------------------------------------ stakeholders, in slots inside their department
  const stakeholders = {};
  const members = departmentIds.map(() => []);
  let n = 0;
  departmentIds.forEach((departmentId, d) => {
    for (let slot = 0; slot < memberCounts[d]; slot++) {
      const id = `stk_bench_${n}`;
      const placeholder = random() < 0.02;
      const roles = ROLES.filter(() => random() < 0.18);
      const area = departments[departmentId].name.split(' ')[0];
      stakeholders[id] = {
        id,
        name: placeholder ? `${pick(TITLES).replace(/,$/, '')} ${area} — unknown` : `${pick(FIRST)} ${pick(LAST)}`,
        title: slot === 0 ? `Head of ${area}` : `${pick(TITLES)} ${area}`,
        departmentId,
        email: placeholder ? '' : `person${n}@example.com`,
        phone: '',
        linkedIn: '',
        notes: random() < 0.25 ? 'Prefers short written summaries before meetings.' : '',
        roles,
        stance: placeholder ? 'unknown' : weighted(STANCES),
        influence: slot === 0 ? 'high' : weighted(INFLUENCE),
        relationship: placeholder ? 'none' : weighted(RELATIONSHIP),
        ownerId: random() < 0.7 ? pick(TEAM)[0] : null,
        lastContact: random() < 0.6 ? day(Math.floor(random() * 200)) : null,
        personalContext: random() < 0.1 ? 'Runs marathons; two kids.' : '',
        leftCompany: false,
        leftTo: '',
        successorId: null,
        placeholder,
        source: random() < 0.4 ? 'QBR call' : '',
        verifiedOn: random() < 0.3 ? day(Math.floor(random() * 90)) : null,
        position: {
          x: padding + (slot % columns) * (card.width + gap),
          y: header + padding + Math.floor(slot / columns) * (card.height + gap),
        },
      };
      members[d].push(id);
      n++;
    }
  });

  // About 1% left the company; a colleague in the same department took over the seat.
  for (const list of members) {
    for (let i = 1; i < list.length; i++) {
      if (random() < 0.01) {
        const person = stakeholders[list[i]];
        person.leftCompany = true;
        person.leftTo = random() < 0.5 ? pick(COMPETITORS) : '';
        person.successorId = list[i === 1 ? 2 % list.length : 1];
        if (person.successorId === person.id) person.successorId = null;
      }
    }
  }

  // ------------------------------------------------ links
  const links = {};
  const pairs = new Set();
  let linkIndex = 0;
  const addLink = (kind, sourceId, targetId) => {
    const key = sourceId < targetId ? `${sourceId}|${targetId}` : `${targetId}|${sourceId}`;
    if (sourceId === targetId || pairs.has(key)) return false;
    pairs.add(key);
    const id = `lnk_bench_${linkIndex++}`;
    links[id] = {
      id,
      kind,
      sourceId,
      targetId,
      label: kind === 'influences' && random() < 0.1 ? 'golf partners' : '',
      strength: kind === 'influences' ? weighted(INFLUENCE) : 'medium',
    };
    return true;
  };
  // The org chart: everyone reports to their department's head; heads report up a tree of heads.
  members.forEach((list, d) => {
    for (let i = 1; i < list.length; i++) addLink('reports-to', list[i], list[0]);
    if (d > 0) addLink('reports-to', list[0], members[Math.floor((d - 1) / 3)][0]);
  });
  const target = Math.round(size * 1.5);
  const all = Object.keys(stakeholders);
  let attempts = 0;
  // linkIndex counts the links made (Object.keys here made 20,000 people take minutes).
  while (linkIndex < target && attempts++ < target * 20) {
    const d = Math.floor(random() * members.length);
    const source = pick(members[d]);
    // Mostly within a department or to a neighbour in the grid, sometimes across the company.
    const r = random();
    const other =
      r < 0.45 ? pick(members[d]) : r < 0.8 ? pick(members[Math.min(members.length - 1, d + 1 + Math.floor(random() * 2))]) : pick(all);
    addLink(weighted(EXTRA_KINDS), source, other);
  }

  const team = Object.fromEntries(TEAM.map(([id, name, role]) => [id, { id, name, role }]));
  return {
    id: `map_bench_${size}_${seed}`,
    name: `Bench account, ${size} stakeholders`,
    createdAt: NOW,
    updatedAt: NOW,
    departments,
    stakeholders,
    links,
    team,
  };
}

/** How many stakeholder cards and line paths the canvas should show for this map. */
export function expectedCounts(map) {
  const people = Object.values(map.stakeholders);
  const successors = people.filter((p) => p.leftCompany && p.successorId && map.stakeholders[p.successorId]).length;
  return {
    stakeholders: people.length,
    departments: Object.keys(map.departments).length,
    links: Object.keys(map.links).length,
    edges: Object.keys(map.links).length + successors,
  };
}
