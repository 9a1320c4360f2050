// Module-level node and edge type maps: React Flow re-mounts every node if these objects change.
import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { DepartmentFrame } from './nodes/DepartmentFrame';
import { StakeholderCard } from './nodes/StakeholderCard';
import { LinkLine } from './edges/LinkLine';
import { SuccessorLine } from './edges/SuccessorLine';
import { LostLine } from './edges/LostLine';
import { RemovedCard } from './nodes/RemovedCard';

export const nodeTypes: NodeTypes = { stakeholder: StakeholderCard, department: DepartmentFrame, removed: RemovedCard };
export const edgeTypes: EdgeTypes = { link: LinkLine, successor: SuccessorLine, lost: LostLine };
