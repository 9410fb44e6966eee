import type { WorkoutSummaryDto } from '@liftplan/domain';
import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { Badge } from '@/components/Badge';
import { QueryState } from '@/components/QueryState';
import { formatDate, formatIncrease, workoutTitle } from '@/lib/format';
import { paths } from '@/lib/paths';
import { useHistoryWorkout } from '../api/history-api';
import { PlannedVsActual } from './PlannedVsActual';

const STATUS = {
  completed: { label: 'Completed', tone: 'success' },
  abandoned: { label: 'Abandoned', tone: 'warning' },
  in_progress: { label: 'In progress', tone: 'primary' },
  skipped: { label: 'Skipped', tone: 'neutral' },
} as const;

/** A personal record: the set it was lifted on (GET /api/progress). */
type PrPoint = { exerciseId: number; setId: number };

type WorkoutHistoryItemProps = {
  workout: WorkoutSummaryDto;
  /** Personal records set in this workout. */
  records: PrPoint[];
  nameOf: (exerciseId: number, slug: string) => string;
  /** Cycle length of the workout's plan when known: plans of several weeks show the week in the title. */
  cycleWeeks?: number;
};

/** One past workout; expands to its sets, planned vs done. */
export function WorkoutHistoryItem({ workout, records, nameOf, cycleWeeks = 1 }: WorkoutHistoryItemProps) {
  const [expanded, setExpanded] = useState(false);
  const panelId = useId();
  const status = STATUS[workout.status];
  const changes = (workout.progression ?? []).filter((p) => p.increase !== 0);
  const date = formatDate(workout.completedAt ?? workout.createdAt);
  const title = workoutTitle(workout, cycleWeeks);
  const skipped = workout.status === 'skipped';

  return (
    <li className="card history-item">
      <div className="history-item__header">
        <h3 className="history-item__title">
          <Link to={paths.workout(workout.id)}>{title}</Link>
        </h3>
        <span className="history-item__badges">
          <Badge tone={status.tone}>{status.label}</Badge>
          {records.length > 0 && <Badge tone="success">PR</Badge>}
        </span>
      </div>
      <p className="history-item__meta muted">
        {date}
        {workout.planName && ` · ${workout.planName}`}
        {skipped ? ' · skipped, no sets done' : ` · ${workout.completedSetCount}/${workout.setCount} sets`}
      </p>
      {workout.note && <p className="history-item__note">Note: {workout.note}</p>}
      {changes.length > 0 && (
        <p className="history-item__changes">
          {changes
            .map((p) => `${nameOf(p.exerciseId, p.slug)} TM ${formatIncrease(p.increase, workout.unit)}`)
            .join(' · ')}
        </p>
      )}
      {!skipped && (
        <button
          type="button"
          className="disclosure"
          aria-expanded={expanded}
          aria-controls={panelId}
          onClick={() => setExpanded((value) => !value)}
        >
          {expanded ? 'Hide sets' : 'Show sets'}
          <span className="visually-hidden">
            {' '}
            of {title}, {date}
          </span>
        </button>
      )}
      {!skipped && (
        <div id={panelId} hidden={!expanded}>
          {expanded && <WorkoutSets workoutId={workout.id} records={records} />}
        </div>
      )}
    </li>
  );
}

function WorkoutSets({ workoutId, records }: { workoutId: number; records: PrPoint[] }) {
  const workout = useHistoryWorkout(workoutId);
  return (
    <QueryState query={workout} loadingLabel="Loading sets…" errorTitle="We couldn't load the sets">
      {({ workout: detail }) => {
        const recordSetIds = new Set(records.map((r) => r.setId));
        return <PlannedVsActual workout={detail} recordSetIds={recordSetIds} />;
      }}
    </QueryState>
  );
}
