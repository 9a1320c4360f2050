// The account map's vocabulary (docs/architecture.md). Plain data: no React, no Dexie, no React Flow.
// Records are immutable: a command returns new objects for what it changes and keeps the rest,
// so "what changed" is an identity comparison (autosave and undo rely on that).

/** Shape version of a stored or exported account map. Bump it with a step in migrations.ts. */
export const SCHEMA_VERSION = 2;

export const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'blocker', 'unknown'] as const;
/** How a stakeholder stands toward us. */
export type Stance = (typeof STANCES)[number];

export const BUYING_ROLES = [
  'decision-maker',
  'economic-buyer',
  'technical-evaluator',
  'user',
  'influencer',
  'gatekeeper',
] as const;
/** What a stakeholder does in a buying decision; a person can hold several. */
export type BuyingRole = (typeof BUYING_ROLES)[number];

export const INFLUENCE_LEVELS = ['high', 'medium', 'low'] as const;
export type Influence = (typeof INFLUENCE_LEVELS)[number];

export const RELATIONSHIP_STRENGTHS = ['strong', 'good', 'weak', 'none'] as const;
/** How well we know someone. */
export type RelationshipStrength = (typeof RELATIONSHIP_STRENGTHS)[number];

export const COVERAGE_STATUSES = ['engaged', 'white-space', 'competitor', 'unknown'] as const;
/** Whether we sell to a department today; `white-space` is an opportunity. */
export type Coverage = (typeof COVERAGE_STATUSES)[number];

export const LINK_KINDS = ['reports-to', 'dotted-line', 'influences', 'ally', 'conflict'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** The six roles of strategic account management: the default list for "our team". */
export const TEAM_ROLES = [
  'results-driver',
  'relationship-leader',
  'innovator',
  'collaborator',
  'technical-expert',
  'project-manager',
] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** Canvas position in pixels, relative to the parent department's top-left corner (or the canvas if none). */
export interface Position {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/** A unit of the customer's organisation. Departments nest through `parentId`. */
export interface Department {
  id: string;
  name: string;
  /** Enclosing department, or null at the top level. Never the department itself or a descendant. */
  parentId: string | null;
  coverage: Coverage;
  /** Who holds it when `coverage` is `competitor`. */
  competitor: string;
  notes: string;
  /** Our products already sold here. */
  products: string[];
  /** Estimated value of the opportunity, free text so "€250k ARR" fits. */
  potentialValue: string;
  /** Relative to the parent department. */
  position: Position;
  size: Size;
}

/** Where an imported stakeholder came from: which CRM, which record, which file, when. */
export interface CrmOrigin {
  /** The account (customer company) the CRM filed the person under: the account column's value, when the file had one. */
  account?: string;
  /** The file the person was imported from ("Contact.csv"). */
  file: string;
  /** The person's record id in the CRM ("003f4000003d6AhAAI"), or "" when the file had none. */
  id: string;
  /** When the import ran, ISO timestamp. */
  importedAt: string;
  /**
   * What the CRM said at the last import (title, department name, manager's CRM id or name), so a
   * re-import tells a change in the CRM from a change made on the map. Absent on people imported
   * before it was kept; a field is absent when no export has given it yet.
   */
  seen?: CrmSeen;
  /** The CRM: "Salesforce", "HubSpot", "Dynamics 365", "LinkedIn", "Google Contacts", or "CSV" when unknown. */
  system: string;
}

/** The CRM's values at the last import; "" when the export had the column but the cell was empty. */
export interface CrmSeen {
  department?: string;
  manager?: string;
  title?: string;
}

/** A person at the customer. */
export interface Stakeholder {
  id: string;
  name: string;
  title: string;
  /** Department the card sits in, or null when it sits on the open canvas. */
  departmentId: string | null;
  email: string;
  phone: string;
  linkedIn: string;
  notes: string;
  roles: BuyingRole[];
  stance: Stance;
  /** How much weight they carry; null until someone rates it (a new card, an import without the column). */
  influence: Influence | null;
  relationship: RelationshipStrength;
  /** The team member on our side who covers this person. */
  ownerId: string | null;
  /** Last contact, ISO date (YYYY-MM-DD), or null if never. */
  lastContact: string | null;
  /** What they care about, interests, anything personal worth remembering. */
  personalContext: string;
  leftCompany: boolean;
  /** Where they went after leaving (a former champion at a new company is a lead). */
  leftTo: string;
  /** The stakeholder who took over the seat after this person left. */
  successorId: string | null;
  /** A seat we know exists but not who holds it ("CFO — unknown"). */
  placeholder: boolean;
  /** How we know their stance: a short source ("call with Ana, QBR"). */
  source: string;
  /** When that source was last verified, ISO date, or null. */
  verifiedOn: string | null;
  /** The CRM record this person was imported from, or null when drawn by hand. Re-import matches on it. */
  crm: CrmOrigin | null;
  /** Relative to the department, if any. */
  position: Position;
}

/** A line between two stakeholders, or a stakeholder and a department. */
export interface Link {
  id: string;
  kind: LinkKind;
  /** For `reports-to` and `dotted-line`: the report; for `influences`: the influencer. */
  sourceId: string;
  /** For `reports-to` and `dotted-line`: the manager; for `influences`: the one influenced. */
  targetId: string;
  label: string;
  /** How strong an `influences` link is; kept on other kinds but not drawn. */
  strength: Influence;
}

/** A person on our side. */
export interface TeamMember {
  id: string;
  name: string;
  role: TeamRole;
}

/** One customer company's map: the document that is stored, undone and exported. */
export interface AccountMap {
  id: string;
  name: string;
  /** ISO timestamps. */
  createdAt: string;
  updatedAt: string;
  departments: Record<string, Department>;
  stakeholders: Record<string, Stakeholder>;
  links: Record<string, Link>;
  team: Record<string, TeamMember>;
}

/** What the home view lists for a stored map without loading it. */
export interface AccountMapSummary {
  id: string;
  name: string;
  updatedAt: string;
  stakeholderCount: number;
  whiteSpaceCount: number;
}

/** The canvas viewport of a map: session state, stored apart from the document. */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}
