import { dec, toNumber, type PlanDayDto, type PlanExerciseDto, type PlanSetDto } from '@liftplan/domain';
import {
  dayTitle,
  formatPercent,
  formatReps,
  formatRest,
  formatWeight,
  pluralize,
  setKindLabel,
  type Unit,
} from '@/lib/format';

/** The lifter's increment, to say what an increment offset adds ("85% + 5 kg"). */
export type IncrementInfo = { weightIncrement: number; unit: Unit };

type PlanDayViewProps = {
  day: PlanDayDto;
  increment?: IncrementInfo;
  /** Makes heading ids unique when several weeks are on the page. */
  idPrefix?: string;
  /** What the percentages are of: the training max, or the 1RM itself in a 1RM-based plan. */
  basis?: Basis;
};

type Basis = 'TM' | '1RM';

/**
 * One day of a plan: per exercise a table of its sets (% of the TM, reps; AMRAP as "8+", ranges as "10–12", the
 * progression set starred). Warm-up sets are muted, supplemental and accessory sets labelled.
 */
export function PlanDayView({ day, increment, idPrefix = '', basis = 'TM' }: PlanDayViewProps) {
  const setCount = day.exercises.reduce((sum, e) => sum + e.sets.filter((s) => s.kind !== 'warmup').length, 0);
  const headingId = `${idPrefix}day-${day.dayNumber}`;
  return (
    <section className="card plan-day" aria-labelledby={headingId}>
      <h3 className="plan-day__title" id={headingId}>
        {dayTitle(day.dayNumber, day.name)}
        <span className="plan-day__count">{pluralize(setCount, 'set')}</span>
      </h3>
      <div className="plan-day__exercises">
        {day.exercises.map((exercise) => (
          <ExerciseTable key={exercise.id} exercise={exercise} increment={increment} basis={basis} />
        ))}
      </div>
    </section>
  );
}

function ExerciseTable({
  exercise,
  increment,
  basis,
}: {
  exercise: PlanExerciseDto;
  increment?: IncrementInfo;
  basis: Basis;
}) {
  const name = exercise.displayName ?? exercise.exercise.name;
  const details = [
    exercise.displayName && exercise.displayName !== exercise.exercise.name ? exercise.exercise.name : null,
    exercise.tmExerciseId !== exercise.exerciseId ? `% of ${exercise.tmExercise.name} ${basis}` : null,
    exercise.restSeconds !== null && exercise.restSeconds > 0 ? `Rest ${formatRest(exercise.restSeconds)}` : null,
  ].filter(Boolean);
  return (
    <table className="set-table">
      <caption>
        <span className="tier">{exercise.tier}</span> {name}
        {details.length > 0 && <span className="set-table__details">{details.join(' · ')}</span>}
      </caption>
      <thead>
        <tr>
          <th scope="col">Set</th>
          <th scope="col">% {basis}</th>
          <th scope="col">Reps</th>
        </tr>
      </thead>
      <tbody>
        {exercise.sets.map((set) => (
          <tr key={set.id} className={rowClass(set)}>
            <th scope="row">
              {set.setOrder}
              {set.kind !== 'main' && <span className={`set-kind set-kind--${set.kind}`}>{kindTag(set.kind)}</span>}
            </th>
            <td>
              <Load set={set} increment={increment} />
            </td>
            <td>
              {formatReps(set.reps, set.isAmrap, set.repsMax)}
              {set.isAmrap && <span className="visually-hidden"> (as many as possible)</span>}
              {set.isProgression && (
                <span className="progression-mark" title="Progression set: its reps move the training max">
                  <span aria-hidden="true"> ★</span>
                  <span className="visually-hidden">, progression set</span>
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Load({ set, increment }: { set: PlanSetDto; increment?: IncrementInfo }) {
  if (set.percentage === null) return <span className="muted">your weight</span>;
  if (set.incrementOffset === 0) return <>{formatPercent(set.percentage)}</>;
  const sign = set.incrementOffset > 0 ? '+' : '−';
  const steps = Math.abs(set.incrementOffset);
  const added = increment
    ? formatWeight(toNumber(dec(increment.weightIncrement).mul(steps)), increment.unit)
    : pluralize(steps, 'increment');
  return (
    <>
      {formatPercent(set.percentage)}{' '}
      <span className="set-table__offset">
        {sign} {added}
      </span>
    </>
  );
}

function rowClass(set: PlanSetDto): string | undefined {
  const classes = [set.isAmrap && 'set-table__amrap', set.kind === 'warmup' && 'set-table__warmup'].filter(Boolean);
  return classes.length > 0 ? classes.join(' ') : undefined;
}

function kindTag(kind: PlanSetDto['kind']): string {
  return kind === 'warmup' ? 'warm-up' : setKindLabel(kind).toLowerCase();
}
