// How each value of the vocabulary looks: colour plus a second carrier (icon, letter, pattern,
// line style), because the map must survive a projector, a greyscale print and colour blindness.
// The canvas, the legend and the exports all read from here, so they cannot drift apart.
import { t } from '../i18n';
import type { BuyingRole, Coverage, Influence, LinkKind, RelationshipStrength, Stance, TeamRole } from '../domain/types';

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
export const STANCE_LOOK: Record<Stance, StanceLook> = {
  champion: { label: 'Champion', icon: '★', color: '#00513d', ink: '#ffffff', alsoKnownAs: 'Coach (Miller Heiman), Mentor (Altify), Champion (MEDDPICC)' },
  supporter: { label: 'Supporter', icon: '+', color: '#56b4e9', ink: '#0f172a', alsoKnownAs: 'Supporter (Altify)' },
  neutral: { label: 'Neutral', icon: '=', color: '#8a94a6', ink: '#0f172a', alsoKnownAs: 'Neutral (Altify)' },
  skeptic: { label: 'Skeptic', icon: '?', color: '#f5cd3a', ink: '#0f172a', alsoKnownAs: 'Non-supporter (Altify)' },
  blocker: { label: 'Blocker', icon: '✕', color: '#f26b1d', ink: '#0f172a', alsoKnownAs: 'Enemy (Altify), anti-sponsor' },
  unknown: { label: 'Unknown stance', icon: '·', color: '#e5e7eb', ink: '#0f172a', alsoKnownAs: 'not yet assessed' },
};

export interface RoleLook {
  label: string;
  /** Two-letter badge on the card. */
  badge: string;
  alsoKnownAs: string;
}

export const ROLE_LOOK: Record<BuyingRole, RoleLook> = {
  'decision-maker': { label: 'Decision-maker', badge: 'DM', alsoKnownAs: 'Decision Maker (Altify, Sales Navigator)' },
  'economic-buyer': { label: 'Economic buyer', badge: 'EB', alsoKnownAs: 'Economic Buyer (Miller Heiman, MEDDPICC), Approver (Altify)' },
  'technical-evaluator': { label: 'Technical evaluator', badge: 'TE', alsoKnownAs: 'Technical Buyer (Miller Heiman), Evaluator (Altify, Sales Navigator)' },
  user: { label: 'User', badge: 'U', alsoKnownAs: 'User Buyer (Miller Heiman), User (Altify)' },
  influencer: { label: 'Influencer', badge: 'IN', alsoKnownAs: 'Influencer (Sales Navigator)' },
  gatekeeper: { label: 'Gatekeeper', badge: 'GK', alsoKnownAs: 'Procurement (Sales Navigator)' },
};

export const INFLUENCE_LOOK: Record<Influence, { label: string; bars: number }> = {
  high: { label: 'High influence', bars: 3 },
  medium: { label: 'Medium influence', bars: 2 },
  low: { label: 'Low influence', bars: 1 },
};
/** A person nobody has rated yet: no bar lit, and said so. */
export const influenceLook = (influence: Influence | null) =>
  influence ? INFLUENCE_LOOK[influence] : { label: t('common.influence.notRatedLong'), bars: 0 };

export const RELATIONSHIP_LOOK: Record<RelationshipStrength, { label: string }> = {
  strong: { label: 'Strong relationship' },
  good: { label: 'Good relationship' },
  weak: { label: 'Weak relationship' },
  none: { label: 'No relationship yet' },
};

export interface CoverageLook {
  label: string;
  /** Department background: white space is hatched, competitor is cross-hatched, so print shows it too. */
  background: string;
  border: string;
  borderStyle: 'solid' | 'dashed' | 'dotted';
  badgeColor: string;
}

const hatch = (color: string) =>
  `repeating-linear-gradient(135deg, ${color} 0 2px, transparent 2px 14px)`;

export const COVERAGE_LOOK: Record<Coverage, CoverageLook> = {
  engaged: { label: 'Engaged', background: 'rgba(37, 99, 235, 0.05)', border: '#2563eb', borderStyle: 'solid', badgeColor: '#1d4ed8' },
  'white-space': { label: 'White space', background: `${hatch('rgba(13, 148, 136, 0.22)')}, rgba(13, 148, 136, 0.04)`, border: '#0d9488', borderStyle: 'dashed', badgeColor: '#0f766e' },
  competitor: { label: 'Competitor', background: `${hatch('rgba(190, 18, 60, 0.16)')}, repeating-linear-gradient(45deg, rgba(190, 18, 60, 0.16) 0 2px, transparent 2px 14px)`, border: '#be123c', borderStyle: 'dotted', badgeColor: '#be123c' },
  unknown: { label: 'Coverage unknown', background: 'rgba(100, 116, 139, 0.05)', border: '#94a3b8', borderStyle: 'solid', badgeColor: '#475569' },
};

export interface LinkLook {
  label: string;
  color: string;
  /** SVG stroke-dasharray; empty for a solid line. */
  dash: string;
  width: number;
  /** Whether the line has an arrow at its target. */
  arrow: boolean;
  description: string;
}

export const LINK_LOOK: Record<LinkKind, LinkLook> = {
  'reports-to': { label: 'Reports to', color: '#334155', dash: '', width: 2, arrow: true, description: 'Formal org chart line (solid), arrow into the report' },
  'dotted-line': { label: 'Dotted line', color: '#334155', dash: '2 5', width: 2, arrow: false, description: 'Secondary or matrix reporting (dotted)' },
  influences: { label: 'Influences', color: '#7c3aed', dash: '9 6', width: 2, arrow: true, description: 'Informal influence, arrow points at the one influenced (dashed)' },
  ally: { label: 'Ally', color: '#15803d', dash: '', width: 3, arrow: false, description: 'They back each other (thick green)' },
  conflict: { label: 'Conflict', color: '#dc2626', dash: '14 4 3 4', width: 3, arrow: false, description: 'They clash (red, dash-dot)' },
};

/** Influence links are drawn thicker the stronger they are. */
export const INFLUENCE_STROKE: Record<Influence, number> = { high: 4, medium: 2.5, low: 1.5 };

/** The six strategic-account-management roles, as people say them. */
export const TEAM_ROLE_LABEL: Record<TeamRole, string> = {
  'results-driver': 'Results driver',
  'relationship-leader': 'Relationship leader',
  innovator: 'Innovator',
  collaborator: 'Collaborator',
  'technical-expert': 'Technical expert',
  'project-manager': 'Project manager',
};
