// A stakeholder card: name, title, stance (colour + icon), role badges, influence, and marks for
// "no relationship", "left the company" and "placeholder". It reads its own record by id, so a
// change to one person re-renders one card.
import './StakeholderCard.css';
import { memo, useContext, useMemo, useState } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';

import { useMapStore } from '../../store/map-store';
import { t, tWords } from '../../i18n';
import { influenceLook, RELATIONSHIP_LOOK, ROLE_LOOK, STANCE_LOOK } from '../../drawing/appearance';
import type { StakeholderNode } from '../project';
import type { Stakeholder } from '../../domain/types';
import { FarContext } from '../far-context';
import { useCanvasLanguage } from '../language-context';
import { useOutOfFocus } from '../use-focus';
import { useChangeMark, type ChangeMark } from '../changes';
import { NameEditor } from './NameEditor';
import { PeerMarks } from './PeerMarks';
import { QuickTags } from './QuickTags';
import { sameExceptPosition } from '../../domain/commands';
import { type CardNoteKind, keptCardLayout, titleText } from '../../domain/card-layout';
import { linesWithBreaks } from '../../domain/text-metrics';

function StakeholderCardComponent({ id, selected }: NodeProps<StakeholderNode>) {
  // One subscription per card: every store update (each drag step) runs every card's selector.
  const { stakeholder, ownerName, editing, sole } = useMapStore(
    useShallow((s) => {
      const record = s.map?.stakeholders[id];
      return {
        stakeholder: record,
        ownerName: record?.ownerId ? s.map?.team[record.ownerId]?.name : undefined,
        editing: s.editingNameId === id,
        // Only the one selected card offers its quick tags: a bar over each of 13 imported cards hid
        // them. Per card, so a change of selection re-renders only the cards it concerns.
        sole: s.selection.length === 1 && s.selection[0] === id,
      };
    }),
  );
  const far = useContext(FarContext);
  const dim = useOutOfFocus(id);
  const change = useChangeMark(id);
  if (!stakeholder) return null;
  return (
    <>
      {far && !editing ? (
        <FarCard stakeholder={stakeholder} ownerName={ownerName} editing={false} selected={selected} dim={dim} change={change} />
      ) : (
        <CardFace stakeholder={stakeholder} ownerName={ownerName} editing={editing} selected={selected} sole={sole} dim={dim} change={change} />
      )}
      <PeerMarks id={id} />
    </>
  );
}

interface CardFaceProps {
  stakeholder: Stakeholder;
  ownerName: string | undefined;
  editing: boolean;
  selected: boolean;
  /** The only selected card. */
  sole?: boolean;
  /** Outside the focus filters: drawn faded. */
  dim: boolean;
  /** What changed since the snapshot being compared with, if any. */
  change: ChangeMark | undefined;
}

/** Equal when everything but the position is: a dragged card's face is not rebuilt on each step. */
function sameFace(a: CardFaceProps, b: CardFaceProps): boolean {
  if (a.ownerName !== b.ownerName || a.editing !== b.editing || a.selected !== b.selected || a.sole !== b.sole || a.dim !== b.dim || a.change !== b.change) return false;
  return sameExceptPosition(a.stakeholder, b.stakeholder);
}

/** The tag a snapshot comparison puts on a card or department: "New", "Neutral → Champion". */
export function ChangeTag({ change }: { change: ChangeMark }) {
  return <div className={`pm-change-mark pm-change-mark--${change.kind}`}>{change.text}</div>;
}

/** The card seen from far: stance colour and name only, large enough to make out. */
const FarCard = memo(function FarCard({ stakeholder, ownerName, selected, dim, change }: CardFaceProps) {
  const language = useCanvasLanguage();
  // The language too: the card's words, and so its lines, are in it.
  const layout = useMemo(() => keptCardLayout(stakeholder, ownerName), [stakeholder, ownerName, language]);
  const classes = ['pm-card', 'pm-card--far'];
  if (dim) classes.push('pm-card--dim');
  if (change) classes.push(`pm-card--${change.kind}`);
  if (stakeholder.placeholder) classes.push('pm-card--placeholder');
  if (stakeholder.leftCompany) classes.push('pm-card--left');
  if (selected) classes.push('pm-card--selected');
  return (
    <div
      className={classes.join(' ')}
      style={{ ['--stance' as string]: STANCE_LOOK[stakeholder.stance].color, width: layout.width, height: layout.height }}
    >
      {/* React Flow re-measures a node's handles when its content changes: without them its lines would go. */}
      <Handle type="target" position={Position.Top} className="pm-handle" aria-hidden="true" aria-label={tWords('canvas.connectTo', { name: stakeholder.name })} />
      <div className="pm-card__name" style={{ fontSize: layout.far.size }}>
        <Lines text={stakeholder.name} lines={layout.far.lines} />
      </div>
      <Handle type="source" position={Position.Bottom} className="pm-handle" aria-hidden="true" aria-label={tWords('canvas.linkFrom', { name: stakeholder.name })} />
    </div>
  );
}, sameFace);

const NOTE_CLASS: Record<CardNoteKind, string> = {
  left: 'pm-card__flag pm-card__flag--left',
  'no-relationship': 'pm-card__flag',
  owner: 'pm-card__owner',
};

/** Text broken where domain/card-layout.ts broke it: the card is sized for exactly these lines. */
function Lines({ text, lines }: { text: string; lines: readonly string[] }) {
  return linesWithBreaks(text, lines).map((line, i) => (
    <span key={i} className="pm-card__line">
      {line}
    </span>
  ));
}

const CardFace = memo(function CardFace({ stakeholder, ownerName, editing, selected, sole, dim, change }: CardFaceProps) {
  const language = useCanvasLanguage();
  const id = stakeholder.id;
  const layout = useMemo(() => keptCardLayout(stakeholder, ownerName), [stakeholder, ownerName, language]);
  // The quick tags are built once the pointer first comes onto the card (CSS shows them on hover),
  // or when the card is the one selected: each card mounted as a zoom or pan brings it into view
  // spent about a quarter of its React time putting their tooltips into words.
  const [tagsWanted, setTagsWanted] = useState(false);
  const stance = STANCE_LOOK[stakeholder.stance];
  const influence = influenceLook(stakeholder.influence);
  const classes = ['pm-card'];
  if (stakeholder.placeholder) classes.push('pm-card--placeholder');
  if (stakeholder.leftCompany) classes.push('pm-card--left');
  if (selected) classes.push('pm-card--selected');
  if (sole) classes.push('pm-card--sole');
  if (dim) classes.push('pm-card--dim');
  if (change) classes.push(`pm-card--${change.kind}`);

  return (
    <div
      className={classes.join(' ')}
      style={{ ['--stance' as string]: stance.color, width: layout.width, height: layout.height }}
      onPointerEnter={tagsWanted ? undefined : () => setTagsWanted(true)}
    >
      <Handle type="target" position={Position.Top} className="pm-handle" aria-hidden="true" aria-label={tWords('canvas.connectTo', { name: stakeholder.name })} />
      {change ? <ChangeTag change={change} /> : null}
      <div className="pm-card__stance" style={{ background: stance.color, color: stance.ink }} title={stance.label}>
        <span aria-hidden="true">{stance.icon}</span>
      </div>
      <div className="pm-card__body">
        {editing ? (
          <NameEditor
            initial={stakeholder.name}
            label={t('canvas.nameOf', { name: stakeholder.name })}
            onCommit={(name) => useMapStore.getState().run({ type: 'updateStakeholder', id, patch: { name } })}
          />
        ) : (
          <div className="pm-card__name">
            <Lines text={stakeholder.name} lines={layout.name} />
          </div>
        )}
        <div className="pm-card__title">
          <Lines text={titleText(stakeholder)} lines={layout.title} />
        </div>
        {layout.roleRows.map((roles, row) => (
          <div key={row} className={row === 0 ? 'pm-card__meta' : 'pm-card__meta pm-card__meta--more'}>
            {row === 0 ? <span className="pm-card__stance-label">{stance.label}</span> : null}
            {roles.map((role) => (
              <span key={role} className="pm-badge" title={ROLE_LOOK[role].label}>
                {ROLE_LOOK[role].badge}
              </span>
            ))}
            {row === 0 ? (
              <span className="pm-influence" role="img" title={influence.label} aria-label={influence.label}>
                {[1, 2, 3].map((bar) => (
                  <i key={bar} className={bar <= influence.bars ? 'on' : ''} />
                ))}
              </span>
            ) : null}
          </div>
        ))}
        {layout.note ? (
          <div
            className={NOTE_CLASS[layout.note.kind]}
            title={layout.note.kind === 'no-relationship' ? RELATIONSHIP_LOOK.none.label : undefined}
          >
            <Lines text={layout.note.text} lines={layout.note.lines} />
          </div>
        ) : null}
      </div>
      {sole || tagsWanted ? <QuickTags stakeholder={stakeholder} /> : null}
      <Handle type="source" position={Position.Bottom} className="pm-handle" aria-hidden="true" aria-label={tWords('canvas.linkFrom', { name: stakeholder.name })} />
    </div>
  );
}, sameFace);

export const StakeholderCard = memo(StakeholderCardComponent);
