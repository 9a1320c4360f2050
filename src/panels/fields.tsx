// Form fields of the inspector. Text fields update the map as the user types, and a whole typing
// session (focus to blur) is one undo step: focus begins a gesture, blur ends it.
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useMapStore } from '../store/map-store';

const beginTyping = () => useMapStore.getState().beginGesture();
const endTyping = () => useMapStore.getState().endGesture();

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  multiline?: boolean;
  type?: 'text' | 'email' | 'tel' | 'url' | 'date';
  placeholder?: string;
  /** When set, an empty value is refused with this message and not written. */
  requiredMessage?: string;
  disabled?: boolean;
}

export function TextField({ label, value, onChange, multiline, type = 'text', placeholder, requiredMessage, disabled }: TextFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  // Follow outside changes (undo, another field) unless the user is mid-way through an invalid edit.
  useEffect(() => {
    setDraft(value);
    setError(null);
  }, [value]);

  const change = (next: string) => {
    setDraft(next);
    if (requiredMessage && !next.trim()) {
      setError(requiredMessage);
      return;
    }
    setError(null);
    onChange(next);
  };
  const common = {
    id,
    value: draft,
    placeholder,
    disabled,
    onFocus: beginTyping,
    onBlur: () => {
      endTyping();
      if (error) {
        setDraft(value);
        setError(null);
      }
    },
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  };
  return (
    <div className="pm-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => change(event.target.value)} />
      ) : (
        <input {...common} type={type} onChange={(event) => change(event.target.value)} />
      )}
      {error ? (
        <p className="pm-field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: { value: T; label: string; title?: string }[];
  onChange(value: T): void;
  disabled?: boolean;
}

export function SelectField<T extends string>({ label, value, options, onChange, disabled }: SelectFieldProps<T>) {
  const id = useId();
  return (
    <div className="pm-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => (
          <option key={option.value} value={option.value} title={option.title}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckboxField({
  label,
  checked,
  onChange,
  title,
  disabled,
}: {
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  title?: string;
  disabled?: boolean;
}) {
  return (
    <label className="pm-check" title={title}>
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(event) => onChange(event.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="pm-section">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}
