// Inline name field on a card: a new card opens straight into it. Enter or leaving the field
// commits; Escape keeps the old name. `nodrag` stops React Flow from treating typing as a drag.
import './NameEditor.css';
import { useEffect, useRef, useState } from 'react';
import { useMapStore } from '../../store/map-store';

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
        if (event.key === 'Enter') finish(true);
        if (event.key === 'Escape') finish(false);
      }}
      onBlur={() => finish(true)}
    />
  );
}
