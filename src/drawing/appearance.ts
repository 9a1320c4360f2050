// How each value of the vocabulary looks: colour plus a second carrier (icon, letter, pattern,
// line style), because the map must survive a projector, a greyscale print and colour blindness.
// The canvas, the legend and the exports all read from here, so they cannot drift apart.
import { i18n, t } from '../i18n';
import { LINK_STROKE, type LineStroke } from './line-strokes';
import { TEAM_ROLES, type BuyingRole, type Coverage, type Influence, type LinkKind, type RelationshipStrength, type Stance, type TeamRole } from '../domain/types';

/**
 * The looks of one vocabulary, each with its words read in the current language whenever they
 * are used (`label`, and a link's `description`): the tables stay constants, the words follow a
 * change of language without a reload.
 */
function worded<K extends string, V extends object, W extends string>(looks: Record<K, V>, words: Record<W, (key: K) => string>): Record<K, V & Readonly<Record<W, string>>> {
  for (const key of Object.keys(looks) as K[]) {
    for (const [word, text] of Object.entries(words) as [W, (key: K) => string][]) {
      let read: { generation: number; text: string } | null = null;
      const get = () => {
        if (read?.generation !== wordsGeneration) read = { generation: wordsGeneration, text: text(key) };
        return read.text;
      };
      Object.defineProperty(looks[key], word, { get, enumerable: true });
    }
  }
  return looks as Record<K, V & Readonly<Record<W, string>>>;
}

// Each word is read once per language. Every card that mounts names its stance, roles and influence
// (its title, badges and label): through i18next each read was a lookup and a format, about 45 ms of
// script over six 60-step pans at 500 people (a CPU profile of the bench's pan), all of it in the
// steps that mount cards. A change of language, or a catalogue added, reads them again.
let wordsGeneration = 0;
const readWordsAgain = () => {
  wordsGeneration++;
};
i18n.on('languageChanged', readWordsAgain);
i18n.store.on('added', readWordsAgain);

export interface StanceLook {
  label: string;
  /** A glyph that carries the stance without colour. */
  icon: string;
  color: string;
  /** Text colour on `color`. */
  ink: string;
  /** What other methodologies call it (tooltips, docs). */
  alsoKnownAs: string;
}

/**
 * A palette that survives colour blindness, greyscale and a washed-out projector: besides the
 * icon, stances differ in lightness as well as hue. The champion is the darkest mark on the map
 * and the blocker a light, hot vermilion, so the two stay apart without any hue at all; hues run
 * along the blue-yellow axis that red-green colour blindness keeps. tests/unit/drawing/palette.test.ts
 * checks it under simulated protanopia, deuteranopia and tritanopia.
 */
export const STANCE_LOOK: Record<Stance, StanceLook> = worded({
  champion: { icon: '★', color: '#00513d', ink: '#ffffff', alsoKnownAs: 'Coach (Miller Heiman), Mentor (Altify), Champion (MEDDPICC)' },
  supporter: { icon: '+', color: '#56b4e9', ink: '#0f172a', alsoKnownAs: 'Supporter (Altify)' },
  neutral: { icon: '=', color: '#8a94a6', ink: '#0f172a', alsoKnownAs: 'Neutral (Altify)' },
  skeptic: { icon: '?', color: '#f5cd3a', ink: '#0f172a', alsoKnownAs: 'Non-supporter (Altify)' },
  blocker: { icon: '✕', color: '#f26b1d', ink: '#0f172a', alsoKnownAs: 'Enemy (Altify), anti-sponsor' },
  unknown: { icon: '·', color: '#e5e7eb', ink: '#0f172a', alsoKnownAs: 'not yet assessed' },
}, { label: (stance) => t(`legend.stance.${stance}`) });
// The one alias that describes rather than names a methodology's word: said in the current language.
Object.defineProperty(STANCE_LOOK.unknown, 'alsoKnownAs', { get: () => t('legend.notAssessed'), enumerable: true });

export interface RoleLook {
  label: string;
  /** Two-letter badge on the card. */
  badge: string;
  alsoKnownAs: string;
}

export const ROLE_LOOK: Record<BuyingRole, RoleLook> = worded({
  'decision-maker': { badge: 'DM', alsoKnownAs: 'Decision Maker (Altify, Sales Navigator)' },
  'economic-buyer': { badge: 'EB', alsoKnownAs: 'Economic Buyer (Miller Heiman, MEDDPICC), Approver (Altify)' },
  'technical-evaluator': { badge: 'TE', alsoKnownAs: 'Technical Buyer (Miller Heiman), Evaluator (Altify, Sales Navigator)' },
  user: { badge: 'U', alsoKnownAs: 'User Buyer (Miller Heiman), User (Altify)' },
  influencer: { badge: 'IN', alsoKnownAs: 'Influencer (Sales Navigator)' },
  gatekeeper: { badge: 'GK', alsoKnownAs: 'Procurement (Sales Navigator)' },
}, { label: (role) => t(`legend.role.${role}`) });

export const INFLUENCE_LOOK: Record<Influence, { label: string; bars: number }> = worded({
  high: { bars: 3 },
  medium: { bars: 2 },
  low: { bars: 1 },
}, { label: (level) => t(`legend.influence.${level}`) });
/** A person nobody has rated yet: no bar lit, and said so. */
export const influenceLook = (influence: Influence | null) =>
  influence ? INFLUENCE_LOOK[influence] : { label: t('common.influence.notRatedLong'), bars: 0 };

export const RELATIONSHIP_LOOK: Record<RelationshipStrength, { label: string }> = worded({
  strong: {},
  good: {},
  weak: {},
  none: {},
}, { label: (strength) => t(`legend.relationship.${strength}`) });

export interface CoverageLook {
  label: string;
  /** Department background: white space is hatched, competitor is cross-hatched, so print shows it too. */
  background: string;
  border: string;
  borderStyle: 'solid' | 'dashed' | 'dotted';
  badgeColor: string;
}

/** A frame's edge drawn on a canvas (the far view, the far name tags), in screen pixels for a 1.5 px line. */
export const CANVAS_BORDER_DASH: Record<CoverageLook['borderStyle'], readonly number[]> = { solid: [], dashed: [5, 3.5], dotted: [1.5, 2.5] };

const hatch = (color: string) =>
  `repeating-linear-gradient(135deg, ${color} 0 2px, transparent 2px 14px)`;

export const COVERAGE_LOOK: Record<Coverage, CoverageLook> = worded({
  engaged: { background: 'rgba(37, 99, 235, 0.05)', border: '#2563eb', borderStyle: 'solid', badgeColor: '#1d4ed8' },
  'white-space': { background: `${hatch('rgba(13, 148, 136, 0.22)')}, rgba(13, 148, 136, 0.04)`, border: '#0d9488', borderStyle: 'dashed', badgeColor: '#0f766e' },
  competitor: { background: `${hatch('rgba(190, 18, 60, 0.16)')}, repeating-linear-gradient(45deg, rgba(190, 18, 60, 0.16) 0 2px, transparent 2px 14px)`, border: '#be123c', borderStyle: 'dotted', badgeColor: '#be123c' },
  unknown: { background: 'rgba(100, 116, 139, 0.05)', border: '#94a3b8', borderStyle: 'solid', badgeColor: '#475569' },
}, { label: (coverage) => t(`legend.coverage.${coverage}`) });

/** The word on a department frame's badge: its coverage, or the competitor holding it. */
export function departmentBadge(department: { coverage: Coverage; competitor?: string }): string {
  return department.coverage === 'competitor' && department.competitor ? t('canvas.department.competitor', { name: department.competitor }) : COVERAGE_LOOK[department.coverage].label;
}

export interface LinkLook extends LineStroke {
  label: string;
  description: string;
}

/** Each kind of line's stroke (line-strokes.ts), with its name and description in the current language. */
export const LINK_LOOK: Record<LinkKind, LinkLook> = worded(
  Object.fromEntries(Object.entries(LINK_STROKE).map(([kind, stroke]) => [kind, { ...stroke }])) as Record<LinkKind, LineStroke>,
  { label: (kind) => t(`legend.link.${kind}`), description: (kind) => t(`legend.linkDescription.${kind}`) },
);

export { INFLUENCE_STROKE } from './line-strokes';

/** The six strategic-account-management roles, as people say them. */
export const TEAM_ROLE_LABEL: Readonly<Record<TeamRole, string>> = Object.defineProperties(
  {} as Record<TeamRole, string>,
  Object.fromEntries(TEAM_ROLES.map((role) => [role, { get: () => t(`legend.teamRole.${role}`), enumerable: true }])),
);

/**
 * The colour a teammate is shown in on a shared map (their outline on the cards they have
 * selected, their initial in the toolbar), from their Yjs client id, so it is the same on every
 * screen. Dark enough for white text (4.5:1) and unlike the stance colours' reds and greens.
 */
export const PEER_COLOURS = ['#6d28d9', '#0369a1', '#b45309', '#be185d', '#0f766e', '#4338ca'] as const;
export const peerColour = (clientId: number): string => PEER_COLOURS[Math.abs(clientId) % PEER_COLOURS.length];
