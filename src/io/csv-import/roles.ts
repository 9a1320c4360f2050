// Buying roles as CRMs write them: Dynamics 365 "Decision influence labels" (Decision maker, Influencer),
// HubSpot "Buying Role" (Decision maker; Budget holder; Blocker…, several separated by ';'), Salesforce
// contact roles (Decision Maker, Economic Buyer, Evaluator, Technical Buyer, Business User, Influencer),
// and the names sales methods give them (src/drawing/appearance.ts ROLE_LOOK lists them).
import type { BuyingRole, Stance } from '../../domain/types';
import { foldText } from './text';

const ROLE_WORDS: Record<string, BuyingRole> = {
  'decision maker': 'decision-maker',
  'decision-maker': 'decision-maker',
  'final decision maker': 'decision-maker',
  entscheider: 'decision-maker',
  'economic buyer': 'economic-buyer',
  'economic decision maker': 'economic-buyer',
  'budget holder': 'economic-buyer',
  approver: 'economic-buyer',
  'executive sponsor': 'economic-buyer',
  'technical buyer': 'technical-evaluator',
  'technical evaluator': 'technical-evaluator',
  evaluator: 'technical-evaluator',
  'technical decision maker': 'technical-evaluator',
  user: 'user',
  'user buyer': 'user',
  'business user': 'user',
  'end user': 'user',
  influencer: 'influencer',
  influence: 'influencer',
  gatekeeper: 'gatekeeper',
  procurement: 'gatekeeper',
  'legal and compliance': 'gatekeeper',
  'legal & compliance': 'gatekeeper',
  legal: 'gatekeeper',
};

/** HubSpot's Buying Role also holds Champion and Blocker: in Powermap those are a stance, not a role. */
const STANCE_WORDS: Record<string, Stance> = { champion: 'champion', blocker: 'blocker' };

const parts = (cell: string) => cell.split(/[;,|/\n]+/).map((part) => foldText(part).replace(/_/g, ' ')).filter(Boolean);

/** The stance a role cell names ("Champion;Decision maker" → champion), or null. */
export function parseStance(cell: string): Stance | null {
  return parts(cell).map((part) => STANCE_WORDS[part]).find(Boolean) ?? null;
}

/** The buying roles named in a cell ("Decision maker;Influencer"); words it does not know are left out. */
export function parseRoles(cell: string): BuyingRole[] {
  const roles: BuyingRole[] = [];
  for (const part of parts(cell)) {
    const role = ROLE_WORDS[part];
    if (role && !roles.includes(role)) roles.push(role);
  }
  return roles;
}

/** True when a cell holds a role word and nothing else (used to find a role column by its values). */
export function isRoleCell(cell: string): boolean {
  const words = parts(cell);
  return words.length > 0 && words.every((part) => part in ROLE_WORDS || part in STANCE_WORDS);
}
