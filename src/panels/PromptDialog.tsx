// Asks for one text value (a map's name). An empty value is refused with a message, not ignored;
// Enter submits, Escape cancels. The value handed to onSubmit is trimmed.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';
import { DialogTextField } from './DialogTextField';

export interface PromptDialogProps {
  title: string;
  label: string;
  initial?: string;
  submitLabel: string;
  /** Shown when the user submits an empty (or blank) value. */
  emptyMessage: string;
  placeholder?: string;
  onSubmit(value: string): void;
  onCancel(): void;
}

export function PromptDialog({ title, label, initial = '', submitLabel, emptyMessage, placeholder, onSubmit, onCancel }: PromptDialogProps) {
  const { t } = useTranslation();
  const fieldId = useId();
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
        <DialogTextField
          id={fieldId}
          label={label}
          value={value}
          placeholder={placeholder}
          error={error}
          onChange={(next) => {
            setValue(next);
            setError(null);
          }}
        />
        <div className="pm-dialog__actions">
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="pm-primary">
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
