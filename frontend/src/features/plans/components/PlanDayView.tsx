import type { PlanDayDto, PlanExerciseDto } from '@liftplan/domain';
import { dayTitle, formatPercent, formatReps, pluralize } from '@/lib/format';

/** One day of a plan: per exercise a table of its sets (% of the TM, reps; AMRAP as "8+", the progression set starred). */
export function PlanDayView({ day }: { day: PlanDayDto }) {
  const setCount = day.exercises.reduce((sum, e) => sum + e.sets.length, 0);
  return (
    <section className="card plan-day" aria-labelledby={`day-${day.dayNumber}`}>
      <h3 className="plan-day__title" id={`day-${day.dayNumber}`}>
        {dayTitle(day.dayNumber, day.name)}
        <span className="plan-day__count">{pluralize(setCount, 'set')}</span>
      </h3>
      <div className="plan-day__exercises">
        {day.exercises.map((exercise) => (
          <ExerciseTable key={exercise.id} exercise={exercise} />
        ))}
      </div>
    </section>
  );
}

function ExerciseTable({ exercise }: { exercise: PlanExerciseDto }) {
  const name = exercise.displayName ?? exercise.exercise.name;
  const details = [
    exercise.displayName && exercise.displayName !== exercise.exercise.name ? exercise.exercise.name : null,
    exercise.tmExerciseId !== exercise.exerciseId ? `% of ${exercise.tmExercise.name} TM` : null,
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
          <th scope="col">% TM</th>
          <th scope="col">Reps</th>
        </tr>
      </thead>
      <tbody>
        {exercise.sets.map((set) => (
          <tr key={set.id} className={set.isAmrap ? 'set-table__amrap' : undefined}>
            <th scope="row">{set.setOrder}</th>
            <td>{formatPercent(set.percentage)}</td>
            <td>
              {formatReps(set.reps, set.isAmrap)}
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
