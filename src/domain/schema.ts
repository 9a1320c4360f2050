// The shape of the current document version, checked with zod: what restoreMap must produce and
// what an exported file holds. Unknown extra fields are allowed (loose), so they survive.
// zod/mini, zod's tree-shakable form: the same checks, about a tenth of the classic API's code,
// which every start of the app parsed (its English messages are loaded for a refused map's reason).
import { z } from 'zod/mini';
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

z.config(z.locales.en());

/** A string with at least one character. */
const filled = () => z.string().check(z.minLength(1));
// z.number() refuses Infinity and NaN.
const position = z.object({ x: z.number(), y: z.number() });
const isoDate = z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)));

export const departmentSchema = z.looseObject({
  id: filled(),
  name: filled(),
  parentId: z.nullable(z.string()),
  coverage: z.enum(COVERAGE_STATUSES),
  competitor: z.string(),
  notes: z.string(),
  products: z.array(z.string()),
  potentialValue: z.string(),
  position,
  size: z.object({ width: z.number().check(z.positive()), height: z.number().check(z.positive()) }),
});

export const stakeholderSchema = z.looseObject({
  id: filled(),
  name: filled(),
  title: z.string(),
  departmentId: z.nullable(z.string()),
  email: z.string(),
  phone: z.string(),
  linkedIn: z.string(),
  notes: z.string(),
  roles: z.array(z.enum(BUYING_ROLES)),
  stance: z.enum(STANCES),
  influence: z.nullable(z.enum(INFLUENCE_LEVELS)),
  relationship: z.enum(RELATIONSHIP_STRENGTHS),
  ownerId: z.nullable(z.string()),
  lastContact: isoDate,
  personalContext: z.string(),
  leftCompany: z.boolean(),
  leftTo: z.string(),
  successorId: z.nullable(z.string()),
  placeholder: z.boolean(),
  source: z.string(),
  verifiedOn: isoDate,
  crm: z.nullable(
    z.looseObject({
      account: z.optional(z.string()),
      file: z.string(),
      id: z.string(),
      importedAt: z.string(),
      seen: z.optional(z.looseObject({ title: z.optional(z.string()), department: z.optional(z.string()), manager: z.optional(z.string()) })),
      system: z.string(),
    }),
  ),
  position,
});

export const linkSchema = z.looseObject({
  id: filled(),
  kind: z.enum(LINK_KINDS),
  sourceId: filled(),
  targetId: filled(),
  label: z.string(),
  strength: z.enum(INFLUENCE_LEVELS),
});

export const teamMemberSchema = z.looseObject({
  id: filled(),
  name: filled(),
  role: z.enum(TEAM_ROLES),
});

export const accountMapSchema = z.looseObject({
  id: filled(),
  name: filled(),
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
