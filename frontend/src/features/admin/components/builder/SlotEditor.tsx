import { memo, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatQuickEntry, parseQuickEntry, type QuickEntrySet } from '@liftplan/domain';
import { domIdOf, fieldId } from '../../builder/builder-errors';
import {
  canDriveProgression,
  SET_KIND_OPTIONS,
  setsAsQuickEntry,
  type SetKind,
  type SetRow,
  type Slot,
} from '../../builder/builder-state';
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
  const restId = fieldId('slot', slot.key, 'restSeconds');
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
        <div className="field slot__rest">
          <label className="field__label" htmlFor={domIdOf(restId)}>
            Rest (s)
          </label>
          <input
            {...controlProps(errors, restId)}
            className="field__input"
            inputMode="numeric"
            autoComplete="off"
            placeholder="e.g. 180"
            value={slot.restSeconds}
            onChange={(event) =>
              act({ type: 'updateSlot', slotKey: slot.key, patch: { restSeconds: event.target.value } }, restId)
            }
          />
          <FieldMessage errors={errors} id={restId} />
        </div>
      </div>

      <QuickEntryField slot={slot} />
      <SetGrid slot={slot} what={what} />
    </fieldset>
  );
});

/**
 * Shorthand for the whole grid: `65x8, 75x6, 85x4x3, 65x8+` (`x3` = three such sets, `+` = AMRAP). `|` starts the
 * next week, so a wave is typed once: `65x5, 75x5, 85x5+ | 70x3, 80x3, 90x3+ | …` fills this exercise in this week
 * and the same exercise of the following weeks (added as copies of this week when they don't exist yet). Shows the
 * grid as shorthand while not being edited; Enter (or leaving the field) fills the grid.
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
    const parsed = parseWave(text);
    if (!parsed.ok) {
      setError(parsed.error);
      return false;
    }
    setError(null);
    const clears = fieldId('slot', slot.key, 'sets');
    if (parsed.weeks.length === 1) act({ type: 'quickEntry', slotKey: slot.key, sets: parsed.weeks[0]! }, clears);
    else act({ type: 'quickEntryWave', slotKey: slot.key, weeks: parsed.weeks }, clears);
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
        % × reps, comma-separated: <code>85x4x3</code> = 3 sets, <code>65x8+</code> = AMRAP; <code>|</code> starts the
        next week (<code>65x5, 75x5, 85x5+ | 70x3, 80x3, 90x3+</code>). Enter fills the grid (a T1’s highest-% AMRAP
        becomes the progression set).
      </p>
    </div>
  );
}

type WaveResult = { ok: true; weeks: Array<QuickEntrySet[] | null> } | { ok: false; error: string };

/** `a | b | c`: one scheme per week (an empty one leaves that week as it is). */
function parseWave(text: string): WaveResult {
  const segments = text.split('|').map((segment) => segment.trim());
  if (segments.length === 1) {
    const parsed = parseQuickEntry(segments[0]!);
    return parsed.ok ? { ok: true, weeks: [parsed.sets] } : parsed;
  }
  const weeks: Array<QuickEntrySet[] | null> = [];
  for (const [i, segment] of segments.entries()) {
    if (segment === '') {
      weeks.push(null);
      continue;
    }
    const parsed = parseQuickEntry(segment);
    if (!parsed.ok) return { ok: false, error: `Week ${i + 1} of the wave: ${parsed.error}` };
    weeks.push(parsed.sets);
  }
  return weeks.some(Boolean) ? { ok: true, weeks } : { ok: false, error: 'enter sets like 65x8, 85x4x3, 65x8+' };
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
                <th scope="col">Kind</th>
                <th scope="col">%</th>
                <th scope="col">Reps</th>
                <th scope="col">
                  <abbr title="Rep range top, e.g. 12 for 8–12 (optional)">to</abbr>
                </th>
                <th scope="col">
                  <abbr title="Increment offset: whole increments added after rounding, e.g. +1">±</abbr>
                </th>
                <th scope="col">AMRAP</th>
                <th scope="col">
                  <abbr title="Progression set: moves the training max">Prog.</abbr>
                </th>
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
  inputMode: 'decimal' | 'numeric' | 'text';
  value: string;
  placeholder?: string;
  narrow?: boolean;
  onChange: (value: string) => void;
};

/** A number cell of the set grid (%, reps, rep range top, offset), with its field error underneath. */
function SetNumberCell({ id, label, inputMode, value, placeholder, narrow, onChange }: SetNumberCellProps) {
  const { errors } = useBuilder();
  return (
    <td>
      <input
        {...controlProps(errors, id)}
        className={`field__input set-grid__number${narrow ? ' set-grid__number--narrow' : ''}`}
        inputMode={inputMode}
        autoComplete="off"
        aria-label={label}
        placeholder={placeholder}
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
  const { errors, act, remove, targetProgression } = useBuilder();
  const n = index + 1;
  const kindId = fieldId('set', set.key, 'kind');
  const pctId = fieldId('set', set.key, 'percentage');
  const repsId = fieldId('set', set.key, 'reps');
  const repsMaxId = fieldId('set', set.key, 'repsMax');
  const offsetId = fieldId('set', set.key, 'incrementOffset');
  const amrapId = fieldId('set', set.key, 'isAmrap');
  const progressionId = fieldId('set', set.key, 'isProgression');
  const rowError = fieldId('set', set.key);
  const progressionAllowed = canDriveProgression(set.kind) && (set.isAmrap || targetProgression);
  const noPercentage = set.kind === 'accessory' && set.percent.trim() === '';
  const rowClass = [
    set.isProgression && 'set-grid__row--progression',
    set.kind === 'warmup' && 'set-grid__row--warmup',
    (set.kind === 'accessory' || set.kind === 'supplemental') && 'set-grid__row--secondary',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <tr className={rowClass || undefined}>
      <th scope="row">
        {n}
        <FieldMessage errors={errors} id={rowError} focusable />
      </th>
      <td>
        <select
          {...controlProps(errors, kindId)}
          className="field__input set-grid__kind"
          aria-label={`Set ${n} kind`}
          value={set.kind}
          onChange={(event) =>
            act({ type: 'updateSet', setKey: set.key, patch: { kind: event.target.value as SetKind } }, [
              kindId,
              pctId,
              progressionId,
            ])
          }
        >
          {SET_KIND_OPTIONS.map((option) => (
            <option key={option.kind} value={option.kind}>
              {option.label}
            </option>
          ))}
        </select>
        <FieldMessage errors={errors} id={kindId} />
      </td>
      <SetNumberCell
        id={pctId}
        label={`Set ${n} percentage`}
        inputMode="decimal"
        placeholder={set.kind === 'accessory' ? 'none' : undefined}
        value={set.percent}
        onChange={(percent) => act({ type: 'updateSet', setKey: set.key, patch: { percent } }, pctId)}
      />
      <SetNumberCell
        id={repsId}
        label={`Set ${n} reps`}
        inputMode="numeric"
        narrow
        value={set.reps}
        onChange={(reps) => act({ type: 'updateSet', setKey: set.key, patch: { reps } }, [repsId, repsMaxId])}
      />
      <SetNumberCell
        id={repsMaxId}
        label={`Set ${n} max reps`}
        inputMode="numeric"
        narrow
        value={set.repsMax}
        onChange={(repsMax) => act({ type: 'updateSet', setKey: set.key, patch: { repsMax } }, repsMaxId)}
      />
      <SetNumberCell
        id={offsetId}
        label={`Set ${n} increment offset`}
        inputMode="text"
        narrow
        placeholder="0"
        value={set.offset}
        onChange={(offset) => act({ type: 'updateSet', setKey: set.key, patch: { offset } }, offsetId)}
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
          title={
            !canDriveProgression(set.kind)
              ? 'Only a main or supplemental set can drive progression'
              : progressionAllowed
                ? 'This set moves the training max'
                : 'Only an AMRAP set can drive progression (or add a reps-over-target or stall-reset rule)'
          }
          disabled={!progressionAllowed && !set.isProgression}
          checked={set.isProgression}
          onChange={(event) =>
            act({ type: 'updateSet', setKey: set.key, patch: { isProgression: event.target.checked } }, progressionId)
          }
        />
        <FieldMessage errors={errors} id={progressionId} />
      </td>
      <td className="num set-grid__weight">
        {weight === undefined ? (
          '…'
        ) : weight === null ? (
          noPercentage ? (
            <span title="No percentage: the lifter enters the weight">lifter</span>
          ) : (
            '—'
          )
        ) : (
          `${weight} ${unit}`
        )}
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
