import { useId, useState } from 'react';

const MAX_REPS = 200;

type RepStepperProps = {
  /** Reps logged so far, null when none. */
  value: number | null;
  /** Where the first "+" starts: the prescribed minimum of the AMRAP set. */
  suggested: number;
  /** E.g. "set 3", appended to the controls' names so each is unique on the page. */
  setLabel: string;
  disabled?: boolean;
  /** Shown while empty; default "5+" (the AMRAP minimum and up). */
  placeholder?: string;
  onChange: (reps: number | null) => void;
};

/** Large −/+ buttons around a numeric field: thumb-friendly rep entry for AMRAP sets. */
export function RepStepper({ value, suggested, setLabel, disabled, placeholder, onChange }: RepStepperProps) {
  const id = useId();
  // While the field has focus it shows what is typed; otherwise the logged value.
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? (value === null ? '' : String(value));

  const step = (delta: number) => {
    const next = value === null ? (delta > 0 ? suggested : Math.max(0, suggested - 1)) : clamp(value + delta);
    if (draft !== null) setDraft(String(next));
    onChange(next);
  };

  return (
    <div className="rep-stepper">
      <label className="rep-stepper__label" htmlFor={id}>
        Reps done<span className="visually-hidden">, {setLabel}</span>
      </label>
      <div className="rep-stepper__controls">
        <button
          type="button"
          className="rep-stepper__button"
          aria-label={`One rep fewer, ${setLabel}`}
          disabled={disabled || value === 0}
          onClick={() => step(-1)}
        >
          <span aria-hidden="true">−</span>
        </button>
        <input
          id={id}
          className="rep-stepper__input"
          type="text"
          inputMode="numeric"
          pattern="[0-9]*"
          autoComplete="off"
          placeholder={placeholder ?? `${suggested}+`}
          value={text}
          disabled={disabled}
          onFocus={() => setDraft(text)}
          onBlur={() => {
            setDraft(null);
            if (text.trim() === '' && value !== null) onChange(null);
          }}
          onChange={(event) => {
            const digits = event.target.value.replace(/\D/g, '').slice(0, 3);
            setDraft(digits);
            if (digits !== '') {
              const reps = clamp(Number(digits));
              if (reps !== value) onChange(reps);
            }
          }}
        />
        <button
          type="button"
          className="rep-stepper__button"
          aria-label={`One rep more, ${setLabel}`}
          disabled={disabled || value === MAX_REPS}
          onClick={() => step(1)}
        >
          <span aria-hidden="true">+</span>
        </button>
      </div>
    </div>
  );
}

function clamp(reps: number): number {
  return Math.min(MAX_REPS, Math.max(0, Math.round(reps)));
}
