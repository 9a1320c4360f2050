// The sentences Powermap builds from the map for screen readers and announcements, and the texts
// of the keyboard link picker, in one place so that a translation replaces one file. Plain
// functions of the records: no React, no store.
import { formatList, t, tWords } from '../i18n';
import type { AccountMap, Department, Link, LinkKind, Stakeholder } from './types';
import { changedIds } from './table-changes';

/** A stakeholder's or department's name, or '' when it is gone. */
export const nameOf = (map: AccountMap, id: string) => map.stakeholders[id]?.name ?? map.departments[id]?.name ?? '';

/**
 * What a screen reader says about a card after its name: "Finance Director, champion,
 * decision-maker, economic buyer". The name itself is the card's accessible name.
 */
export function stakeholderSummary(person: Stakeholder): string {
  // tWords: said for every card of a map, thousands of times on a large one (fixed words, formatted once).
  const parts = [person.title, tWords(`a11y.stance.${person.stance}`), ...person.roles.map((role) => tWords(`a11y.role.${role}`))];
  if (person.placeholder) parts.push(tWords('a11y.placeholderSeat'));
  if (person.leftCompany) parts.push(tWords('a11y.leftCompany'));
  return parts.filter(Boolean).join(tWords('a11y.separator'));
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
  const managers = (relations.managers.get(id) ?? []).map((managerId) => nameOf(map, managerId)).filter(Boolean);
  const links = relations.linkCount.get(id) ?? 0;
  return managers.length
    ? tWords('a11y.reportsToAndLinks', { managers: formatList(managers) }, { count: links })
    : tWords('a11y.links', {}, { count: links });
}

/** "white space, 4 people": a department's coverage and how many people sit in it, read after its name. */
export function departmentSummary(department: Department, people: number): string {
  return department.coverage === 'competitor' && department.competitor
    ? tWords('a11y.departmentHeldBy', { competitor: department.competitor }, { count: people })
    : tWords('a11y.department', { coverage: tWords(`a11y.coverage.${department.coverage}`) }, { count: people });
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
  // As templates (tWords): every line on the canvas is named this way, and formatting each name
  // through the message formatter was a third of a 100-person map's first render.
  return tWords(`a11y.linkSentence.${kind}`, { source, target });
}

/**
 * "Link: reports-to, since 2024. Anna Kuznetsova reports to Stavros Papadopoulos": a link's
 * accessible name (the kind and label first, as the lines' names have always started).
 */
export function linkDescription(map: AccountMap, link: Link): string {
  const sentence = linkSentence(link.kind, nameOf(map, link.sourceId), nameOf(map, link.targetId));
  const kind = tWords(`a11y.linkKind.${link.kind}`);
  return link.label ? tWords('a11y.linkNameLabelled', { kind, label: link.label, sentence }) : tWords('a11y.linkName', { kind, sentence });
}

/**
 * Names read out one by one up to this many; past it the first of them and how many more. A
 * 20,000-row import put every name and every link into words for one announcement (0.7 s).
 */
const NAMED_AT_MOST = 5;
/** The first NAMED_AT_MOST of `total` things, in words (`say` gives the i-th), and how many more there are. */
function someOf(total: number, say: (i: number) => string, join: (words: string[]) => string): string {
  const words = Array.from({ length: Math.min(total, NAMED_AT_MOST) }, (_, i) => say(i));
  // Cut short, the names are a plain list: the sentence's own "and" comes before the count.
  return total <= NAMED_AT_MOST ? join(words) : t('a11y.announce.more', { names: words.join(', '), count: total - NAMED_AT_MOST });
}

/** The live region's words for what an edit added or removed: `say` gives the i-th of `total` names or sentences. */
export const announce = {
  added: (total: number, say: (i: number) => string) => t('a11y.announce.added', { names: someOf(total, say, formatList) }),
  deleted: (total: number, say: (i: number) => string) => t('a11y.announce.deleted', { names: someOf(total, say, formatList) }),
  linked: (total: number, say: (i: number) => string) => t('a11y.announce.linked', { sentences: someOf(total, say, (words) => words.join('; ')) }),
  unlinked: (n: number) => t('a11y.announce.unlinked', { count: n }),
};

/** The keyboard link picker (K) and the link line of quick entry. */
export const linkWords = {
  title: (from: string) => t('a11y.linkPicker.title', { from }),
  get search() { return t('a11y.linkPicker.search'); },
  get kind() { return t('a11y.linkPicker.kind'); },
  get results() { return t('a11y.linkPicker.results'); },
  get create() { return t('a11y.linkPicker.create'); },
  get cancel() { return t('common.cancel'); },
  option: (sentence: string) => t('a11y.linkPicker.option', { sentence }),
  done: (sentence: string) => t('a11y.linkPicker.done', { sentence }),
  unknownKind: (tag: string) => t('a11y.linkPicker.unknownKind', { tag }),
  get nothingFound() { return t('a11y.linkPicker.nothingFound'); },
  noTarget: (typed: string) => t('a11y.linkPicker.noTarget', { typed }),
  ambiguous: (typed: string) => t('a11y.linkPicker.ambiguous', { typed }),
  get sameEnds() { return t('a11y.linkPicker.sameEnds'); },
  get hint() { return t('a11y.linkPicker.hint'); },
  get selectFirst() { return t('a11y.linkPicker.selectFirst'); },
};

/** The skip link at the top of the map view, and the description every card carries. */
export const mapWords = {
  get skipToMap() { return t('a11y.skipToMap'); },
  get cardKeys() { return t('a11y.cardKeys'); },
};

/**
 * The ids `after` holds and `before` does not (two versions of one record table). Found from the
 * tables' record of what each edit set when it is known either way (an edit, or its undo), so an
 * edit of a 5,000-person map looks at its own records; otherwise by comparing every id.
 */
function added<T>(before: Record<string, T>, after: Record<string, T>): string[] {
  if (before === after) return [];
  const isNew = (id: string) => Object.hasOwn(after, id) && !Object.hasOwn(before, id);
  const ids = changedIds(before, after) ?? changedIds(after, before);
  const found = ids ? [...ids].filter(isNew) : null;
  // Several are named in the table's order, which only the whole table knows.
  return found && found.length < 2 ? found : Object.keys(after).filter(isNew);
}

/**
 * What an edit added or removed, in words for the live region ("Added Anna Berg"), or null when
 * it only changed records (a move, a rename): those are not announced.
 */
export function describeChange(before: AccountMap, after: AccountMap): string | null {
  const newCards = [...added(before.departments, after.departments), ...added(before.stakeholders, after.stakeholders)];
  const goneCards = [...added(after.departments, before.departments), ...added(after.stakeholders, before.stakeholders)];
  const parts: string[] = [];
  if (newCards.length) parts.push(announce.added(newCards.length, (i) => nameOf(after, newCards[i])));
  if (goneCards.length) parts.push(announce.deleted(goneCards.length, (i) => nameOf(before, goneCards[i])));
  // Links made with new cards or gone with deleted ones go without saying.
  const newLinks = newCards.length ? [] : added(before.links, after.links);
  const goneLinks = goneCards.length ? 0 : added(after.links, before.links).length;
  const sentence = (i: number) => { const link = after.links[newLinks[i]]; return linkSentence(link.kind, nameOf(after, link.sourceId), nameOf(after, link.targetId)); };
  if (newLinks.length) parts.push(announce.linked(newLinks.length, sentence));
  if (goneLinks) parts.push(announce.unlinked(goneLinks));
  return parts.length ? parts.join(t('a11y.announce.separator')) : null;
}
