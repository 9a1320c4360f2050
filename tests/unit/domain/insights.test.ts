// Insights: each risk rule on a small hand-made map, once where it fires and once where it must not.
import { describe, expect, it } from 'vitest';
import {
  blockerWithHighInfluence,
  championLeftWithoutSuccessor,
  connectionsOf,
  daysSince,
  deciderWithWeakRelationship,
  engagedDepartmentWithoutRelationship,
  keyPeople,
  keyPersonWithoutOwner,
  openDecisionSeat,
  opponentWithoutOwner,
  RISK_RULES,
  risks,
  singleThreadedAccount,
  singleThreadedDepartment,
  staleContact,
  summary,
  whiteSpace,
} from '../../../src/domain/insights';
import { createSampleAccountMap } from '../../../src/domain/sample';
import { mapWith, NOW } from '../fixtures/maps';

const now = new Date(NOW);
const ids = (list: { id: string }[]) => list.map((item) => item.id);
const team = [{ id: 'tm_sam', name: 'Sam Carter' }];

/** An ISO date `days` before NOW. */
function daysAgo(days: number): string {
  const date = new Date(NOW);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

describe('keyPeople', () => {
  const map = mapWith({
    team,
    stakeholders: [
      { id: 'ceo', name: 'Zed', roles: ['decision-maker'], influence: 'high' },
      { id: 'cfo', name: 'Anna', roles: ['economic-buyer', 'decision-maker'], influence: 'high' },
      { id: 'seat', name: 'Aaron seat', roles: ['decision-maker'], influence: 'high', placeholder: true },
      { id: 'cio', name: 'Bea', roles: ['decision-maker'], influence: 'medium', stance: 'champion' },
      { id: 'lead', name: 'Carl', stance: 'champion', influence: 'low' },
      { id: 'buyer', name: 'Dora', stance: 'blocker', influence: 'high' },
      { id: 'gone', name: 'Eve', stance: 'champion', roles: ['decision-maker'], leftCompany: true, leftTo: 'Rival Corp', successorId: 'cio' },
      { id: 'gone2', name: 'Abe', stance: 'blocker', leftCompany: true, successorId: 'missing' },
    ],
  });
  const people = keyPeople(map);

  it('lists each group by influence, then name, with open seats after people of the same influence', () => {
    expect(ids(people.decisionMakers)).toEqual(['cfo', 'ceo', 'seat', 'cio']);
    expect(ids(people.economicBuyers)).toEqual(['cfo']);
    expect(ids(people.champions)).toEqual(['cio', 'lead']);
    expect(ids(people.blockers)).toEqual(['buyer']);
  });

  it('lists people who left apart, with where they went and their successor', () => {
    expect(people.leftCompany.map((entry) => [entry.stakeholder.id, entry.leftTo, entry.successor?.id ?? null])).toEqual([
      ['gone2', '', null],
      ['gone', 'Rival Corp', 'cio'],
    ]);
  });
});

describe('risk rules', () => {
  it('decider-weak-relationship: a decision-maker or economic buyer we barely know', () => {
    const map = mapWith({
      stakeholders: [
        { id: 'ceo', name: 'Henrik', title: 'CEO', roles: ['decision-maker'], relationship: 'weak', influence: 'high' },
        { id: 'cfo', name: 'Claire', roles: ['economic-buyer'], relationship: 'none', influence: 'medium' },
        { id: 'coo', name: 'Pieter', roles: ['decision-maker'], relationship: 'good' },
        { id: 'user', name: 'Mia', roles: ['user'], relationship: 'none' },
        { id: 'gone', name: 'Old CEO', roles: ['decision-maker'], relationship: 'none', leftCompany: true },
      ],
    });
    const found = deciderWithWeakRelationship(map);
    expect(found.map((r) => [r.id, r.severity, r.stakeholderIds])).toEqual([
      ['decider-weak-relationship', 'high', ['ceo']],
      ['decider-weak-relationship', 'medium', ['cfo']],
    ]);
    expect(found[0].message).toBe('Our relationship with Henrik (CEO), a decision-maker, is weak.');
    expect(found[1].message).toBe('We have no relationship with Claire, an economic buyer.');
    expect(deciderWithWeakRelationship(mapWith({ stakeholders: [{ id: 'coo', roles: ['decision-maker'], relationship: 'strong' }] }))).toEqual([]);
  });

  it('blocker-high-influence: only a blocker with high influence', () => {
    const map = mapWith({ stakeholders: [{ id: 'z', name: 'Zofia', stance: 'blocker', influence: 'high' }] });
    expect(blockerWithHighInfluence(map)).toEqual([
      { id: 'blocker-high-influence', severity: 'high', message: 'Zofia is a blocker with high influence.', stakeholderIds: ['z'] },
    ]);
    const quieter = mapWith({ stakeholders: [{ id: 'z', stance: 'blocker', influence: 'medium' }, { id: 's', stance: 'skeptic', influence: 'high' }] });
    expect(blockerWithHighInfluence(quieter)).toEqual([]);
  });

  it('opponent-no-owner: a blocker or skeptic nobody on our team owns (an owner who left the team counts as none)', () => {
    const map = mapWith({
      team,
      stakeholders: [
        { id: 'b', name: 'Zofia', stance: 'blocker' },
        { id: 's', name: 'Thomas', stance: 'skeptic', ownerId: 'tm_gone' },
        { id: 'owned', stance: 'blocker', ownerId: 'tm_sam' },
        { id: 'n', stance: 'neutral' },
      ],
    });
    expect(opponentWithoutOwner(map).map((r) => [r.severity, r.stakeholderIds[0], r.message])).toEqual([
      ['medium', 's', 'Nobody on our team owns Thomas, a skeptic.'],
      ['high', 'b', 'Nobody on our team owns Zofia, a blocker.'],
    ]);
    expect(opponentWithoutOwner(mapWith({ team, stakeholders: [{ id: 'owned', stance: 'skeptic', ownerId: 'tm_sam' }] }))).toEqual([]);
  });

  it('key-person-no-owner: decision-makers, economic buyers and champions without an owner; opponents are left to the rule above', () => {
    const map = mapWith({
      team,
      stakeholders: [
        { id: 'eb', name: 'Elena', roles: ['economic-buyer', 'decision-maker'] },
        { id: 'ch', name: 'Jonas', stance: 'champion' },
        { id: 'skeptic-dm', roles: ['decision-maker'], stance: 'skeptic' },
        { id: 'owned', roles: ['decision-maker'], ownerId: 'tm_sam' },
        { id: 'user', roles: ['user'] },
        { id: 'seat', roles: ['decision-maker'], placeholder: true },
      ],
    });
    expect(keyPersonWithoutOwner(map).map((r) => [r.severity, r.stakeholderIds[0], r.message])).toEqual([
      ['high', 'eb', 'Nobody on our team owns Elena, a decision-maker and economic buyer.'],
      ['medium', 'ch', 'Nobody on our team owns Jonas, a champion.'],
    ]);
    expect(keyPersonWithoutOwner(mapWith({ team, stakeholders: [{ id: 'ch', stance: 'champion', ownerId: 'tm_sam' }] }))).toEqual([]);
  });

  it('single-threaded-account: the whole account hangs on one relationship', () => {
    const one = mapWith({
      stakeholders: [
        { id: 'a', name: 'Ana', relationship: 'good' },
        { id: 'b', relationship: 'none' },
      ],
    });
    expect(singleThreadedAccount(one)).toEqual([
      {
        id: 'single-threaded-account',
        severity: 'high',
        message: 'Ana is the only person at the account we have a relationship with.',
        stakeholderIds: ['a'],
      },
    ]);
    const two = mapWith({ stakeholders: [{ id: 'a', relationship: 'good' }, { id: 'b', relationship: 'weak' }] });
    expect(singleThreadedAccount(two)).toEqual([]);
  });

  describe('single-threaded-department', () => {
    const departments = [
      { id: 'fin', name: 'Finance', coverage: 'engaged' as const },
      { id: 'proc', name: 'Procurement', parentId: 'fin', coverage: 'engaged' as const },
      { id: 'it', name: 'IT', coverage: 'engaged' as const },
      { id: 'hr', name: 'HR', coverage: 'white-space' as const },
    ];

    it('fires for an engaged department where we know one person, once, at its widest', () => {
      const map = mapWith({
        departments,
        stakeholders: [
          { id: 'zofia', name: 'Zofia', departmentId: 'proc', relationship: 'weak' },
          { id: 'lukas', departmentId: 'proc', relationship: 'none' },
          { id: 'cio', departmentId: 'it', relationship: 'good' },
          { id: 'dev', departmentId: 'it', relationship: 'good' },
          { id: 'hr1', departmentId: 'hr', relationship: 'good' },
        ],
      });
      const found = singleThreadedDepartment(map);
      // Finance and Procurement both hang on Zofia: reported once, for Finance. HR is white space.
      expect(found).toEqual([
        {
          id: 'single-threaded-department',
          severity: 'medium',
          message: 'In Finance, Zofia is the only person we have a relationship with.',
          stakeholderIds: ['zofia'],
        },
      ]);
    });

    it('does not fire when we know two people there, or when the whole account is single-threaded', () => {
      const two = mapWith({
        departments,
        stakeholders: [
          { id: 'a', departmentId: 'proc', relationship: 'weak' },
          { id: 'b', departmentId: 'proc', relationship: 'good' },
          { id: 'c', departmentId: 'it', relationship: 'good' },
          { id: 'd', departmentId: 'it', relationship: 'good' },
        ],
      });
      expect(singleThreadedDepartment(two)).toEqual([]);
      const onlyOne = mapWith({ departments: [departments[2]], stakeholders: [{ id: 'a', departmentId: 'it', relationship: 'good' }] });
      expect(singleThreadedDepartment(onlyOne)).toEqual([]);
      expect(singleThreadedAccount(onlyOne)).toHaveLength(1);
    });
  });

  it('engaged-department-no-relationship: we sell there and know nobody', () => {
    const map = mapWith({
      departments: [
        { id: 'ops', name: 'Operations', coverage: 'engaged' },
        { id: 'hub', name: 'Hub', parentId: 'ops', coverage: 'engaged' },
        { id: 'it', name: 'IT', coverage: 'engaged' },
      ],
      stakeholders: [
        { id: 'a', departmentId: 'hub', relationship: 'none' },
        { id: 'b', departmentId: 'it', relationship: 'good' },
        { id: 'c', departmentId: 'it', relationship: 'good' },
      ],
    });
    expect(engagedDepartmentWithoutRelationship(map)).toEqual([
      {
        id: 'engaged-department-no-relationship',
        severity: 'medium',
        message: 'We work with Operations, but we have no relationship with anyone there.',
        stakeholderIds: [],
      },
    ]);
    const known = mapWith({ departments: [{ id: 'it', coverage: 'engaged' }], stakeholders: [{ id: 'b', departmentId: 'it', relationship: 'weak' }] });
    expect(engagedDepartmentWithoutRelationship(known)).toEqual([]);
  });

  it('champion-left-no-successor: a champion who left with nobody (or a missing record) in the seat', () => {
    const map = mapWith({
      stakeholders: [
        { id: 'marek', name: 'Marek', stance: 'champion', leftCompany: true, leftTo: 'Baltic Freight' },
        { id: 'ola', name: 'Ola', stance: 'champion', leftCompany: true, successorId: 'deleted' },
        { id: 'sup', stance: 'supporter', leftCompany: true },
      ],
    });
    expect(championLeftWithoutSuccessor(map).map((r) => [r.severity, r.stakeholderIds[0], r.message])).toEqual([
      ['high', 'marek', 'Marek, a champion, left the company for Baltic Freight, and we have not identified a successor.'],
      ['high', 'ola', 'Ola, a champion, left the company, and we have not identified a successor.'],
    ]);
    const succeeded = mapWith({
      stakeholders: [
        { id: 'marek', stance: 'champion', leftCompany: true, successorId: 'stefan' },
        { id: 'stefan' },
      ],
    });
    expect(championLeftWithoutSuccessor(succeeded)).toEqual([]);
  });

  it('open-decision-seat: a placeholder for a decision-making role', () => {
    const map = mapWith({
      stakeholders: [
        { id: 'cdo', name: 'Chief Digital Officer', roles: ['decision-maker'], placeholder: true },
        { id: 'lead', name: 'Data Platform Lead', roles: ['technical-evaluator'], placeholder: true },
        { id: 'cfo', roles: ['economic-buyer'] },
      ],
    });
    expect(openDecisionSeat(map)).toEqual([
      {
        id: 'open-decision-seat',
        severity: 'medium',
        message: 'We do not know who holds the Chief Digital Officer seat, a decision-maker.',
        stakeholderIds: ['cdo'],
      },
    ]);
    expect(openDecisionSeat(mapWith({ stakeholders: [{ id: 'cdo', roles: ['decision-maker'] }] }))).toEqual([]);
  });

  it('stale-contact: more than 90 days since a known last contact, counted from `now`', () => {
    const map = mapWith({
      stakeholders: [
        { id: 'ceo', name: 'Henrik', title: 'CEO', roles: ['decision-maker'], lastContact: daysAgo(120) },
        { id: 'clerk', name: 'Laura', lastContact: daysAgo(91), influence: 'low' },
        { id: 'recent', lastContact: daysAgo(90) },
        { id: 'never', lastContact: null },
        { id: 'gone', lastContact: daysAgo(400), leftCompany: true },
      ],
    });
    expect(staleContact(map, now).map((r) => [r.severity, r.stakeholderIds[0], r.message])).toEqual([
      ['medium', 'ceo', 'Nobody has been in touch with Henrik (CEO) for 120 days.'],
      ['low', 'clerk', 'Nobody has been in touch with Laura for 91 days.'],
    ]);
    // The same map, judged a month earlier, has nobody gone quiet.
    expect(staleContact(map, new Date(Date.parse(NOW) - 40 * 86_400_000))).toEqual([]);
  });
});

describe('risks', () => {
  const sampleNow = new Date('2026-11-22T09:00:00.000Z');
  const sample = createSampleAccountMap(sampleNow.toISOString());

  it('runs every rule and lists the most severe first', () => {
    const found = risks(sample, sampleNow);
    const rank = { high: 0, medium: 1, low: 2 };
    expect(found.map((r) => rank[r.severity])).toEqual([...found.map((r) => rank[r.severity])].sort());
    expect(new Set(found.map((r) => r.id))).toEqual(
      new Set([
        'decider-weak-relationship',
        'blocker-high-influence',
        'opponent-no-owner',
        'key-person-no-owner',
        'open-decision-seat',
        'single-threaded-department',
        'stale-contact',
        'others-no-owner',
      ]),
    );
    expect(RISK_RULES.length).toBe(11);
  });

  it('names the sample’s real problems: the blocker in Procurement and the open CDO seat', () => {
    const messages = risks(sample, sampleNow).map((r) => r.message);
    expect(messages).toContain('Zofia Wróbel (Head of Procurement) is a blocker with high influence.');
    expect(messages).toContain('We do not know who holds the Chief Digital Officer seat, a decision-maker.');
    expect(messages).toContain('In Procurement, Zofia Wróbel (Head of Procurement) is the only person we have a relationship with.');
    // Marek left, but his successor is on the map.
    expect(messages.some((m) => m.includes('Marek'))).toBe(false);
  });

  it('finds nothing on an empty map', () => {
    expect(risks(mapWith({}), now)).toEqual([]);
  });
});

describe('whiteSpace', () => {
  it('lists white space with a value first, and competitor-held departments with the competitor', () => {
    const map = mapWith({
      departments: [
        { id: 'a', name: 'Archive', coverage: 'white-space' },
        { id: 'it', name: 'IT', coverage: 'engaged' },
        { id: 'data', name: 'Data', parentId: 'it', coverage: 'white-space', potentialValue: ' €400k ARR ' },
        { id: 'rot', name: 'Rotterdam', coverage: 'competitor', competitor: 'Transvoy' },
      ],
      stakeholders: [
        { id: 'anna', departmentId: 'data', influence: 'medium' },
        { id: 'gone', departmentId: 'data', leftCompany: true },
        { id: 'joost', departmentId: 'rot' },
      ],
    });
    const found = whiteSpace(map);
    expect(found.whiteSpace.map((e) => [e.department.id, e.path, e.potentialValue, ids(e.people)])).toEqual([
      ['data', ['IT', 'Data'], '€400k ARR', ['anna']],
      ['a', ['Archive'], '', []],
    ]);
    expect(found.competitors.map((e) => [e.department.id, e.competitor, ids(e.people)])).toEqual([['rot', 'Transvoy', ['joost']]]);
  });

  it('is empty when every department is engaged or unknown', () => {
    const map = mapWith({ departments: [{ id: 'it', coverage: 'engaged' }, { id: 'x', coverage: 'unknown' }] });
    expect(whiteSpace(map)).toEqual({ whiteSpace: [], competitors: [] });
  });
});

describe('summary and helpers', () => {
  it('counts people by stance and decision-makers covered (owner plus a good or strong relationship)', () => {
    const map = mapWith({
      team,
      stakeholders: [
        { id: 'a', stance: 'champion', roles: ['decision-maker'], ownerId: 'tm_sam', relationship: 'strong' },
        { id: 'b', stance: 'blocker', roles: ['economic-buyer'], ownerId: 'tm_sam', relationship: 'weak' },
        { id: 'c', stance: 'champion', roles: ['decision-maker'], relationship: 'good' },
        { id: 'seat', roles: ['decision-maker'], placeholder: true },
        { id: 'gone', stance: 'champion', leftCompany: true },
      ],
    });
    const counts = summary(map);
    expect(counts.stakeholders).toBe(3);
    expect(counts.byStance).toEqual({ champion: 2, supporter: 0, neutral: 0, skeptic: 0, blocker: 1, unknown: 0 });
    expect(counts.deciders).toEqual({ total: 4, covered: 1 });
    expect([counts.openSeats, counts.leftCompany]).toEqual([1, 1]);
  });

  it('daysSince counts calendar days and refuses what is not a date', () => {
    expect(daysSince(daysAgo(3), now)).toBe(3);
    expect(daysSince('soon', now)).toBeNull();
    expect(daysSince(null, now)).toBeNull();
  });

  it('connectionsOf reads the links around one person', () => {
    const map = mapWith({
      stakeholders: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }, { id: 'c', name: 'C' }],
      links: [
        { id: 'l1', kind: 'reports-to', sourceId: 'a', targetId: 'b' },
        { id: 'l2', kind: 'influences', sourceId: 'c', targetId: 'a', label: 'budget' },
        { id: 'l3', kind: 'conflict', sourceId: 'b', targetId: 'a' },
      ],
    });
    const links = connectionsOf(map, 'a');
    expect(ids(links.reportsTo)).toEqual(['b']);
    expect(links.influencedBy.map((l) => [l.stakeholder.id, l.label])).toEqual([['c', 'budget']]);
    expect(ids(links.conflicts)).toEqual(['b']);
    expect(links.influences).toEqual([]);
  });
});

describe('othersWithoutOwner', () => {
  it('gathers everyone without an owner that no other rule names, in one item', async () => {
    const { othersWithoutOwner } = await import('../../../src/domain/insights');
    const map = mapWith({
      team,
      stakeholders: [
        { id: 'owned', ownerId: 'tm_sam' },
        { id: 'dm', roles: ['decision-maker'] },
        { id: 'ana', name: 'Ana' },
        { id: 'bo', name: 'Bo' },
        { id: 'gone', leftCompany: true },
      ],
    });
    const [risk, ...rest] = othersWithoutOwner(map);
    expect(rest).toEqual([]);
    expect(risk.stakeholderIds.sort()).toEqual(['ana', 'bo']);
    expect(risk.message).toBe('Nobody on our team owns 2 more people: Ana and Bo.');
    const covered = mapWith({ team, stakeholders: [{ id: 'owned', ownerId: 'tm_sam' }] });
    expect(othersWithoutOwner(covered)).toEqual([]);
  });
});
