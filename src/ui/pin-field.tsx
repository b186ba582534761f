/** A PIN entry, the same on every page: digits keyboard on phones, masked, at most 12 characters, and the right
 * autocomplete hint (`new-password` so a browser never fills in an old password where a new PIN is chosen). */
export interface PinFieldProps {
  id: string;
  label: string;
  value: string;
  autoComplete: 'new-password' | 'current-password';
  describedBy?: string;
  invalid?: boolean;
  autoFocus?: boolean;
  onInput(value: string): void;
}

export function PinField({ id, label, value, autoComplete, describedBy, invalid, autoFocus, onInput }: PinFieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        class="pin-input"
        type="password"
        inputMode="numeric"
        autoComplete={autoComplete}
        maxLength={12}
        autoFocus={autoFocus}
        value={value}
        aria-describedby={describedBy}
        aria-invalid={invalid ? true : undefined}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
      />
    </div>
  );
}
