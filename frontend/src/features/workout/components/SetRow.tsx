import type { WorkoutSetDto } from '@liftplan/domain';
import { useId } from 'react';
import { formatPercent, formatReps, formatWeight, pluralize, type Unit } from '@/lib/format';
import type { SetPatch } from '../api/set-save-queue';
import { PlateBreakdown } from './PlateBreakdown';
import { RepStepper } from './RepStepper';
import type { RowSaveState } from './save-health';
import { SetLogDetails } from './SetLogDetails';
import { WeightInput } from './WeightInput';

type SetRowProps = {
  set: WorkoutSetDto;
  unit: Unit;
  /** When the server doesn't have this set's latest change: kept on the device (offline), or failing to save. */
  saveState?: RowSaveState;
  readOnly: boolean;
  onToggle: (set: WorkoutSetDto) => void;
  onReps: (set: WorkoutSetDto, reps: number | null) => void;
  onWeight: (set: WorkoutSetDto, weight: number | null) => void;
  /** For a set the lifter weighs: the weight offered until one is entered (the set before's). */
  offeredWeight?: number | null;
  /** Logs weight / reps / RPE / note / skip (SetLogDetails); without it the row offers only done and AMRAP reps. */
  onLog?: (set: WorkoutSetDto, patch: SetPatch) => void;
  /** The lifter's weight increment, for the weight's − / + (default 2.5). */
  increment?: number;
};

/** An accessory set without a percentage: the plan leaves its weight to the lifter. */
export const needsOwnWeight = (set: WorkoutSetDto) => set.prescribedWeight === null;

/**
 * One prescribed set. The whole card is a toggle button (aria-pressed) for "done"; AMRAP sets add a rep stepper
 * below it, accessory sets without a prescribed weight a weight field. A set whose change the server doesn't have
 * yet says so.
 */
export function SetRow({
  set,
  unit,
  saveState,
  readOnly,
  onToggle,
  onReps,
  onWeight,
  offeredWeight = null,
  onLog,
  increment = 2.5,
}: SetRowProps) {
  const platesId = useId();
  const ownWeight = needsOwnWeight(set);
  const shownWeight = ownWeight ? set.actualWeight : set.prescribedWeight;
  const weight = shownWeight === null ? 'your weight' : formatWeight(shownWeight, unit);
  const reps = formatReps(set.prescribedReps, set.isAmrap, set.repsMax);
  const name = [
    `Set ${set.setOrder}: ${weight} × ${reps}`,
    set.percentage !== null && formatPercent(set.percentage),
    set.kind === 'warmup' && 'warm-up',
    set.isProgression && 'progression set',
  ]
    .filter(Boolean)
    .join(', ');
  const needsReps = set.isAmrap && set.completed && set.actualReps === null;
  const needsWeight = ownWeight && set.completed && set.actualWeight === null;
  // While editable, the rep stepper shows the AMRAP reps; afterwards a tag does.
  const showRepsTag = readOnly && set.isAmrap && set.actualReps !== null;
  const missedReps = !set.isAmrap && set.completed && set.actualReps !== null && set.actualReps < set.prescribedReps;

  const classes = [
    'set-row',
    set.completed && 'set-row--done',
    set.isAmrap && 'set-row--amrap',
    set.kind === 'warmup' && 'set-row--warmup',
    saveState === 'failing' && 'set-row--unsaved',
    saveState === 'kept' && 'set-row--kept',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <li className={classes}>
      <button
        type="button"
        className="set-row__toggle"
        aria-pressed={set.completed}
        aria-label={name}
        aria-describedby={set.plates ? platesId : undefined}
        disabled={readOnly}
        onClick={() => onToggle(set)}
      >
        <span className="set-row__check" aria-hidden="true" />
        <span className="set-row__body">
          <span className="set-row__line">
            <span className="set-row__number" aria-hidden="true">
              {set.setOrder}
            </span>
            <span className="set-row__load">
              <span className={shownWeight === null ? 'set-row__own-weight' : undefined}>{weight}</span>{' '}
              <span className="set-row__times">×</span> <span className="set-row__reps">{reps}</span>
            </span>
            {set.percentage !== null && <span className="set-row__percent">{formatPercent(set.percentage)}</span>}
          </span>
          <PlateBreakdown id={platesId} plates={set.plates} unit={unit} />
          {(set.isProgression || showRepsTag || missedReps) && (
            <span className="set-row__tags">
              {set.isProgression && <span className="tag tag--progression">★ Progression set</span>}
              {showRepsTag && <span className="tag tag--reps">{pluralize(set.actualReps ?? 0, 'rep')}</span>}
              {missedReps && <span className="tag tag--warning">{pluralize(set.actualReps ?? 0, 'rep')}</span>}
            </span>
          )}
        </span>
      </button>
      {set.isAmrap && !readOnly && (
        <RepStepper
          value={set.actualReps}
          suggested={set.prescribedReps}
          setLabel={`set ${set.setOrder}`}
          onChange={(value) => onReps(set, value)}
        />
      )}
      {ownWeight && !readOnly && (
        <WeightInput
          value={set.actualWeight}
          unit={unit}
          offered={offeredWeight}
          setLabel={`set ${set.setOrder}`}
          onChange={(value) => onWeight(set, value)}
        />
      )}
      {onLog && (
        <SetLogDetails
          set={set}
          unit={unit}
          increment={increment}
          readOnly={readOnly}
          onLog={(patch) => onLog(set, patch)}
        />
      )}
      {needsReps && !readOnly && <p className="set-row__hint">Enter how many reps you did.</p>}
      {needsWeight && !readOnly && <p className="set-row__hint">Enter the weight you used.</p>}
      {saveState === 'failing' && <p className="set-row__save-state">Not saved — retrying</p>}
      {saveState === 'kept' && <p className="set-row__save-state set-row__save-state--kept">Kept on this device</p>}
    </li>
  );
}
