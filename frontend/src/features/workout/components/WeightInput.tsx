import { useId, useState } from 'react';
import { formatNumber, type Unit } from '@/lib/format';

const MAX_WEIGHT = 9999.99;

type WeightInputProps = {
  /** The weight logged so far, null when none. */
  value: number | null;
  unit: Unit;
  /** Shown (greyed) until a weight is entered; what marking the set done uses. */
  offered?: number | null;
  /** E.g. "set 3", appended to the field's name so each is unique on the page. */
  setLabel: string;
  onChange: (weight: number | null) => void;
};

/** A weight as typed ("42,5" is fine): the number, null for an empty field, or why the API would refuse it. */
export function parseWeightInput(text: string): { value: number | null } | { error: string } {
  const normalized = text.trim().replace(',', '.');
  if (normalized === '') return { value: null };
  if (!/^\d*\.?\d*$/.test(normalized) || normalized === '.') return { error: 'Enter a number, like 20 or 22.5' };
  const value = Number(normalized);
  if (value > MAX_WEIGHT) return { error: `At most ${MAX_WEIGHT}` };
  if (/\.\d{3,}$/.test(normalized)) return { error: 'Use at most 2 decimals' };
  return { value };
}

/**
 * The weight used on a set the plan leaves to the lifter (an accessory without a percentage). Saved when the field
 * is left or Enter is pressed, through the same offline-safe queue as reps.
 */
export function WeightInput({ value, unit, offered = null, setLabel, onChange }: WeightInputProps) {
  const id = useId();
  const errorId = `${id}-error`;
  // While the field has focus it shows what is typed; otherwise the logged value.
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const text = draft ?? (value === null ? '' : formatNumber(value).replace(/,/g, ''));

  function commit() {
    if (draft === null) return;
    const parsed = parseWeightInput(draft);
    if ('error' in parsed) return setError(parsed.error);
    setError(null);
    setDraft(null);
    if (parsed.value !== value) onChange(parsed.value);
  }

  return (
    <div className="weight-input">
      <label className="weight-input__label" htmlFor={id}>
        Weight used<span className="visually-hidden">, {setLabel}</span> ({unit})
      </label>
      <div className="input-with-unit weight-input__control">
        <input
          id={id}
          className="weight-input__input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          enterKeyHint="done"
          placeholder={offered === null ? '—' : formatNumber(offered).replace(/,/g, '')}
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onFocus={() => setDraft(text)}
          onChange={(event) => {
            setDraft(event.target.value);
            if (error) setError(null);
          }}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              commit();
            }
          }}
        />
        <span className="weight-input__unit" aria-hidden="true">
          {unit}
        </span>
      </div>
      {error && (
        <p className="weight-input__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
