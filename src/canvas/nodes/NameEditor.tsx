// Inline name field on a card: a new card opens straight into it. Enter, Tab or leaving the field
// commits; Escape keeps the old name; after Enter or Escape the keyboard is on the card, after Tab
// on the person's title in the inspector (on the card when the inspector does not show them).
// `nodrag` stops React Flow from treating typing as a drag.
import './NameEditor.css';
import { useEffect, useRef, useState } from 'react';
import { useMapStore } from '../../store/map-store';
import { inspectorFocus } from '../../actions/inspector-focus';
import { mapFocus } from '../../actions/map-focus';

interface NameEditorProps {
  initial: string;
  label: string;
  onCommit(name: string): void;
}

export function NameEditor({ initial, label, onCommit }: NameEditorProps) {
  const [draft, setDraft] = useState(initial);
  const input = useRef<HTMLInputElement>(null);
  const done = useRef(false);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    const name = draft.trim();
    if (commit && name && name !== initial) onCommit(name);
    useMapStore.getState().startEditingName(null);
  };

  return (
    <input
      ref={input}
      className="pm-name-input nodrag nopan"
      aria-label={label}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key !== 'Enter' && event.key !== 'Escape' && event.key !== 'Tab') return;
        // Done by keyboard: the keyboard stays on the card (clicking away leaves focus where it went),
        // or Tab goes on to the title. Tab left to the browser reached the card's quick-tag buttons.
        if (event.key === 'Tab') event.preventDefault();
        const id = useMapStore.getState().editingNameId;
        finish(event.key !== 'Escape');
        if (!id) return;
        if (!(event.key === 'Tab' && !event.shiftKey && inspectorFocus.nextAfterName(id))) mapFocus.focusItem(id);
      }}
      onBlur={() => finish(true)}
    />
  );
}
