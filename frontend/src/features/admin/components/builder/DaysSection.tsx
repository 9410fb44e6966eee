import { useEffect, useRef } from 'react';
import { domIdOf } from '../../builder/builder-errors';
import { MAX_DAYS, type Day } from '../../builder/builder-state';
import { useBuilder } from './builder-context';
import { DayCard } from './DayCard';

/** The training days in order, and "+ Add day" (which moves focus to the new day's name). */
export function DaysSection({ days }: { days: Day[] }) {
  const { act } = useBuilder();
  const focusDayName = useRef(false);

  useEffect(() => {
    if (!focusDayName.current) return;
    focusDayName.current = false;
    const last = days.at(-1);
    if (last) document.getElementById(domIdOf(`day:${last.key}:name`))?.focus();
  }, [days]);

  return (
    <section className="builder-section" aria-labelledby="days-heading">
      <h2 className="builder-section__title" id="days-heading">
        Days
      </h2>
      <datalist id="plan-builder-tiers">
        <option value="T1" />
        <option value="T2" />
        <option value="T3" />
      </datalist>
      {days.map((day, i) => (
        <DayCard key={day.key} day={day} position={i} count={days.length} />
      ))}
      <button
        type="button"
        className="button button--secondary"
        disabled={days.length >= MAX_DAYS}
        onClick={() => {
          focusDayName.current = true;
          act({ type: 'addDay' }, 'days');
        }}
      >
        + Add day
      </button>
    </section>
  );
}
