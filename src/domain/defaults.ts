// Default values for new records, and the card geometry the canvas and placement share.
import type { AccountMap, Department, Link, Stakeholder, TeamMember } from './types';

/** A stakeholder card's size on the canvas, in pixels. */
export const STAKEHOLDER_CARD = { width: 220, height: 96 } as const;
/** Height of a department's title bar; members sit below it. */
export const DEPARTMENT_HEADER_HEIGHT = 44;
export const DEFAULT_DEPARTMENT_SIZE = { width: 360, height: 260 } as const;
export const MIN_DEPARTMENT_SIZE = { width: 160, height: 100 } as const;

export function newStakeholder(fields: Partial<Stakeholder> & { id: string }): Stakeholder {
  return {
    name: 'New stakeholder',
    title: '',
    departmentId: null,
    email: '',
    phone: '',
    linkedIn: '',
    notes: '',
    roles: [],
    stance: 'unknown',
    influence: null,
    relationship: 'none',
    ownerId: null,
    lastContact: null,
    personalContext: '',
    leftCompany: false,
    leftTo: '',
    successorId: null,
    placeholder: false,
    source: '',
    verifiedOn: null,
    crm: null,
    position: { x: 0, y: 0 },
    ...fields,
  };
}

export function newDepartment(fields: Partial<Department> & { id: string }): Department {
  return {
    name: 'New department',
    parentId: null,
    coverage: 'unknown',
    competitor: '',
    notes: '',
    products: [],
    potentialValue: '',
    position: { x: 0, y: 0 },
    size: { ...DEFAULT_DEPARTMENT_SIZE },
    ...fields,
  };
}

export function newLink(fields: Partial<Link> & Pick<Link, 'id' | 'kind' | 'sourceId' | 'targetId'>): Link {
  return { label: '', strength: 'medium', ...fields };
}

export function newTeamMember(fields: Partial<TeamMember> & { id: string }): TeamMember {
  return { name: '', role: 'relationship-leader', ...fields };
}

export function emptyAccountMap(id: string, name: string, nowIso: string): AccountMap {
  return { id, name, createdAt: nowIso, updatedAt: nowIso, departments: {}, stakeholders: {}, links: {}, team: {} };
}
