import { convertWeight, toNumber, toStoredWeight, type Unit, type WorkoutSummaryDto } from '@liftplan/domain';
import { Link } from 'react-router-dom';
import { Badge } from '@/components/Badge';
import { formatDate, formatIncrease, workoutTitle } from '@/lib/format';
import { paths } from '@/lib/paths';

const STATUS_LABEL = {
  completed: 'Completed',
  abandoned: 'Abandoned',
  in_progress: 'In progress',
  skipped: 'Skipped',
} as const;
const STATUS_TONE = { completed: 'success', abandoned: 'warning', in_progress: 'primary', skipped: 'neutral' } as const;

/** The last few workouts, each opening its page. */
type RecentWorkoutsProps = {
  workouts: WorkoutSummaryDto[];
  /** An exercise's name (progression results carry only its id and slug). */
  nameOf: (exerciseId: number, slug: string) => string;
  /** Cycle length of a workout's plan, when known (the current plan's). */
  cycleWeeksOf?: (workout: WorkoutSummaryDto) => number;
  /** The lifter's unit: a workout done before a unit switch shows its TM changes converted, never mixed units. */
  unit?: Unit;
};

/** A TM change recorded in the workout's unit, in the unit the dashboard shows (2 decimals, exact). */
function increaseIn(increase: number, from: Unit, to: Unit): number {
  return from === to ? increase : toNumber(toStoredWeight(convertWeight(String(increase), from, to)));
}

export function RecentWorkouts({ workouts, nameOf, cycleWeeksOf = () => 1, unit }: RecentWorkoutsProps) {
  return (
    <ul className="workout-list">
      {workouts.map((workout) => {
        const raised = (workout.progression ?? []).filter((p) => p.increase > 0);
        return (
          <li key={workout.id} className="workout-list__item">
            <Link className="workout-list__link" to={paths.workout(workout.id)}>
              <span className="workout-list__title">{workoutTitle(workout, cycleWeeksOf(workout))}</span>
              <span className="workout-list__meta">
                {formatDate(workout.completedAt ?? workout.createdAt)}
                {workout.status !== 'skipped' && ` · ${workout.completedSetCount}/${workout.setCount} sets`}
              </span>
            </Link>
            <span className="workout-list__badges">
              <Badge tone={STATUS_TONE[workout.status]}>{STATUS_LABEL[workout.status]}</Badge>
              {raised.map((p) => (
                <Badge key={p.exerciseId} tone="success">
                  {nameOf(p.exerciseId, p.slug)}{' '}
                  {formatIncrease(increaseIn(p.increase, workout.unit, unit ?? workout.unit), unit ?? workout.unit)}
                </Badge>
              ))}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
