// Quick entry: one typed line becomes a stakeholder, so the person typing in a workshop keeps up
// with the room. The syntax (also shown in the help overlay):
//
//   Maria Nowak, CFO @Finance #decision-maker #champion
//
// - the name comes first, up to a comma or the first @ or #;
// - after a comma, the title (up to the first @ or #);
// - @Department puts them in that department (matched by name, ignoring case and accents; a
//   department that does not exist yet is created);
// - #tags set buying roles (#decision-maker or #dm, #economic-buyer or #eb, ...), the stance
//   (#champion, #blocker, ...), influence (#high, #medium, #low) and #placeholder;
// - #white-space, #engaged or #competitor set the coverage of the @department.
// Unknown tags are reported, never guessed. Tags may be written in any language Powermap speaks
// (#чемпион, #orędownik, #υπέρμαχος, #campion are #champion), ignoring case and accents; the
// words are each language's `quickEntryTags` catalogue, all loaded here because a Polish user may
// paste a line a Russian colleague wrote.
//
// A line with `>` (or `->`) links two people already on the map instead: `Anna > Boris`, or
// `Anna > Boris #reports-to` for the kind (see parseLinkEntry).
import { BUYING_ROLES, LINK_KINDS, STANCES, type AccountMap, type BuyingRole, type Coverage, type Influence, type LinkKind, type Stance } from './types';

export interface QuickEntry {
  name: string;
  title: string;
  /** The department as typed after @ (empty when none). */
  departmentName: string;
  /** The existing department it matched, or null (a new one is to be made if departmentName is set). */
  departmentId: string | null;
  roles: BuyingRole[];
  stance: Stance | null;
  influence: Influence | null;
  placeholder: boolean;
  /** The coverage to give the @department (#white-space, #engaged, #competitor), or null. */
  coverage: Coverage | null;
  /** Tags that mean nothing here, as typed. */
  unknownTags: string[];
}

/** Short forms people type; the full words (decision-maker, champion, ...) work too. */
const ROLE_ALIASES: Record<string, BuyingRole> = {
  dm: 'decision-maker',
  decider: 'decision-maker',
  eb: 'economic-buyer',
  buyer: 'economic-buyer',
  te: 'technical-evaluator',
  evaluator: 'technical-evaluator',
  user: 'user',
  influencer: 'influencer',
  gk: 'gatekeeper',
  gatekeeper: 'gatekeeper',
  coach: 'influencer',
};
const STANCE_ALIASES: Record<string, Stance> = { fan: 'champion', sponsor: 'champion', enemy: 'blocker', critic: 'skeptic', sceptic: 'skeptic' };
const INFLUENCE_TAGS: Record<string, Influence> = { high: 'high', medium: 'medium', low: 'low' };

type TagMeaning = BuyingRole | Stance | Influence | LinkKind | Coverage | 'placeholder';

/** Every language's tag words ("распорядитель-бюджета dm …" per meaning), read once at start. */
const TAG_WORDS = import.meta.glob<Record<string, string>>('../i18n/locales/*/quickEntryTags.json', { eager: true, import: 'default' });

/** A tag folded for comparison: no case, accents or hyphens; Greek final ς and Polish ł read as σ and l. */
const tagKey = (tag: string) => foldName(tag).replace(/ς/g, 'σ').replace(/ł/g, 'l');

let tagMeanings: Map<string, TagMeaning> | null = null;

/** What a typed tag means in any language, or undefined. */
export function tagMeaning(tag: string): TagMeaning | undefined {
  if (!tagMeanings) {
    tagMeanings = new Map();
    for (const words of Object.values(TAG_WORDS)) {
      for (const [meaning, list] of Object.entries(words)) for (const word of list.split(/\s+/)) if (word) tagMeanings.set(tagKey(word), meaning as TagMeaning);
    }
  }
  return tagMeanings.get(tagKey(tag));
}

const isRole = (meaning: TagMeaning | undefined): meaning is BuyingRole => (BUYING_ROLES as readonly string[]).includes(meaning ?? '');
const isStance = (meaning: TagMeaning | undefined): meaning is Stance => (STANCES as readonly string[]).includes(meaning ?? '') && meaning !== 'unknown';
const isLinkKind = (meaning: TagMeaning | undefined): meaning is LinkKind => (LINK_KINDS as readonly string[]).includes(meaning ?? '');

/** Lower case, no accents, no spaces or punctuation: "Data & Analytics" and "data-analytics" meet. */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function findDepartment(map: AccountMap, typed: string): string | null {
  const wanted = foldName(typed);
  if (!wanted) return null;
  const departments = Object.values(map.departments);
  const exact = departments.find((d) => foldName(d.name) === wanted);
  if (exact) return exact.id;
  // A unique prefix is enough ("@fin" for Finance) but never a guess between two.
  const starts = departments.filter((d) => foldName(d.name).startsWith(wanted));
  return starts.length === 1 ? starts[0].id : null;
}

/** Reads one line. Never throws; a line with no name gives an empty `name` (the caller refuses it). */
export function parseQuickEntry(line: string, map: AccountMap): QuickEntry {
  const entry: QuickEntry = {
    name: '',
    title: '',
    departmentName: '',
    departmentId: null,
    roles: [],
    stance: null,
    influence: null,
    placeholder: false,
    coverage: null,
    unknownTags: [],
  };
  const firstMark = line.search(/[@#]/);
  const text = firstMark === -1 ? line : line.slice(0, firstMark);
  const marks = firstMark === -1 ? '' : line.slice(firstMark);
  const comma = text.indexOf(',');
  entry.name = (comma === -1 ? text : text.slice(0, comma)).replace(/\s+/g, ' ').trim();
  entry.title = comma === -1 ? '' : text.slice(comma + 1).replace(/\s+/g, ' ').trim();

  let coverageTag = '';
  // @Department runs to the next mark, so department names may hold spaces ("@Hub Network").
  for (const [, kind, value] of marks.matchAll(/([@#])([^@#]*)/g)) {
    const word = value.trim();
    if (!word) continue;
    if (kind === '@') {
      entry.departmentName = word;
      entry.departmentId = findDepartment(map, word);
      continue;
    }
    // A #tag is one word; anything typed after it (before the next mark) is ignored as noise.
    const tag = word.split(/\s+/)[0].toLowerCase();
    // English first, exactly as typed; then the words of every language.
    const meaning = tagMeaning(tag);
    const role = (BUYING_ROLES as readonly string[]).includes(tag) ? (tag as BuyingRole) : ROLE_ALIASES[tag] ?? (isRole(meaning) ? meaning : undefined);
    const stance = (STANCES as readonly string[]).includes(tag) ? (tag as Stance) : STANCE_ALIASES[tag] ?? (isStance(meaning) ? meaning : undefined);
    const influence = INFLUENCE_TAGS[tag] ?? (meaning === 'high' || meaning === 'medium' || meaning === 'low' ? meaning : undefined);
    if (role) {
      if (!entry.roles.includes(role)) entry.roles.push(role);
    } else if (stance) entry.stance = stance;
    else if (influence) entry.influence = influence;
    else if (tag === 'placeholder' || tag === 'seat' || meaning === 'placeholder') entry.placeholder = true;
    else if (meaning === 'white-space' || meaning === 'engaged' || meaning === 'competitor') {
      entry.coverage = meaning;
      coverageTag = `#${tag}`;
    }
    else entry.unknownTags.push(`#${tag}`);
  }
  // Coverage belongs to a department: without one it is reported, not silently dropped.
  if (coverageTag && !entry.departmentName) {
    entry.unknownTags.push(coverageTag);
    entry.coverage = null;
  }
  return entry;
}

/**
 * A link typed as one line: `Anna > Boris` or `Anna -> Boris`, optionally with the kind as a tag
 * (`Anna > Boris #reports-to`: Anna reports to Boris). Both ends are people or departments on the
 * map, found by name as departments are (ignoring case and accents; a unique start of the name
 * is enough).
 */
export interface LinkEntry {
  sourceName: string;
  targetName: string;
  sourceId: string | null;
  targetId: string | null;
  /** The kind from a #tag, or null to use the kind drawn last. */
  kind: LinkKind | null;
  /** A #tag that names no kind of link, as typed. */
  unknownTag: string | null;
  /** Which end could not be told apart from another ("ambiguous") or found ("missing"). */
  problem: { end: 'source' | 'target'; kind: 'missing' | 'ambiguous' } | null;
}

const LINK_KIND_ALIASES: Record<string, LinkKind> = {
  reports: 'reports-to',
  reportsto: 'reports-to',
  manager: 'reports-to',
  dotted: 'dotted-line',
  dottedline: 'dotted-line',
  influence: 'influences',
  influences: 'influences',
  ally: 'ally',
  allies: 'ally',
  conflict: 'conflict',
};

/** A person or department by name: exact first, then the only one whose name starts so. */
export function findByName(map: AccountMap, typed: string, except?: string | null): { id: string | null; ambiguous: boolean } {
  const wanted = foldName(typed);
  if (!wanted) return { id: null, ambiguous: false };
  const records = [...Object.values(map.stakeholders), ...Object.values(map.departments)].filter((record) => record.id !== except);
  const exact = records.filter((record) => foldName(record.name) === wanted);
  if (exact.length === 1) return { id: exact[0].id, ambiguous: false };
  if (exact.length > 1) return { id: null, ambiguous: true };
  const starts = records.filter((record) => foldName(record.name).startsWith(wanted));
  return starts.length === 1 ? { id: starts[0].id, ambiguous: false } : { id: null, ambiguous: starts.length > 1 };
}

/** Reads a link line, or returns null when the line is not one (no `>` in it). Never throws. */
export function parseLinkEntry(line: string, map: AccountMap): LinkEntry | null {
  const arrow = line.match(/-*>/);
  if (!arrow || arrow.index === undefined) return null;
  const sourceName = line.slice(0, arrow.index).replace(/\s+/g, ' ').trim();
  const rest = line.slice(arrow.index + arrow[0].length);
  const hash = rest.indexOf('#');
  const targetName = (hash === -1 ? rest : rest.slice(0, hash)).replace(/\s+/g, ' ').trim();
  const typedTag = hash === -1 ? '' : (rest.slice(hash + 1).trim().split(/\s+/)[0] ?? '');
  const meaning = typedTag ? tagMeaning(typedTag) : undefined;
  const kind = typedTag ? (LINK_KIND_ALIASES[foldName(typedTag)] ?? (isLinkKind(meaning) ? meaning : null)) : null;
  const source = findByName(map, sourceName);
  const target = findByName(map, targetName, source.id);
  let problem: LinkEntry['problem'] = null;
  if (!source.id) problem = { end: 'source', kind: source.ambiguous ? 'ambiguous' : 'missing' };
  else if (!target.id) problem = { end: 'target', kind: target.ambiguous ? 'ambiguous' : 'missing' };
  return { sourceName, targetName, sourceId: source.id, targetId: target.id, kind, unknownTag: typedTag && !kind ? `#${typedTag}` : null, problem };
}
