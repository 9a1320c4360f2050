// Buying roles as CRMs write them: Dynamics 365 "Decision influence labels" (Decision maker, Influencer),
// HubSpot "Buying Role" (Decision maker; Budget holder; Blocker…, several separated by ';'), Salesforce
// contact roles (Decision Maker, Economic Buyer, Evaluator, Technical Buyer, Business User, Influencer),
// and the names sales methods give them (src/drawing/appearance.ts ROLE_LOOK lists them).
import type { BuyingRole } from '../../domain/types';
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
  'influence': 'influencer',
  champion: 'influencer',
  gatekeeper: 'gatekeeper',
  procurement: 'gatekeeper',
  'legal and compliance': 'gatekeeper',
  legal: 'gatekeeper',
};

/** The buying roles named in a cell ("Decision maker;Influencer"); words it does not know are left out. */
export function parseRoles(cell: string): BuyingRole[] {
  const roles: BuyingRole[] = [];
  for (const part of cell.split(/[;,|/\n]+/)) {
    const role = ROLE_WORDS[foldText(part).replace(/_/g, ' ')];
    if (role && !roles.includes(role)) roles.push(role);
  }
  return roles;
}

/** True when a cell holds a role word and nothing else (used to find a role column by its values). */
export function isRoleCell(cell: string): boolean {
  const parts = cell.split(/[;,|/\n]+/).map((part) => foldText(part).replace(/_/g, ' ')).filter(Boolean);
  return parts.length > 0 && parts.every((part) => part in ROLE_WORDS);
}
