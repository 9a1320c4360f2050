// Module-level node type map: React Flow re-mounts every node if this object changes.
import type { NodeTypes } from '@xyflow/react';
import { DepartmentFrame } from './nodes/DepartmentFrame';
import { StakeholderCard } from './nodes/StakeholderCard';
import { RemovedCard } from './nodes/RemovedCard';

export const nodeTypes: NodeTypes = { stakeholder: StakeholderCard, department: DepartmentFrame, removed: RemovedCard };
