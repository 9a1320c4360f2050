// The one text box of a small dialog (a name, a relay address): labelled, focused when the dialog
// opens, and with its error said next to it and tied to it for screen readers.
export interface DialogTextFieldProps {
  id: string;
  label: string;
  value: string;
  placeholder?: string;
  error: string | null;
  onChange(value: string): void;
}

export function DialogTextField({ id, label, value, placeholder, error, onChange }: DialogTextFieldProps) {
  return (
    <>
      <div className="pm-field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          value={value}
          placeholder={placeholder}
          data-autofocus
          autoComplete="off"
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
      {error ? (
        <p className="pm-field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
