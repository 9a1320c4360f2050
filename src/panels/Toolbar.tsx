// The map view's top bar. Buttons come from the action registry, so each shows its shortcut.
import './Toolbar.css';
import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useTranslation } from 'react-i18next';
import { actionById } from '../actions/registry';
import { displayShortcut } from '../actions/shortcuts';
import { redoLabel, undoLabel, useMapStore } from '../store/map-store';
import { SaveStatus } from './SaveStatus';
import { Presence, ShareButton } from './ShareDialog';
import { useToolbarDensity } from './use-toolbar-density';

interface ToolbarProps {
  onBack(): void;
}

/** `iconOnly`: the first labels to go when the bar is short of room (the icon and tooltip stay). */
/** `compact`: the label goes a step later, with the end group's. */
/** `detail`: what the button would do now, after its label ("Undo: mark champion"). */
function ActionButton({ id, icon, text, disabled, iconOnly, compact, detail }: { id: string; icon: string; text: string; disabled?: boolean; iconOnly?: boolean; compact?: boolean; detail?: string | null }) {
  const { t } = useTranslation();
  const action = actionById[id];
  const shortcut = action.shortcuts[0];
  const label = detail ? t('toolbar.withDetail', { action: action.label, detail }) : action.label;
  return (
    <button
      type="button"
      className={`pm-toolbar__button${iconOnly ? ' pm-toolbar__button--narrow' : ''}${compact ? ' pm-toolbar__button--compact' : ''}`}
      onClick={() => action.run()}
      disabled={disabled}
      aria-label={label}
      title={shortcut ? t('toolbar.withShortcut', { label, shortcut: displayShortcut(shortcut) }) : label}
    >
      <span aria-hidden="true" className="pm-toolbar__icon">
        {icon}
      </span>
      <span className="pm-toolbar__text">{text}</span>
    </button>
  );
}

export function Toolbar({ onBack }: ToolbarProps) {
  const { t } = useTranslation();
  const { name, nextUndo, nextRedo, readOnly } = useMapStore(
    useShallow((s) => ({
      name: s.map?.name ?? '',
      nextUndo: undoLabel(s),
      nextRedo: redoLabel(s),
      readOnly: s.readOnly,
    })),
  );
  const bar = useRef<HTMLElement>(null);
  useToolbarDensity(bar);
  return (
    <header ref={bar} className="pm-toolbar" data-density="0" role="toolbar" aria-label={t('toolbar.label')}>
      <button type="button" className="pm-toolbar__back" onClick={onBack} aria-label={t('toolbar.backLabel')} title={t('toolbar.backTitle')}>
        {t('toolbar.back')}
      </button>
      <h1 className="pm-toolbar__title" title={name}>
        {name}
      </h1>
      <SaveStatus />
      <div className="pm-toolbar__group">
        <ActionButton id="add-stakeholder" icon="+" text={t('toolbar.text.stakeholder')} disabled={readOnly} />
        <ActionButton id="add-department" icon="▭" text={t('toolbar.text.department')} disabled={readOnly} />
        <ActionButton id="add-placeholder" icon="◌" text={t('toolbar.text.placeholder')} disabled={readOnly} compact />
      </div>
      <div className="pm-toolbar__group">
        <ActionButton id="undo" icon="↶" text={t('toolbar.text.undo')} disabled={!nextUndo || readOnly} detail={nextUndo} iconOnly />
        <ActionButton id="redo" icon="↷" text={t('toolbar.text.redo')} disabled={!nextRedo || readOnly} detail={nextRedo} iconOnly />
        <ActionButton id="tidy-up" icon="⊞" text={t('toolbar.text.tidyUp')} disabled={readOnly} compact />
      </div>
      <div className="pm-toolbar__group pm-toolbar__group--end">
        <Presence />
        {readOnly ? null : <ShareButton />}
        <ActionButton id="fit-view" icon="⤢" text={t('toolbar.text.fit')} iconOnly />
        <ActionButton id="import-file" icon="⇧" text={t('toolbar.text.import')} iconOnly />
        <ActionButton id="export-map-file" icon="⎙" text={t('toolbar.text.saveFile')} iconOnly />
        <ActionButton id="toggle-presentation" icon="▣" text={t('toolbar.text.present')} iconOnly />
        <ActionButton id="toggle-insights" icon="◎" text={t('toolbar.text.insights')} iconOnly />
        <ActionButton id="export-png" icon="⇩" text={t('toolbar.text.exportPng')} />
        <ActionButton id="handover-brief" icon="☰" text={t('toolbar.text.brief')} iconOnly />
        <ActionButton id="help" icon="⌨" text={t('toolbar.text.shortcuts')} iconOnly />
      </div>
    </header>
  );
}
