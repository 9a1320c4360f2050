// The shape of the current document version, checked with zod: what restoreMap must produce and
// what an exported file holds. Unknown extra fields are allowed (loose), so they survive.
import { z } from 'zod';
import {
  BUYING_ROLES,
  COVERAGE_STATUSES,
  INFLUENCE_LEVELS,
  LINK_KINDS,
  RELATIONSHIP_STRENGTHS,
  SCHEMA_VERSION,
  STANCES,
  TEAM_ROLES,
  type AccountMap,
} from './types';

const position = z.object({ x: z.number().finite(), y: z.number().finite() });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable();

export const departmentSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  parentId: z.string().nullable(),
  coverage: z.enum(COVERAGE_STATUSES),
  competitor: z.string(),
  notes: z.string(),
  products: z.array(z.string()),
  potentialValue: z.string(),
  position,
  size: z.object({ width: z.number().positive(), height: z.number().positive() }),
});

export const stakeholderSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  title: z.string(),
  departmentId: z.string().nullable(),
  email: z.string(),
  phone: z.string(),
  linkedIn: z.string(),
  notes: z.string(),
  roles: z.array(z.enum(BUYING_ROLES)),
  stance: z.enum(STANCES),
  influence: z.enum(INFLUENCE_LEVELS).nullable(),
  relationship: z.enum(RELATIONSHIP_STRENGTHS),
  ownerId: z.string().nullable(),
  lastContact: isoDate,
  personalContext: z.string(),
  leftCompany: z.boolean(),
  leftTo: z.string(),
  successorId: z.string().nullable(),
  placeholder: z.boolean(),
  source: z.string(),
  verifiedOn: isoDate,
  crm: z
    .looseObject({
      account: z.string().optional(),
      file: z.string(),
      id: z.string(),
      importedAt: z.string(),
      seen: z.looseObject({ title: z.string().optional(), department: z.string().optional(), manager: z.string().optional() }).optional(),
      system: z.string(),
    })
    .nullable(),
  position,
});

export const linkSchema = z.looseObject({
  id: z.string().min(1),
  kind: z.enum(LINK_KINDS),
  sourceId: z.string().min(1),
  targetId: z.string().min(1),
  label: z.string(),
  strength: z.enum(INFLUENCE_LEVELS),
});

export const teamMemberSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  role: z.enum(TEAM_ROLES),
});

export const accountMapSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  departments: z.record(z.string(), departmentSchema),
  stakeholders: z.record(z.string(), stakeholderSchema),
  links: z.record(z.string(), linkSchema),
  team: z.record(z.string(), teamMemberSchema),
});

/** The `format` value that marks a Powermap document. */
export const DOCUMENT_FORMAT = 'powermap';

/** A stored or exported document: the map inside a versioned envelope. */
export interface MapDocument {
  format: typeof DOCUMENT_FORMAT;
  schemaVersion: number;
  map: AccountMap;
}

/** The envelope of a document of the current version (an older one goes through restoreMap). */
export const mapDocumentSchema = z.object({
  format: z.literal(DOCUMENT_FORMAT),
  schemaVersion: z.literal(SCHEMA_VERSION),
  map: accountMapSchema,
});

export function toDocument(map: AccountMap): MapDocument {
  return { format: DOCUMENT_FORMAT, schemaVersion: SCHEMA_VERSION, map };
}
