// Asks for one text value (a map's name). An empty value is refused with a message, not ignored.
import { useState } from 'react';
import { Dialog } from './Dialog';

interface PromptDialogProps {
  title: string;
  label: string;
  initial?: string;
  submitLabel: string;
  emptyMessage: string;
  onSubmit(value: string): void;
  onCancel(): void;
}

export function PromptDialog({ title, label, initial = '', submitLabel, emptyMessage, onSubmit, onCancel }: PromptDialogProps) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const trimmed = value.trim();
    if (!trimmed) {
      setError(emptyMessage);
      return;
    }
    onSubmit(trimmed);
  };
  return (
    <Dialog title={title} onClose={onCancel}>
      <form onSubmit={submit} noValidate>
        <label className="pm-field">
          <span>{label}</span>
          <input
            value={value}
            autoFocus
            onChange={(event) => {
              setValue(event.target.value);
              setError(null);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'pm-prompt-error' : undefined}
          />
        </label>
        {error ? (
          <p className="pm-field-error" id="pm-prompt-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="pm-dialog__actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="pm-primary">
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
