import type { Weekday } from '@liftplan/domain';
import { useId, type ReactNode } from 'react';

const DAY_NAMES: Record<Weekday, { short: string; long: string }> = {
  mon: { short: 'Mon', long: 'Monday' },
  tue: { short: 'Tue', long: 'Tuesday' },
  wed: { short: 'Wed', long: 'Wednesday' },
  thu: { short: 'Thu', long: 'Thursday' },
  fri: { short: 'Fri', long: 'Friday' },
  sat: { short: 'Sat', long: 'Saturday' },
  sun: { short: 'Sun', long: 'Sunday' },
};

/** Monday to Sunday, from the exhaustive record above (a value import of the domain's list would pull zod in). */
const WEEK = Object.keys(DAY_NAMES) as Weekday[];

export const weekdayName = (day: Weekday, length: 'short' | 'long' = 'long') => DAY_NAMES[day][length];

type TrainingDaysPickerProps = {
  legend: string;
  value: Weekday[];
  onChange: (days: Weekday[]) => void;
  /** The plan's sessions a week: no more days than that can be picked. */
  max: number;
  /** Why there is a limit, in the plan's words. */
  explanation: ReactNode;
  error?: string;
};

const pickedNote = (picked: number, max: number) =>
  picked >= max ? `${picked} of ${max} picked: unpick one to choose another.` : `${picked} of ${max} picked.`;

/**
 * Monday to Sunday as toggle chips. Once `max` days are picked the others say they can't be added (they stay
 * focusable, so a screen reader still hears why) until one is unpicked.
 */
export function TrainingDaysPicker({ legend, value, onChange, max, explanation, error }: TrainingDaysPickerProps) {
  const hintId = useId();
  const errorId = useId();
  const full = value.length >= max;

  function toggle(day: Weekday) {
    if (value.includes(day)) onChange(value.filter((d) => d !== day));
    else if (!full) onChange(WEEK.filter((d) => d === day || value.includes(d)));
  }

  return (
    <fieldset className="fieldset" aria-describedby={[hintId, error && errorId].filter(Boolean).join(' ')}>
      <legend className="field__label">{legend}</legend>
      <div className="training-days">
        {WEEK.map((day) => {
          const picked = value.includes(day);
          return (
            <button
              key={day}
              type="button"
              className="chip training-days__day"
              aria-pressed={picked}
              aria-disabled={!picked && full ? true : undefined}
              aria-label={DAY_NAMES[day].long}
              onClick={() => toggle(day)}
            >
              {DAY_NAMES[day].short}
            </button>
          );
        })}
      </div>
      <p className="field__hint" id={hintId} aria-live="polite">
        {explanation} {pickedNote(value.length, max)}
      </p>
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
