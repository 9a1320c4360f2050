// The map view's top bar. Buttons come from the action registry, so each shows its shortcut.
import './Toolbar.css';
import { useShallow } from 'zustand/react/shallow';
import { actionById } from '../actions/registry';
import { displayShortcut } from '../actions/shortcuts';
import { redoLabel, undoLabel, useMapStore } from '../store/map-store';
import { SaveStatus } from './SaveStatus';
import { Presence, ShareButton } from './ShareDialog';

interface ToolbarProps {
  onBack(): void;
}

/** `iconOnly`: the text shows on wide screens only (the icon and tooltip stay), so the map's name keeps its room. */
/** `compact`: the text goes a step later, below 1400 px. */
/** `detail`: what the button would do now, after its label ("Undo: mark champion"). */
function ActionButton({ id, icon, text, disabled, iconOnly, compact, detail }: { id: string; icon: string; text: string; disabled?: boolean; iconOnly?: boolean; compact?: boolean; detail?: string | null }) {
  const action = actionById[id];
  const shortcut = action.shortcuts[0];
  const label = detail ? `${action.label}: ${detail}` : action.label;
  return (
    <button
      type="button"
      className={`pm-toolbar__button${iconOnly ? ' pm-toolbar__button--narrow' : ''}${compact ? ' pm-toolbar__button--compact' : ''}`}
      onClick={() => action.run()}
      disabled={disabled}
      aria-label={label}
      title={shortcut ? `${label} (${displayShortcut(shortcut)})` : label}
    >
      <span aria-hidden="true" className="pm-toolbar__icon">
        {icon}
      </span>
      <span className="pm-toolbar__text">{text}</span>
    </button>
  );
}

export function Toolbar({ onBack }: ToolbarProps) {
  const { name, nextUndo, nextRedo, readOnly } = useMapStore(
    useShallow((s) => ({
      name: s.map?.name ?? '',
      nextUndo: undoLabel(s),
      nextRedo: redoLabel(s),
      readOnly: s.readOnly,
    })),
  );
  return (
    <header className="pm-toolbar" role="toolbar" aria-label="Map toolbar">
      <button type="button" className="pm-toolbar__back" onClick={onBack} aria-label="Back to all maps" title="All maps">
        ← Maps
      </button>
      <h1 className="pm-toolbar__title" title={name}>
        {name}
      </h1>
      <SaveStatus />
      <div className="pm-toolbar__group">
        <ActionButton id="add-stakeholder" icon="+" text="Stakeholder" disabled={readOnly} />
        <ActionButton id="add-department" icon="▭" text="Department" disabled={readOnly} />
        <ActionButton id="add-placeholder" icon="◌" text="Placeholder" disabled={readOnly} compact />
      </div>
      <div className="pm-toolbar__group">
        <ActionButton id="undo" icon="↶" text="Undo" disabled={!nextUndo || readOnly} detail={nextUndo} iconOnly />
        <ActionButton id="redo" icon="↷" text="Redo" disabled={!nextRedo || readOnly} detail={nextRedo} iconOnly />
        <ActionButton id="tidy-up" icon="⊞" text="Tidy up" disabled={readOnly} compact />
      </div>
      <div className="pm-toolbar__group pm-toolbar__group--end">
        <Presence />
        {readOnly ? null : <ShareButton />}
        <ActionButton id="fit-view" icon="⤢" text="Fit" iconOnly />
        <ActionButton id="import-file" icon="⇧" text="Import" iconOnly />
        <ActionButton id="export-map-file" icon="⎙" text="Save file" iconOnly />
        <ActionButton id="toggle-presentation" icon="▣" text="Present" iconOnly />
        <ActionButton id="toggle-insights" icon="◎" text="Insights" iconOnly />
        <ActionButton id="export-png" icon="⇩" text="Export PNG" />
        <ActionButton id="handover-brief" icon="☰" text="Brief" iconOnly />
        <ActionButton id="help" icon="⌨" text="Shortcuts" iconOnly />
      </div>
    </header>
  );
}
