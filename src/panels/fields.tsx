// Form fields of the inspector. Text fields update the map as the user types, and a whole typing
// session is one undo step: the first keystroke begins a store gesture, blur (or Enter in a
// one-line field) ends it.
import { useEffect, useId, useRef, useState, type ReactNode, type Ref } from 'react';
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
  /** Shown under the field, and read out with it. */
  hint?: string;
  /** Keep the label for screen readers only (a row in a list where the heading says what it is). */
  hideLabel?: boolean;
  /** The one-line field's element, for focus from elsewhere. */
  inputRef?: Ref<HTMLInputElement>;
}

export function TextField({ label, value, onChange, multiline, type = 'text', placeholder, requiredMessage, disabled, hint, hideLabel, inputRef }: TextFieldProps) {
  const id = useId();
  // While the field has focus it shows the user's own text, not the stored value: commands tidy
  // what they store (a trimmed name, a product list without the empty entry after a comma), and
  // echoing that back mid-typing would eat the space or comma just typed.
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const typing = useRef(false);

  // A field can vanish while focused (the selection changed); the gesture must not stay open,
  // or undo would stay blocked.
  useEffect(
    () => () => {
      if (typing.current) endTyping();
    },
    [],
  );

  const change = (next: string) => {
    setDraft(next);
    // The gesture opens at the first keystroke, not on focus, so merely visiting a field does not
    // block undo.
    if (!typing.current) {
      typing.current = true;
      beginTyping();
    }
    if (requiredMessage && !next.trim()) {
      setError(requiredMessage);
      return;
    }
    setError(null);
    onChange(next);
  };
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value: draft ?? value,
    placeholder,
    disabled,
    onFocus: () => setDraft(value),
    onBlur: () => {
      if (typing.current) endTyping();
      typing.current = false;
      // An invalid edit (an empty name) was never written: show the stored value again.
      setDraft(null);
      setError(null);
    },
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div className="pm-field">
      <label htmlFor={id} className={hideLabel ? 'pm-visually-hidden' : undefined}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => change(event.target.value)} />
      ) : (
        <input
          {...common}
          ref={inputRef}
          type={type}
          onChange={(event) => change(event.target.value)}
          onKeyDown={(event) => {
            // Enter closes one undo step and starts the next, without leaving the field.
            if (event.key === 'Enter' && !error && typing.current) {
              endTyping();
              typing.current = false;
            }
          }}
        />
      )}
      {hint ? (
        <p className="pm-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="pm-field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export interface Option<T extends string> {
  value: T;
  label: string;
  title?: string;
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: Option<T>[];
  onChange(value: T): void;
  disabled?: boolean;
  hint?: string;
}

/**
 * Past this many options a select lists only its current one until someone reaches for it (pointer
 * over it, focus, a key). The department select of a 20,000-person map has 2,000 options: creating
 * and laying them out was most of what a click on a card cost before the inspector showed it.
 */
const LISTED_AT_ONCE = 200;

export function SelectField<T extends string>({ label, value, options, onChange, disabled, hint }: SelectFieldProps<T>) {
  const id = useId();
  const [reachedFor, setReachedFor] = useState(false);
  const reach = () => setReachedFor(true);
  const listed = reachedFor || options.length <= LISTED_AT_ONCE ? options : options.filter((option) => option.value === value);
  return (
    <div className="pm-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value as T)}
        onPointerEnter={reach}
        onPointerDown={reach}
        onFocus={reach}
        onKeyDown={reach}
      >
        {listed.map((option) => (
          <option key={option.value} value={option.value} title={option.title}>
            {option.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p className="pm-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
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

export function Section({ title, children, disabled }: { title: string; children: ReactNode; disabled?: boolean }) {
  return (
    <fieldset className="pm-section" disabled={disabled}>
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}
