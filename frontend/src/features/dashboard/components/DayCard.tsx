import type { PlanDayDto } from '@liftplan/domain';
import { Badge } from '@/components/Badge';
import { Button } from '@/components/Button';
import { dayTitle, pluralize } from '@/lib/format';

type DayCardProps = {
  day: PlanDayDto;
  isNext: boolean;
  isStarting: boolean;
  disabled: boolean;
  onStart: (dayNumber: number) => void;
};

/** A plan day: its exercises, and a button to start it. The suggested next day stands out. */
export function DayCard({ day, isNext, isStarting, disabled, onStart }: DayCardProps) {
  const titleId = `day-tile-${day.dayNumber}`;
  return (
    <li className={`card day-tile${isNext ? ' day-tile--next' : ''}`} aria-labelledby={titleId}>
      <div className="day-tile__header">
        <h3 className="day-tile__title" id={titleId}>
          {dayTitle(day.dayNumber, day.name)}
        </h3>
        {isNext && <Badge tone="primary">Next</Badge>}
      </div>
      <ul className="day-tile__exercises">
        {day.exercises.map((exercise) => (
          <li key={exercise.id}>
            <span className="tier">{exercise.tier}</span> {exercise.displayName ?? exercise.exercise.name}{' '}
            <span className="muted">· {pluralize(exercise.sets.length, 'set')}</span>
          </li>
        ))}
      </ul>
      <Button
        variant={isNext ? 'primary' : 'secondary'}
        fullWidth
        isLoading={isStarting}
        disabled={disabled}
        onClick={() => onStart(day.dayNumber)}
        aria-describedby={titleId}
      >
        Start day {day.dayNumber}
      </Button>
    </li>
  );
}
