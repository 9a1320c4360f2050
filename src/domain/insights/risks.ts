// What is at risk on a map. Each risk rule is one small named function with a stable id, so a
// panel can key, filter or explain a rule by its id.
import { formatList, t } from '../../i18n';
import type { AccountMap, Department, Stakeholder } from '../types';
import {
  byInfluenceThenName,
  current,
  currentPeople,
  daysSince,
  deciderPhrase,
  departmentAndDescendants,
  departmentPath,
  isDecider,
  nameWithTitle,
  ownerOf,
  peopleIn,
} from './helpers';
import { keyPeople } from './people';

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
          ? t('insights.risk.deciderNoRelationship', { name: nameWithTitle(s), role: deciderPhrase(s) })
          : t('insights.risk.deciderWeak', { name: nameWithTitle(s), role: deciderPhrase(s) }),
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
      message: t('insights.risk.blockerHighInfluence', { name: nameWithTitle(s) }),
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
      message: t('insights.risk.noOwner', { name: nameWithTitle(s), role: t(s.stance === 'blocker' ? 'insights.role.blocker' : 'insights.role.skeptic') }),
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
      message: t('insights.risk.noOwner', { name: nameWithTitle(s), role: isDecider(s) ? deciderPhrase(s) : t('insights.role.champion') }),
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
      message: t('insights.risk.singleThreadedAccount', { name: nameWithTitle(known[0]) }),
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
      message: t('insights.risk.singleThreadedDepartment', { department: department.name, name: nameWithTitle(map.stakeholders[onlyId]) }),
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
      message: t('insights.risk.engagedNoRelationship', { department: department.name }),
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
      message: leftTo
        ? t('insights.risk.championLeftFor', { name: nameWithTitle(stakeholder), company: leftTo })
        : t('insights.risk.championLeft', { name: nameWithTitle(stakeholder) }),
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
      message: s.name.trim()
        ? t('insights.risk.openSeat', { seat: s.name.trim(), role: deciderPhrase(s) })
        : t('insights.risk.openUnnamedSeat', { role: deciderPhrase(s) }),
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
      message: t('insights.risk.staleContact', { name: nameWithTitle(s), count: days }),
      stakeholderIds: [s.id],
    }));
}

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
      message:
        others.length === 1
          ? t('insights.risk.otherNoOwner', { name: nameWithTitle(others[0]) })
          : others.length <= 3
            ? t('insights.risk.othersNoOwner', { count: others.length, names: formatList(others.map((s) => s.name)) })
            : t('insights.risk.manyOthersNoOwner', { count: others.length, names: others.slice(0, 3).map((s) => s.name).join(t('a11y.separator')) }),
      stakeholderIds: others.map((s) => s.id),
    },
  ];
}

/** Every rule, in the order their findings are listed within one severity. */
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
