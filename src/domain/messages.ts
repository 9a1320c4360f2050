// The sentences Powermap builds from the map for screen readers and announcements, and the texts
// of the keyboard link picker, in one place so that a translation replaces one file. Plain
// functions of the records: no React, no store.
import type { AccountMap, Department, Link, LinkKind, Stakeholder } from './types';

const STANCE_WORDS: Record<Stakeholder['stance'], string> = {
  champion: 'champion',
  supporter: 'supporter',
  neutral: 'neutral',
  skeptic: 'skeptic',
  blocker: 'blocker',
  unknown: 'stance unknown',
};

const ROLE_WORDS: Record<Stakeholder['roles'][number], string> = {
  'decision-maker': 'decision-maker',
  'economic-buyer': 'economic buyer',
  'technical-evaluator': 'technical evaluator',
  user: 'user',
  influencer: 'influencer',
  gatekeeper: 'gatekeeper',
};


const COVERAGE_WORDS: Record<Department['coverage'], string> = {
  engaged: 'engaged',
  'white-space': 'white space',
  competitor: 'held by a competitor',
  unknown: 'coverage unknown',
};

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const nameOf = (map: AccountMap, id: string) => map.stakeholders[id]?.name ?? map.departments[id]?.name ?? '';

/**
 * What a screen reader says about a card after its name: "Finance Director, champion,
 * decision-maker, economic buyer". The name itself is the card's accessible name.
 */
export function stakeholderSummary(person: Stakeholder): string {
  const parts = [person.title, STANCE_WORDS[person.stance], ...person.roles.map((role) => ROLE_WORDS[role])];
  if (person.placeholder) parts.push('placeholder seat');
  if (person.leftCompany) parts.push('left the company');
  return parts.filter(Boolean).join(', ');
}

/** How many links each record has, and whom each stakeholder reports to: one pass over the links. */
export interface Relations {
  linkCount: Map<string, number>;
  managers: Map<string, string[]>;
}

export function relationsOf(map: AccountMap): Relations {
  const linkCount = new Map<string, number>();
  const managers = new Map<string, string[]>();
  for (const link of Object.values(map.links)) {
    linkCount.set(link.sourceId, (linkCount.get(link.sourceId) ?? 0) + 1);
    linkCount.set(link.targetId, (linkCount.get(link.targetId) ?? 0) + 1);
    if (link.kind === 'reports-to') managers.set(link.sourceId, [...(managers.get(link.sourceId) ?? []), link.targetId]);
  }
  return { linkCount, managers };
}

/** "reports to Henrik Larsen, 3 links": a card's relationships, read after its summary. */
export function relationsSentence(map: AccountMap, relations: Relations, id: string): string {
  const parts: string[] = [];
  const managers = (relations.managers.get(id) ?? []).map((managerId) => nameOf(map, managerId)).filter(Boolean);
  if (managers.length) parts.push(`reports to ${managers.join(' and ')}`);
  parts.push(count(relations.linkCount.get(id) ?? 0, 'link', 'links'));
  return parts.join(', ');
}

/** "white space, 4 people": a department's coverage and how many people sit in it, read after its name. */
export function departmentSummary(department: Department, people: number): string {
  const coverage = department.coverage === 'competitor' && department.competitor ? `held by ${department.competitor}` : COVERAGE_WORDS[department.coverage];
  return `${coverage}, ${count(people, 'person', 'people')}`;
}

/** How many people sit directly in each department. */
export function departmentHeadcounts(map: AccountMap): Map<string, number> {
  const counts = new Map<string, number>();
  for (const person of Object.values(map.stakeholders)) {
    if (person.departmentId) counts.set(person.departmentId, (counts.get(person.departmentId) ?? 0) + 1);
  }
  return counts;
}

/** How a link reads as a sentence, so its direction is never in doubt. */
export function linkSentence(kind: LinkKind, source: string, target: string): string {
  switch (kind) {
    case 'reports-to':
      return `${source} reports to ${target}`;
    case 'dotted-line':
      return `${source} reports to ${target} (dotted line)`;
    case 'influences':
      return `${source} influences ${target}`;
    case 'ally':
      return `${source} and ${target} are allies`;
    case 'conflict':
      return `${source} and ${target} are in conflict`;
  }
}

/**
 * "Link: reports-to, since 2024. Anna Kuznetsova reports to Stavros Papadopoulos": a link's
 * accessible name (the kind and label first, as the lines' names have always started).
 */
export function linkDescription(map: AccountMap, link: Link): string {
  const head = link.label ? `Link: ${link.kind}, ${link.label}` : `Link: ${link.kind}`;
  return `${head}. ${linkSentence(link.kind, nameOf(map, link.sourceId), nameOf(map, link.targetId))}`;
}

/** The live region's words for what an edit added or removed. */
export const announce = {
  added: (names: string[]) => `Added ${names.join(', ')}`,
  deleted: (names: string[]) => `Deleted ${names.join(', ')}`,
  linked: (sentences: string[]) => `Linked: ${sentences.join('; ')}`,
  unlinked: (n: number) => `Removed ${count(n, 'link', 'links')}`,
};

/** The keyboard link picker (K) and the link line of quick entry. */
export const linkWords = {
  title: (from: string) => `Link ${from} to…`,
  search: 'Type a name, or choose with the arrow keys',
  kind: 'Kind of link',
  results: 'People and departments',
  create: 'Link',
  cancel: 'Cancel',
  option: (sentence: string) => `Link: ${sentence}`,
  done: (sentence: string) => `Linked: ${sentence}.`,
  unknownKind: (tag: string) => `${tag} is not a kind of link (reports-to, dotted-line, influences, ally, conflict).`,
  nothingFound: 'No one by that name on this map.',
  noTarget: (typed: string) => `No one called “${typed}” on this map.`,
  ambiguous: (typed: string) => `More than one person matches “${typed}”: type more of the name.`,
  sameEnds: 'A link needs two different people.',
  hint: 'Enter links, Escape cancels.',
  selectFirst: 'Select one card first, then press K to link it.',
};

/** The skip link at the top of the map view, and the description every card carries. */
export const mapWords = {
  skipToMap: 'Skip to map',
  cardKeys: 'Arrow keys move between cards. Press 1 to 5 or C, B, 0 for a stance, K to link, F2 to rename, Delete to delete, Escape to go back.',
};

const added = <T>(before: Record<string, T>, after: Record<string, T>) => Object.keys(after).filter((id) => !Object.hasOwn(before, id));

/**
 * What an edit added or removed, in words for the live region ("Added Anna Berg"), or null when
 * it only changed records (a move, a rename): those are not announced.
 */
export function describeChange(before: AccountMap, after: AccountMap): string | null {
  const sizes = (map: AccountMap) => [Object.keys(map.stakeholders).length, Object.keys(map.departments).length, Object.keys(map.links).length];
  const [a, b] = [sizes(before), sizes(after)];
  if (a.every((n, i) => n === b[i]) && before.stakeholders === after.stakeholders && before.departments === after.departments) return null;
  const cards = (map: AccountMap) => ({ ...map.departments, ...map.stakeholders });
  const newCards = added(cards(before), cards(after)).map((id) => nameOf(after, id));
  const goneCards = added(cards(after), cards(before)).map((id) => nameOf(before, id));
  const newLinks = added(before.links, after.links).map((id) => { const link = after.links[id]; return linkSentence(link.kind, nameOf(after, link.sourceId), nameOf(after, link.targetId)); });
  const goneLinks = added(after.links, before.links).length;
  const parts: string[] = [];
  if (newCards.length) parts.push(announce.added(newCards));
  if (goneCards.length) parts.push(announce.deleted(goneCards));
  if (newLinks.length && !newCards.length) parts.push(announce.linked(newLinks));
  if (goneLinks && !goneCards.length) parts.push(announce.unlinked(goneLinks));
  return parts.length ? parts.join('. ') : null;
}
