import { memo, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatQuickEntry, parseQuickEntry } from '@liftplan/domain';
import { domIdOf, fieldId } from '../../builder/builder-errors';
import { setsAsQuickEntry, type SetRow, type Slot } from '../../builder/builder-state';
import { useBuilder } from './builder-context';
import { ExercisePicker } from './ExercisePicker';
import { controlProps, FieldMessage } from './field-errors';

type Props = { slot: Slot; position: number; count: number; dayLabel: string };

/** One exercise of a day: what is lifted, on which TM, and its sets (grid + quick entry). */
export const SlotEditor = memo(function SlotEditor({ slot, position, count, dayLabel }: Props) {
  const { exercises, exerciseById, errors, act, remove } = useBuilder();
  const legend = `Exercise ${position + 1}`;
  const exercise = slot.exerciseId !== null ? exerciseById.get(slot.exerciseId) : undefined;
  const tmId = fieldId('slot', slot.key, 'tmExerciseId');
  const tierId = fieldId('slot', slot.key, 'tier');
  const nameId = fieldId('slot', slot.key, 'displayName');
  const exerciseFieldId = fieldId('slot', slot.key, 'exerciseId');
  const what = `${dayLabel}, ${exercise?.name ?? legend.toLowerCase()}`;

  return (
    <fieldset className="slot" aria-label={`${dayLabel} ${legend}`}>
      <div className="slot__header">
        <h4 className="slot__title">
          {legend}
          {exercise && <span className="slot__summary"> · {slot.displayName.trim() || exercise.name}</span>}
        </h4>
        <div className="slot__toolbar">
          <button
            type="button"
            className="icon-button"
            aria-label={`Move ${what} up`}
            disabled={position === 0}
            onClick={() => act({ type: 'moveSlot', slotKey: slot.key, by: -1 })}
          >
            ↑
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Move ${what} down`}
            disabled={position === count - 1}
            onClick={() => act({ type: 'moveSlot', slotKey: slot.key, by: 1 })}
          >
            ↓
          </button>
          <button
            type="button"
            className="icon-button icon-button--danger"
            aria-label={`Remove ${what}`}
            onClick={() => remove({ type: 'removeSlot', slotKey: slot.key }, `Removed ${what}`)}
          >
            ✕
          </button>
        </div>
      </div>
      <FieldMessage errors={errors} id={fieldId('slot', slot.key)} focusable />

      <div className="slot__fields">
        <div className={`field slot__exercise${errors[exerciseFieldId] ? ' field--invalid' : ''}`}>
          <ExercisePicker
            id={domIdOf(exerciseFieldId)}
            label="Exercise"
            value={slot.exerciseId}
            exercises={exercises}
            invalid={errors[exerciseFieldId] !== undefined}
            describedBy={errors[exerciseFieldId] ? `${domIdOf(exerciseFieldId)}-error` : undefined}
            onChange={(exerciseId) =>
              act({ type: 'updateSlot', slotKey: slot.key, patch: { exerciseId } }, exerciseFieldId)
            }
          />
          <FieldMessage errors={errors} id={exerciseFieldId} />
        </div>
        <div className="field slot__tier">
          <label className="field__label" htmlFor={domIdOf(tierId)}>
            Tier
          </label>
          <input
            {...controlProps(errors, tierId)}
            className="field__input"
            list="plan-builder-tiers"
            maxLength={10}
            value={slot.tier}
            onChange={(event) =>
              act({ type: 'updateSlot', slotKey: slot.key, patch: { tier: event.target.value } }, tierId)
            }
          />
          <FieldMessage errors={errors} id={tierId} />
        </div>
        <div className="field slot__tm">
          <label className="field__label" htmlFor={domIdOf(tmId)}>
            Training max of
          </label>
          <select
            {...controlProps(errors, tmId)}
            className="field__input"
            value={slot.tmExerciseId ?? ''}
            onChange={(event) =>
              act(
                {
                  type: 'updateSlot',
                  slotKey: slot.key,
                  patch: { tmExerciseId: event.target.value ? Number(event.target.value) : null },
                },
                tmId,
              )
            }
          >
            <option value="">Same as exercise</option>
            {exercises.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
          <FieldMessage errors={errors} id={tmId} />
        </div>
        <div className="field slot__name">
          <label className="field__label" htmlFor={domIdOf(nameId)}>
            Display name
          </label>
          <input
            {...controlProps(errors, nameId)}
            className="field__input"
            maxLength={100}
            placeholder={exercise ? `${exercise.name} (optional)` : 'Optional, e.g. Bench Volume'}
            value={slot.displayName}
            onChange={(event) =>
              act({ type: 'updateSlot', slotKey: slot.key, patch: { displayName: event.target.value } }, nameId)
            }
          />
          <FieldMessage errors={errors} id={nameId} />
        </div>
      </div>

      <QuickEntryField slot={slot} />
      <SetGrid slot={slot} what={what} />
    </fieldset>
  );
});

/**
 * Shorthand for the whole grid: `65x8, 75x6, 85x4x3, 65x8+` (`x3` = three such sets, `+` = AMRAP). Shows the grid
 * as shorthand while not being edited; Enter (or leaving the field) fills the grid.
 */
function QuickEntryField({ slot }: { slot: Slot }) {
  const { act } = useBuilder();
  const inputId = useId();
  const formatted = useMemo(() => {
    const sets = setsAsQuickEntry(slot.sets);
    return sets ? formatQuickEntry(sets) : '';
  }, [slot.sets]);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = text ?? formatted;

  function commit(): boolean {
    if (text === null || text.trim() === formatted || text.trim() === '') {
      setError(null);
      return true;
    }
    const parsed = parseQuickEntry(text);
    if (!parsed.ok) {
      setError(parsed.error);
      return false;
    }
    setError(null);
    act({ type: 'quickEntry', slotKey: slot.key, sets: parsed.sets }, fieldId('slot', slot.key, 'sets'));
    return true;
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (commit()) setText(null);
  }

  return (
    <div className={`field quick-entry${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={inputId}>
        Quick entry
      </label>
      <div className="quick-entry__row">
        <input
          id={inputId}
          className="field__input quick-entry__input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          placeholder="65x8, 75x6, 85x4x3, 65x8+"
          value={shown}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ''}`}
          onChange={(event) => {
            setText(event.target.value);
            setError(null);
          }}
          onKeyDown={handleKeyDown}
          onBlur={() => {
            if (commit()) setText(null);
          }}
        />
        <button
          type="button"
          className="button button--secondary"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            if (commit()) setText(null);
          }}
        >
          Fill grid
        </button>
      </div>
      {error ? (
        <p className="field__error" id={`${inputId}-error`} role="alert">
          {error}
        </p>
      ) : null}
      <p className="field__hint" id={`${inputId}-hint`}>
        % × reps, comma-separated: <code>85x4x3</code> = 3 sets, <code>65x8+</code> = AMRAP. Enter fills the grid (a
        T1’s highest-% AMRAP becomes the progression set).
      </p>
    </div>
  );
}

function SetGrid({ slot, what }: { slot: Slot; what: string }) {
  const { errors, act, weights, previewUnit } = useBuilder();
  const setsError = fieldId('slot', slot.key, 'sets');
  const focusNewSet = useRef(false);

  useEffect(() => {
    if (!focusNewSet.current) return;
    focusNewSet.current = false;
    const last = slot.sets.at(-1);
    if (last) document.getElementById(domIdOf(fieldId('set', last.key, 'percentage')))?.focus();
  }, [slot.sets]);

  return (
    <div className="set-grid">
      <FieldMessage errors={errors} id={setsError} focusable />
      {slot.sets.length > 0 && (
        <div className="table-scroll">
          <table className="set-grid__table">
            <caption className="visually-hidden">Sets of {what}</caption>
            <thead>
              <tr>
                <th scope="col">Set</th>
                <th scope="col">%</th>
                <th scope="col">Reps</th>
                <th scope="col">AMRAP</th>
                <th scope="col">Progression</th>
                <th scope="col" className="num">
                  Preview
                </th>
                <th scope="col">
                  <span className="visually-hidden">Order and removal</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {slot.sets.map((set, i) => (
                <SetGridRow
                  key={set.key}
                  set={set}
                  index={i}
                  count={slot.sets.length}
                  weight={weights[set.key]}
                  unit={previewUnit}
                  what={what}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <button
        type="button"
        className="button button--ghost"
        onClick={() => {
          focusNewSet.current = true;
          act({ type: 'addSet', slotKey: slot.key }, setsError);
        }}
      >
        + Add set
      </button>
    </div>
  );
}

type SetNumberCellProps = {
  id: string;
  label: string;
  inputMode: 'decimal' | 'numeric';
  value: string;
  onChange: (value: string) => void;
};

/** A number cell of the set grid (% or reps), with its field error underneath. */
function SetNumberCell({ id, label, inputMode, value, onChange }: SetNumberCellProps) {
  const { errors } = useBuilder();
  return (
    <td>
      <input
        {...controlProps(errors, id)}
        className="field__input set-grid__number"
        inputMode={inputMode}
        autoComplete="off"
        aria-label={label}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <FieldMessage errors={errors} id={id} />
    </td>
  );
}

type SetGridRowProps = {
  set: SetRow;
  index: number;
  count: number;
  weight: number | null | undefined;
  unit: string;
  what: string;
};

const SetGridRow = memo(function SetGridRow({ set, index, count, weight, unit, what }: SetGridRowProps) {
  const { errors, act, remove } = useBuilder();
  const n = index + 1;
  const pctId = fieldId('set', set.key, 'percentage');
  const repsId = fieldId('set', set.key, 'reps');
  const amrapId = fieldId('set', set.key, 'isAmrap');
  const progressionId = fieldId('set', set.key, 'isProgression');
  const rowError = fieldId('set', set.key);
  return (
    <tr className={set.isProgression ? 'set-grid__row--progression' : undefined}>
      <th scope="row">
        {n}
        <FieldMessage errors={errors} id={rowError} focusable />
      </th>
      <SetNumberCell
        id={pctId}
        label={`Set ${n} percentage`}
        inputMode="decimal"
        value={set.percent}
        onChange={(percent) => act({ type: 'updateSet', setKey: set.key, patch: { percent } }, pctId)}
      />
      <SetNumberCell
        id={repsId}
        label={`Set ${n} reps`}
        inputMode="numeric"
        value={set.reps}
        onChange={(reps) => act({ type: 'updateSet', setKey: set.key, patch: { reps } }, repsId)}
      />
      <td className="center">
        <input
          {...controlProps(errors, amrapId)}
          type="checkbox"
          className="checkbox"
          aria-label={`Set ${n} AMRAP`}
          checked={set.isAmrap}
          onChange={(event) =>
            act({ type: 'updateSet', setKey: set.key, patch: { isAmrap: event.target.checked } }, [
              amrapId,
              progressionId,
            ])
          }
        />
      </td>
      <td className="center">
        <input
          {...controlProps(errors, progressionId)}
          type="checkbox"
          className="checkbox"
          aria-label={`Set ${n} progression`}
          title={set.isAmrap ? 'This AMRAP set moves the training max' : 'Only an AMRAP set can drive progression'}
          disabled={!set.isAmrap}
          checked={set.isProgression}
          onChange={(event) =>
            act({ type: 'updateSet', setKey: set.key, patch: { isProgression: event.target.checked } }, progressionId)
          }
        />
        <FieldMessage errors={errors} id={progressionId} />
      </td>
      <td className="num set-grid__weight">
        {weight === undefined ? '…' : weight === null ? '—' : `${weight} ${unit}`}
      </td>
      <td>
        <div className="set-grid__actions">
          <button
            type="button"
            className="icon-button"
            aria-label={`Move set ${n} of ${what} up`}
            disabled={index === 0}
            onClick={() => act({ type: 'moveSet', setKey: set.key, by: -1 })}
          >
            ↑
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Move set ${n} of ${what} down`}
            disabled={index === count - 1}
            onClick={() => act({ type: 'moveSet', setKey: set.key, by: 1 })}
          >
            ↓
          </button>
          <button
            type="button"
            className="icon-button icon-button--danger"
            aria-label={`Remove set ${n} of ${what}`}
            onClick={() => remove({ type: 'removeSet', setKey: set.key }, `Removed set ${n} of ${what}`)}
          >
            ✕
          </button>
        </div>
      </td>
    </tr>
  );
});
