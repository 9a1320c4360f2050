import { describe, expect, it } from 'vitest';
import { createSampleAccountMap, SAMPLE_MAP_ID } from '../../../src/domain/sample';
import { absolutePosition, departmentDepth } from '../../../src/domain/commands';
import { DEPARTMENT_HEADER_HEIGHT, STAKEHOLDER_CARD } from '../../../src/domain/defaults';
import { restoreMap } from '../../../src/domain/restore';
import { accountMapSchema } from '../../../src/domain/schema';
import { BUYING_ROLES, LINK_KINDS, STANCES, TEAM_ROLES, type AccountMap } from '../../../src/domain/types';
import { NOW } from '../fixtures/maps';

const map = createSampleAccountMap(NOW);
const people = Object.values(map.stakeholders);
const departments = Object.values(map.departments);
const links = Object.values(map.links);

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every card and department that sits directly in `parentId`, in coordinates relative to it. */
function childrenOf(m: AccountMap, parentId: string | null): Box[] {
  return [
    ...Object.values(m.stakeholders)
      .filter((s) => s.departmentId === parentId)
      .map((s) => ({ id: s.id, ...s.position, ...STAKEHOLDER_CARD })),
    ...Object.values(m.departments)
      .filter((d) => d.parentId === parentId)
      .map((d) => ({ id: d.id, ...d.position, ...d.size })),
  ];
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the sample account', () => {
  it('is a valid map that restores without a single repair', () => {
    expect(accountMapSchema.safeParse(map).success).toBe(true);
    const result = restoreMap(JSON.parse(JSON.stringify(map)));
    expect(result).toMatchObject({ ok: true, repairs: [] });
    expect(map.id).toBe(SAMPLE_MAP_ID);
    expect(map.name).toBe('Nordwind Logistics AG');
  });

  it('is the same every time for the same date (stable ids for tests and the first start)', () => {
    expect(createSampleAccountMap(NOW)).toEqual(map);
    expect(map.stakeholders.stk_sample_claire.name).toBe('Claire Dubois');
  });

  it('has at least 24 stakeholders in at least 7 departments, nested two levels deep', () => {
    expect(people.length).toBeGreaterThanOrEqual(24);
    expect(departments.length).toBeGreaterThanOrEqual(7);
    expect(Math.max(...departments.map((d) => departmentDepth(map, d.id)))).toBeGreaterThanOrEqual(2);
    for (const person of people) expect(person.departmentId && map.departments[person.departmentId]).toBeTruthy();
  });

  it('uses every stance, buying role and link kind', () => {
    for (const stance of STANCES) expect(people.some((p) => p.stance === stance), stance).toBe(true);
    for (const role of BUYING_ROLES) expect(people.some((p) => p.roles.includes(role)), role).toBe(true);
    for (const kind of LINK_KINDS) expect(links.some((l) => l.kind === kind), kind).toBe(true);
    const influences = links.filter((l) => l.kind === 'influences');
    expect(new Set(influences.map((l) => l.strength)).size).toBeGreaterThanOrEqual(2);
  });

  it('shows white space with a potential value and a department held by a named competitor', () => {
    const whiteSpace = departments.filter((d) => d.coverage === 'white-space');
    expect(whiteSpace.length).toBeGreaterThanOrEqual(1);
    expect(whiteSpace.every((d) => d.potentialValue.length > 0)).toBe(true);
    const held = departments.filter((d) => d.coverage === 'competitor');
    expect(held.length).toBeGreaterThanOrEqual(1);
    expect(held.every((d) => d.competitor.length > 0)).toBe(true);
  });

  it('has a placeholder seat and someone who left, with where they went and a successor', () => {
    expect(people.some((p) => p.placeholder)).toBe(true);
    const leaver = people.find((p) => p.leftCompany)!;
    expect(leaver.leftTo).not.toBe('');
    expect(map.stakeholders[leaver.successorId!]).toBeDefined();
  });

  it('has a team of four with account-management roles, owning stakeholders', () => {
    const team = Object.values(map.team);
    expect(team).toHaveLength(4);
    for (const member of team) expect(TEAM_ROLES).toContain(member.role);
    for (const member of team) expect(people.some((p) => p.ownerId === member.id), member.name).toBe(true);
  });

  it('has notes, sources, verification dates and contacts, some of them stale', () => {
    expect(people.filter((p) => p.notes).length).toBeGreaterThanOrEqual(10);
    expect(people.filter((p) => p.source && p.verifiedOn).length).toBeGreaterThanOrEqual(3);
    const daysAgo = (date: string) => (Date.parse(NOW) - Date.parse(date)) / 86_400_000;
    const contacts = people.filter((p) => p.lastContact).map((p) => daysAgo(p.lastContact!));
    expect(contacts.some((d) => d > 90)).toBe(true);
    expect(contacts.some((d) => d < 30)).toBe(true);
  });

  it('has names from several countries, with diacritics', () => {
    const names = people.map((p) => p.name);
    expect(names).toContain('Zofia Wróbel');
    expect(names).toContain('Ștefan Țărănescu');
    expect(names.filter((n) => /[^\x00-\x7F]/.test(n)).length).toBeGreaterThanOrEqual(5);
  });

  it('has a reports-to org chart without loops, in which everyone has at most one manager', () => {
    const managerOf = new Map<string, string>();
    for (const link of links.filter((l) => l.kind === 'reports-to')) {
      expect(managerOf.has(link.sourceId), link.sourceId).toBe(false);
      managerOf.set(link.sourceId, link.targetId);
    }
    expect(managerOf.size).toBeGreaterThanOrEqual(15);
    for (const start of managerOf.keys()) {
      const seen = new Set<string>();
      for (let at: string | undefined = start; at; at = managerOf.get(at)) {
        expect(seen.has(at)).toBe(false);
        seen.add(at);
      }
    }
  });
});

describe('the sample layout', () => {
  it('never overlaps two cards or departments in the same parent', () => {
    for (const parentId of [null, ...departments.map((d) => d.id)]) {
      const boxes = childrenOf(map, parentId);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          expect(overlaps(boxes[i], boxes[j]), `${boxes[i].id} overlaps ${boxes[j].id}`).toBe(false);
        }
      }
    }
  });

  it('fits every card and sub-department inside its department, below the title bar', () => {
    for (const department of departments) {
      for (const box of childrenOf(map, department.id)) {
        expect(box.x, `${box.id} in ${department.id}`).toBeGreaterThanOrEqual(8);
        expect(box.y, `${box.id} in ${department.id}`).toBeGreaterThanOrEqual(DEPARTMENT_HEADER_HEIGHT);
        expect(box.x + box.width, `${box.id} in ${department.id}`).toBeLessThanOrEqual(department.size.width - 8);
        expect(box.y + box.height, `${box.id} in ${department.id}`).toBeLessThanOrEqual(department.size.height - 8);
      }
    }
  });

  it('puts managers above their reports within a department', () => {
    for (const link of links.filter((l) => l.kind === 'reports-to')) {
      const report = map.stakeholders[link.sourceId];
      const manager = map.stakeholders[link.targetId];
      if (report.departmentId !== manager.departmentId) continue;
      expect(manager.position.y, `${manager.name} above ${report.name}`).toBeLessThan(report.position.y);
    }
    // A sub-department's head sits below the head of the department around it.
    for (const link of links.filter((l) => l.kind === 'reports-to')) {
      const report = map.stakeholders[link.sourceId];
      const manager = map.stakeholders[link.targetId];
      const nestedBelow = report.departmentId && map.departments[report.departmentId].parentId === manager.departmentId;
      if (nestedBelow) expect(absolutePosition(map, manager.id).y).toBeLessThan(absolutePosition(map, report.id).y);
    }
  });

  it('uses whole pixels and stays in a compact area', () => {
    const right = Math.max(...departments.filter((d) => !d.parentId).map((d) => d.position.x + d.size.width));
    const bottom = Math.max(...departments.filter((d) => !d.parentId).map((d) => d.position.y + d.size.height));
    expect(right).toBeLessThan(2400);
    expect(bottom).toBeLessThan(1800);
    for (const box of [...people.map((p) => p.position), ...departments.map((d) => d.position)]) {
      expect(Number.isInteger(box.x) && Number.isInteger(box.y)).toBe(true);
    }
  });
});
