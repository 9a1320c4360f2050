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
//   (#champion, #blocker, ...), influence (#high, #medium, #low) and #placeholder.
// Unknown tags are reported, never guessed.
import { BUYING_ROLES, STANCES, type AccountMap, type BuyingRole, type Influence, type Stance } from './types';

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
    unknownTags: [],
  };
  const firstMark = line.search(/[@#]/);
  const text = firstMark === -1 ? line : line.slice(0, firstMark);
  const marks = firstMark === -1 ? '' : line.slice(firstMark);
  const comma = text.indexOf(',');
  entry.name = (comma === -1 ? text : text.slice(0, comma)).replace(/\s+/g, ' ').trim();
  entry.title = comma === -1 ? '' : text.slice(comma + 1).replace(/\s+/g, ' ').trim();

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
    const role = (BUYING_ROLES as readonly string[]).includes(tag) ? (tag as BuyingRole) : ROLE_ALIASES[tag];
    const stance = (STANCES as readonly string[]).includes(tag) ? (tag as Stance) : STANCE_ALIASES[tag];
    if (role) {
      if (!entry.roles.includes(role)) entry.roles.push(role);
    } else if (stance) entry.stance = stance;
    else if (INFLUENCE_TAGS[tag]) entry.influence = INFLUENCE_TAGS[tag];
    else if (tag === 'placeholder' || tag === 'seat') entry.placeholder = true;
    else entry.unknownTags.push(`#${tag}`);
  }
  return entry;
}
