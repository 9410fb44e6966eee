import type { PlanDayDto } from '@liftplan/domain';
import { Badge } from '@/components/Badge';
import { Button } from '@/components/Button';
import { dayTitle, pluralize } from '@/lib/format';

type DayCardProps = {
  day: PlanDayDto;
  isNext: boolean;
  /** Done, skipped or in progress this week, when known. */
  status: { label: string; tone: 'success' | 'neutral' | 'primary' } | null;
  isStarting: boolean;
  disabled: boolean;
  onStart: () => void;
};

/** A day of the current week: its exercises, and a button to start it. The suggested next day stands out. */
export function DayCard({ day, isNext, status, isStarting, disabled, onStart }: DayCardProps) {
  const titleId = `day-tile-${day.dayNumber}`;
  const slots = day.exercises.filter((e) => e.sets.some((s) => s.kind !== 'warmup'));
  return (
    <li className={`card day-tile${isNext ? ' day-tile--next' : ''}`} aria-labelledby={titleId}>
      <div className="day-tile__header">
        <h3 className="day-tile__title" id={titleId}>
          {dayTitle(day.dayNumber, day.name)}
        </h3>
        {isNext && <Badge tone="primary">Next</Badge>}
        {!isNext && status && <Badge tone={status.tone}>{status.label}</Badge>}
      </div>
      <ul className="day-tile__exercises">
        {slots.map((exercise) => (
          <li key={exercise.id}>
            <span className="tier">{exercise.tier}</span> {exercise.displayName ?? exercise.exercise.name}{' '}
            <span className="muted">· {pluralize(exercise.sets.filter((s) => s.kind !== 'warmup').length, 'set')}</span>
          </li>
        ))}
      </ul>
      <Button
        variant={isNext ? 'primary' : 'secondary'}
        fullWidth
        isLoading={isStarting}
        disabled={disabled}
        onClick={onStart}
        aria-describedby={titleId}
      >
        Start day {day.dayNumber}
      </Button>
    </li>
  );
}
