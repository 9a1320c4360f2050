// A department drawn as a container: members sit inside it and move with it. Coverage shows as
// border style and background pattern as well as colour (white space is hatched and dashed).
import './DepartmentFrame.css';
import { memo } from 'react';
import { Handle, NodeResizer, Position, type NodeProps } from '@xyflow/react';
import { relativePosition } from '../../domain/commands';
import { useMapStore } from '../../store/map-store';
import { COVERAGE_LOOK, departmentBadge } from '../../drawing/appearance';
import type { DepartmentNode } from '../project';
import { NameEditor } from './NameEditor';
import { useChangeMark } from '../changes';
import { useDragPreview } from '../drag-preview';
import { ChangeTag } from './StakeholderCard';
import { PeerMarks } from './PeerMarks';
import { t } from '../../i18n';
import { useCanvasLanguage } from '../language-context';

function DepartmentFrameComponent({ id, selected }: NodeProps<DepartmentNode>) {
  useCanvasLanguage(); // its words are in the canvas's language
  const department = useMapStore((s) => s.map?.departments[id]);
  const editing = useMapStore((s) => s.editingNameId === id);
  const change = useChangeMark(id);
  const joining = useDragPreview((s) => s.joining.has(id));
  if (!department) return null;
  const look = COVERAGE_LOOK[department.coverage];
  const badge = departmentBadge(department);
  const store = useMapStore.getState;

  return (
    <div
      className={`pm-department pm-department--${department.coverage}${selected ? ' pm-department--selected' : ''}${joining ? ' pm-department--joining' : ''}`}
      style={{ background: look.background, borderColor: look.border, borderStyle: look.borderStyle }}
    >
      <NodeResizer
        isVisible={selected}
        minWidth={160}
        minHeight={100}
        color={look.border}
        onResizeStart={() => store().beginGesture()}
        onResize={(_, size) =>
          // The canvas gives the absolute corner; members keep their place (resizeDepartment).
          store().run({
            type: 'resizeDepartment',
            id,
            size: { width: size.width, height: size.height },
            position: relativePosition(store().map!, id, { x: size.x, y: size.y }),
          })
        }
        onResizeEnd={() => store().endGesture()}
      />
      <Handle type="target" position={Position.Top} className="pm-handle" aria-hidden="true" aria-label={t('canvas.connectTo', { name: department.name })} />
      {change ? <ChangeTag change={change} /> : null}
      <header className="pm-department__header">
        {editing ? (
          <NameEditor
            initial={department.name}
            label={t('canvas.nameOf', { name: department.name })}
            onCommit={(name) => store().run({ type: 'updateDepartment', id, patch: { name } })}
          />
        ) : (
          <span className="pm-department__name" title={department.name}>
            {department.name}
          </span>
        )}
        <span className="pm-department__badge" style={{ background: look.badgeColor }}>
          {badge}
        </span>
      </header>
      {department.coverage === 'white-space' && department.potentialValue ? (
        <div className="pm-department__value">{t('canvas.potential', { value: department.potentialValue })}</div>
      ) : null}
      <Handle type="source" position={Position.Bottom} className="pm-handle" aria-hidden="true" aria-label={t('canvas.linkFrom', { name: department.name })} />
      <PeerMarks id={id} />
    </div>
  );
}

export const DepartmentFrame = memo(DepartmentFrameComponent);
