import { memo, useEffect, useRef } from 'react';
import { domIdOf, fieldId } from '../../builder/builder-errors';
import { MAX_DAYS, type Day } from '../../builder/builder-state';
import { useBuilder } from './builder-context';
import { controlProps, FieldMessage } from './field-errors';
import { SlotEditor } from './SlotEditor';

type Props = { day: Day; position: number; count: number };

/**
 * One training day of the selected week: its name, its exercise slots in order, and day-level actions (moving,
 * duplicating and removing a day does it in every week; "Copy to weeks…" copies this week's day over others').
 * Re-renders only when it changes.
 */
export const DayCard = memo(function DayCard({ day, position, count }: Props) {
  const { errors, act, remove, weekCount, openCopyDay } = useBuilder();
  const everyWeek = weekCount > 1 ? ' (every week)' : '';
  const label = `Day ${position + 1}`;
  const headingId = `${domIdOf(fieldId('day', day.key))}-heading`;
  const nameId = fieldId('day', day.key, 'name');
  const exercisesError = fieldId('day', day.key, 'exercises');
  const what = day.name.trim() ? `${label} (${day.name.trim()})` : label;
  const focusNewSlot = useRef(false);

  useEffect(() => {
    if (!focusNewSlot.current) return;
    focusNewSlot.current = false;
    const last = day.slots.at(-1);
    if (last) document.getElementById(domIdOf(fieldId('slot', last.key, 'exerciseId')))?.focus();
  }, [day.slots]);

  return (
    <section className="day-card" aria-labelledby={headingId}>
      <div className="day-card__header">
        <h3 className="day-card__title" id={headingId}>
          {label}
        </h3>
        <div className="field day-card__name">
          <label className="visually-hidden" htmlFor={domIdOf(nameId)}>
            {label} name
          </label>
          <input
            {...controlProps(errors, nameId)}
            className="field__input"
            maxLength={100}
            placeholder="Name, e.g. Bench Volume + OHP"
            value={day.name}
            onChange={(event) => act({ type: 'renameDay', dayKey: day.key, name: event.target.value }, nameId)}
          />
          <FieldMessage errors={errors} id={nameId} />
        </div>
        <div className="day-card__toolbar">
          <button
            type="button"
            className="icon-button"
            aria-label={`Move ${what} up${everyWeek}`}
            disabled={position === 0}
            onClick={() => act({ type: 'moveDay', dayKey: day.key, by: -1 })}
          >
            ↑
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Move ${what} down${everyWeek}`}
            disabled={position === count - 1}
            onClick={() => act({ type: 'moveDay', dayKey: day.key, by: 1 })}
          >
            ↓
          </button>
          <button
            type="button"
            className="button button--ghost"
            aria-label={`Duplicate ${what}${everyWeek}`}
            disabled={count >= MAX_DAYS}
            onClick={() => act({ type: 'duplicateDay', dayKey: day.key })}
          >
            Duplicate
          </button>
          {weekCount > 1 && (
            <button
              type="button"
              className="button button--ghost"
              aria-label={`Copy ${what} to other weeks…`}
              onClick={() => openCopyDay(day.key)}
            >
              Copy to weeks…
            </button>
          )}
          <button
            type="button"
            className="button button--ghost button--danger-text"
            aria-label={`Remove ${what}${everyWeek}`}
            disabled={count <= 1}
            onClick={() =>
              remove({ type: 'removeDay', dayKey: day.key }, `Removed ${what}${everyWeek ? ' from every week' : ''}`)
            }
          >
            Remove
          </button>
        </div>
      </div>
      <FieldMessage errors={errors} id={fieldId('day', day.key)} focusable />
      <FieldMessage errors={errors} id={exercisesError} focusable />
      {day.slots.map((slot, i) => (
        <SlotEditor key={slot.key} slot={slot} position={i} count={day.slots.length} dayLabel={label} />
      ))}
      <button
        type="button"
        className="button button--secondary day-card__add"
        onClick={() => {
          focusNewSlot.current = true;
          act({ type: 'addSlot', dayKey: day.key }, exercisesError);
        }}
      >
        + Add exercise to {label}
      </button>
    </section>
  );
});
