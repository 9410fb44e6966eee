import { useEffect, useRef, type KeyboardEvent } from 'react';
import { domIdOf, fieldId } from '../../builder/builder-errors';
import { MAX_DAYS, MAX_WEEKS, newKey, type Week } from '../../builder/builder-state';
import { useBuilder } from './builder-context';
import { DayCard } from './DayCard';
import { controlProps, FieldMessage } from './field-errors';

type Props = {
  weeks: Week[];
  /** Days a week (the longest week). */
  dayCount: number;
  selectedIndex: number;
  onSelect: (weekKey: string) => void;
  /** Keys of the weeks with a problem somewhere in them (a mark on their tab). */
  weeksWithErrors: ReadonlySet<string>;
};

const tabId = (weekKey: string) => `week-tab-${weekKey}`;
const PANEL_ID = 'week-panel';

/**
 * The cycle: a strip of week tabs (add, and per week rename, deload, duplicate, remove), and the selected week's
 * days. Days are the same in every week (moving or removing one does it in every week; "Days / week" adds them);
 * what is in a day belongs to its week.
 */
export function WeeksSection({ weeks, dayCount, selectedIndex, onSelect, weeksWithErrors }: Props) {
  const { errors, act, remove } = useBuilder();
  const week = weeks[selectedIndex]!;
  const n = selectedIndex + 1;
  const several = weeks.length > 1;
  const nameId = fieldId('week', week.key, 'name');
  const deloadId = fieldId('week', week.key, 'isDeload');
  const focusDayName = useRef(false);

  useEffect(() => {
    if (!focusDayName.current) return;
    focusDayName.current = false;
    const last = week.days.at(-1);
    if (last) document.getElementById(domIdOf(fieldId('day', last.key, 'name')))?.focus();
  }, [week.days]);

  function select(index: number) {
    const target = weeks[Math.max(0, Math.min(weeks.length - 1, index))]!;
    onSelect(target.key);
    document.getElementById(tabId(target.key))?.focus();
  }

  function handleTabKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const moves: Record<string, number> = {
      ArrowLeft: index - 1,
      ArrowRight: index + 1,
      Home: 0,
      End: weeks.length - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    select(moves[event.key]!);
  }

  function addWeek() {
    const key = newKey('w');
    act({ type: 'addWeek', key }, 'weeks');
    onSelect(key);
  }

  function duplicateWeek() {
    const key = newKey('w');
    act({ type: 'duplicateWeek', weekKey: week.key, key }, 'weeks');
    onSelect(key);
  }

  return (
    <section className="builder-section" aria-labelledby="weeks-heading">
      <div className="weeks__intro">
        <h2 className="builder-section__title" id="weeks-heading">
          Weeks and days
        </h2>
        <p className="muted">
          {several
            ? `A cycle of ${weeks.length} weeks; lifters repeat it. Days are the same in every week, their exercises and sets are per week.`
            : 'One week that repeats. Add weeks for a wave (5/3/1, Juggernaut, Smolov Jr): duplicate a week, then change its sets.'}
        </p>
      </div>
      <FieldMessage errors={errors} id="weeks" focusable />

      <div className="week-strip">
        <div className="week-tabs" role="tablist" aria-label="Weeks of the cycle">
          {weeks.map((candidate, i) => {
            const selected = i === selectedIndex;
            return (
              <button
                key={candidate.key}
                type="button"
                role="tab"
                id={tabId(candidate.key)}
                className="week-tab"
                aria-selected={selected}
                aria-controls={PANEL_ID}
                tabIndex={selected ? 0 : -1}
                onClick={() => onSelect(candidate.key)}
                onKeyDown={(event) => handleTabKeyDown(event, i)}
              >
                <span className="week-tab__number">Week {i + 1}</span>
                {candidate.name.trim() && <span className="week-tab__name">{candidate.name.trim()}</span>}
                {candidate.isDeload && <span className="week-tab__badge">Deload</span>}
                {weeksWithErrors.has(candidate.key) && (
                  <span className="week-tab__problem">
                    <span aria-hidden="true">⚠</span>
                    <span className="visually-hidden"> (has problems)</span>
                  </span>
                )}
              </button>
            );
          })}
        </div>
        <button
          type="button"
          className="button button--secondary week-strip__add"
          disabled={weeks.length >= MAX_WEEKS}
          onClick={addWeek}
        >
          + Add week
        </button>
      </div>

      <div className="week-panel" role="tabpanel" id={PANEL_ID} aria-labelledby={tabId(week.key)}>
        <div className="week-panel__header">
          <h3 className="week-panel__title">Week {n}</h3>
          <div className="field week-panel__name">
            <label className="visually-hidden" htmlFor={domIdOf(nameId)}>
              Week {n} name
            </label>
            <input
              {...controlProps(errors, nameId)}
              className="field__input"
              maxLength={100}
              placeholder="Name (optional), e.g. 5s week"
              value={week.name}
              onChange={(event) => act({ type: 'renameWeek', weekKey: week.key, name: event.target.value }, nameId)}
            />
            <FieldMessage errors={errors} id={nameId} />
          </div>
          <label className="choice week-panel__deload">
            <input
              {...controlProps(errors, deloadId)}
              type="checkbox"
              checked={week.isDeload}
              onChange={(event) => act({ type: 'setDeload', weekKey: week.key, value: event.target.checked }, deloadId)}
            />{' '}
            Deload week
          </label>
          <div className="week-panel__toolbar">
            <button
              type="button"
              className="button button--ghost"
              aria-label={`Duplicate week ${n}`}
              disabled={weeks.length >= MAX_WEEKS}
              onClick={duplicateWeek}
            >
              Duplicate week
            </button>
            <button
              type="button"
              className="button button--ghost button--danger-text"
              aria-label={`Remove week ${n}`}
              disabled={!several}
              onClick={() =>
                remove(
                  { type: 'removeWeek', weekKey: week.key },
                  `Removed week ${n}${several && n < weeks.length ? ' (the weeks after it moved up)' : ''}`,
                )
              }
            >
              Remove week
            </button>
          </div>
        </div>
        {week.isDeload && (
          <p className="week-panel__note muted">
            Deload week: no set moves a training max, and no miss counts toward a stall.
          </p>
        )}
        <FieldMessage errors={errors} id={fieldId('week', week.key)} focusable />
        <FieldMessage errors={errors} id={fieldId('week', week.key, 'days')} focusable />
        {week.days.length < dayCount && (
          <p className="week-panel__note">
            This week has {week.days.length} of {dayCount} days.{' '}
            <button
              type="button"
              className="button button--ghost"
              onClick={() => act({ type: 'fillWeek', weekKey: week.key })}
            >
              Add the missing days
            </button>
          </p>
        )}
        <datalist id="plan-builder-tiers">
          <option value="T1" />
          <option value="T2" />
          <option value="T3" />
        </datalist>
        {week.days.map((day, i) => (
          <DayCard key={day.key} day={day} position={i} count={dayCount} />
        ))}
        <AddDayButton
          isFull={week.days.length >= dayCount}
          dayCount={dayCount}
          onAdd={() => {
            focusDayName.current = true;
            act({ type: 'addDay', weekKey: week.key }, 'days');
          }}
        />
      </div>
    </section>
  );
}

/**
 * "+ Add day" fills a week up to the plan's days a week, never past it: more days a week is the "Days / week"
 * field's job, so the number an admin chose there is the number the plan has.
 */
function AddDayButton({ isFull, dayCount, onAdd }: { isFull: boolean; dayCount: number; onAdd: () => void }) {
  return (
    <div className="add-day">
      <button
        type="button"
        className="button button--secondary"
        disabled={isFull}
        aria-describedby={isFull ? 'add-day-hint' : undefined}
        onClick={onAdd}
      >
        + Add day
      </button>
      {isFull && (
        <p className="field__hint" id="add-day-hint">
          This week has all {dayCount} of its days.{' '}
          {dayCount < MAX_DAYS ? 'To add one, raise Days / week.' : `${MAX_DAYS} days a week is the most.`}
        </p>
      )}
    </div>
  );
}
