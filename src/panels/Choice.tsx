// A radio button with its label, for the choices of a dialog (format, scope, paper...).
export function Choice<T extends string>({ name, value, current, onChange, disabled, children }: {
  name: string;
  value: NoInfer<T>;
  current: T;
  onChange(value: NoInfer<T>): void;
  disabled?: boolean;
  children: string;
}) {
  return (
    <label>
      <input type="radio" name={name} checked={current === value} disabled={disabled} onChange={() => onChange(value)} />
      {children}
    </label>
  );
}
