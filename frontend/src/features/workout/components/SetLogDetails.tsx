import { dec, RPE_MAX, RPE_MIN, SET_NOTE_MAX, toNumber, type WorkoutSetDto } from '@liftplan/domain';
import { useId, useState } from 'react';
import { formatNumber, formatWeight, type Unit } from '@/lib/format';
import type { SetPatch } from '../api/set-save-queue';
import { RepStepper } from './RepStepper';
import { parseWeightInput } from './WeightInput';
import '../logging.css';

/** 6, 6.5, … 10. */
export const RPE_CHOICES: number[] = Array.from({ length: (RPE_MAX - RPE_MIN) * 2 + 1 }, (_, i) => RPE_MIN + i / 2);

const MAX_WEIGHT = 9999.99;

type SetLogDetailsProps = {
  set: WorkoutSetDto;
  unit: Unit;
  /** The lifter's weight increment: one tap of − / + on the weight. */
  increment: number;
  readOnly: boolean;
  /** Every change goes through the workout's offline-safe save queue. */
  onLog: (patch: SetPatch) => void;
};

/**
 * What was really done on a set, beyond "done": the weight lifted (the prescribed one until changed; ± one increment
 * or typed), the reps (AMRAP sets have their own stepper above), an RPE 6–10 in halves, a note, or skipping the set.
 * Folded behind one button per set so a 17-set day stays scannable at 375 px; the button shows what was logged.
 */
export function SetLogDetails({ set, unit, increment, readOnly, onLog }: SetLogDetailsProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const summary = logSummary(set, unit);
  const label = `set ${set.setOrder}`;

  if (readOnly) return summary ? <p className="set-log__summary set-log__summary--read">{summary}</p> : null;

  return (
    <div className="set-log">
      <button
        type="button"
        className="set-log__toggle"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        aria-label={`${open ? 'Hide details' : set.skipped ? 'Skipped' : 'Weight, reps, RPE, note'}, ${label}`}
        aria-describedby={summary && !set.skipped ? `${id}-summary` : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true">{open ? 'Hide details' : set.skipped ? 'Skipped' : 'Weight, reps, RPE, note'}</span>
        {summary && !set.skipped && (
          <span className="set-log__summary" id={`${id}-summary`}>
            {summary}
          </span>
        )}
      </button>
      <div id={`${id}-panel`} className="set-log__panel" hidden={!open}>
        {open && (
          <>
            {set.prescribedWeight !== null && !set.skipped && (
              <WeightStepper set={set} unit={unit} increment={increment} label={label} onLog={onLog} />
            )}
            {!set.isAmrap && !set.skipped && (
              <RepStepper
                value={repsDone(set)}
                suggested={set.prescribedReps}
                placeholder={String(set.prescribedReps)}
                setLabel={label}
                onChange={(reps) =>
                  onLog(reps === null ? { actualReps: null } : { actualReps: reps, completed: true, skipped: false })
                }
              />
            )}
            {!set.skipped && (
              <div className="set-log__field">
                <label htmlFor={`${id}-rpe`}>
                  RPE<span className="visually-hidden">, {label}</span>
                </label>
                <select
                  id={`${id}-rpe`}
                  className="set-log__rpe"
                  value={set.rpe === null ? '' : String(set.rpe)}
                  onChange={(event) => onLog({ rpe: event.target.value === '' ? null : Number(event.target.value) })}
                >
                  <option value="">—</option>
                  {RPE_CHOICES.map((rpe) => (
                    <option key={rpe} value={String(rpe)}>
                      {formatNumber(rpe)}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <NoteField value={set.note} label={label} onSave={(note) => onLog({ note })} />
            <button
              type="button"
              className="button button--secondary set-log__skip"
              aria-pressed={set.skipped}
              aria-label={`${set.skipped ? 'Undo skip' : 'Skip this set'}, ${label}`}
              onClick={() =>
                onLog(set.skipped ? { skipped: false, completed: false } : { skipped: true, completed: false })
              }
            >
              {set.skipped ? 'Undo skip' : 'Skip this set'}
            </button>
          </>
        )}
      </div>
    </div>
  );
}

/** "107.5 kg × 4 · RPE 8.5 · note": what the lifter logged beyond the plan, or null when nothing. */
export function logSummary(set: WorkoutSetDto, unit: Unit): string | null {
  if (set.skipped) return set.note ? `Skipped · “${set.note}”` : 'Skipped';
  const parts: string[] = [];
  const weightChanged =
    set.actualWeight !== null && set.prescribedWeight !== null && set.actualWeight !== set.prescribedWeight;
  const reps = repsDone(set);
  const repsLogged = !set.isAmrap && reps !== null && reps !== set.prescribedReps;
  if (weightChanged || repsLogged) {
    const weight = formatWeight(set.actualWeight ?? set.prescribedWeight ?? 0, unit);
    parts.push(reps === null ? weight : `${weight} × ${reps}`);
  }
  if (set.rpe !== null) parts.push(`RPE ${formatNumber(set.rpe)}`);
  if (set.note) parts.push(`“${set.note}”`);
  return parts.length ? parts.join(' · ') : null;
}

/** The reps done: logged, or — a regular set ticked without any — the prescribed ones (what the server records). */
const repsDone = (set: WorkoutSetDto): number | null =>
  set.actualReps ?? (set.completed && !set.isAmrap ? set.prescribedReps : null);

function WeightStepper({
  set,
  unit,
  increment,
  label,
  onLog,
}: {
  set: WorkoutSetDto;
  unit: Unit;
  increment: number;
  label: string;
  onLog: (patch: SetPatch) => void;
}) {
  const id = useId();
  const current = set.actualWeight ?? set.prescribedWeight ?? 0;
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const text = draft ?? formatNumber(current).replace(/,/g, '');

  const save = (weight: number) => {
    if (weight !== set.actualWeight) onLog({ actualWeight: weight });
  };
  // Exact decimals: 102.5 + 2.5, never a binary-float sum.
  const step = (direction: 1 | -1) => {
    const next = toNumber(dec(current).plus(dec(increment).mul(direction)));
    if (next <= 0 || next > MAX_WEIGHT) return;
    setDraft(null);
    setError(null);
    save(next);
  };
  const commit = () => {
    if (draft === null) return;
    const parsed = parseWeightInput(draft);
    if ('error' in parsed) return setError(parsed.error);
    if (parsed.value === null || parsed.value <= 0) return setError('Enter the weight you lifted');
    setError(null);
    setDraft(null);
    save(parsed.value);
  };

  return (
    <div className="set-log__field set-log__weight">
      <label htmlFor={id}>
        Weight<span className="visually-hidden">, {label}</span> ({unit})
      </label>
      <div className="set-log__weight-controls">
        <button
          type="button"
          className="set-log__step"
          aria-label={`${formatNumber(increment)} ${unit} less, ${label}`}
          onClick={() => step(-1)}
        >
          <span aria-hidden="true">−</span>
        </button>
        <input
          id={id}
          className="set-log__weight-input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          enterKeyHint="done"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
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
        <button
          type="button"
          className="set-log__step"
          aria-label={`${formatNumber(increment)} ${unit} more, ${label}`}
          onClick={() => step(1)}
        >
          <span aria-hidden="true">+</span>
        </button>
      </div>
      {error && (
        <p className="set-log__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function NoteField({
  value,
  label,
  onSave,
}: {
  value: string | null;
  label: string;
  onSave: (note: string | null) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? value ?? '';
  const commit = () => {
    if (draft === null) return;
    const note = draft.trim() === '' ? null : draft.trim();
    setDraft(null);
    if (note !== value) onSave(note);
  };
  return (
    <div className="set-log__field set-log__note">
      <label htmlFor={id}>
        Note<span className="visually-hidden">, {label}</span>
      </label>
      <textarea
        id={id}
        rows={2}
        maxLength={SET_NOTE_MAX}
        value={text}
        onFocus={() => setDraft(text)}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
      />
    </div>
  );
}
