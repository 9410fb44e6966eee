import type { ScheduleDayDto, ScheduleSessionDto, Unit } from '@liftplan/domain';
import { Link } from 'react-router-dom';
import { Badge } from '@/components/Badge';
import { Button } from '@/components/Button';
import { weekdayName } from '@/components/TrainingDaysPicker';
import { formatReps, formatWeight } from '@/lib/format';
import { paths } from '@/lib/paths';
import { formatPlainDate } from '@/lib/plain-date';
import { SCHEDULE_STATUS, sessionLabel } from './schedule-labels';

export type CatchUpActions = {
  onCatchUp: () => void;
  onSkip: () => void;
  isStarting: boolean;
  disabled: boolean;
};

type ScheduleDayProps = {
  day: ScheduleDayDto;
  unit: Unit;
  cycleWeeks: number;
  catchUp: CatchUpActions;
};

/** One date of the week: its sessions with their status, or that it is a rest day (or paused). */
export function ScheduleDay({ day, unit, cycleWeeks, catchUp }: ScheduleDayProps) {
  const status = day.sessions[0]?.status;
  const classes = [
    'schedule-day',
    status ? `schedule-day--${status}` : 'schedule-day--rest',
    day.isPaused && 'schedule-day--paused',
    day.isToday && 'schedule-day--today',
  ];
  return (
    <li className={classes.filter(Boolean).join(' ')} aria-current={day.isToday ? 'date' : undefined}>
      <p className="schedule-day__date">
        <span className="schedule-day__weekday">{weekdayName(day.weekday, 'short')}</span>{' '}
        <span className="schedule-day__number">{formatPlainDate(day.date)}</span>
        {day.isToday && <Badge tone="primary">Today</Badge>}
      </p>
      <div className="schedule-day__body">
        {day.sessions.length === 0 ? (
          <p className="schedule-day__rest">{day.isPaused ? 'Paused' : 'Rest day'}</p>
        ) : (
          day.sessions.map((session) => (
            <ScheduleSession
              key={`${session.cycle}-${session.weekNumber}-${session.dayNumber}-${session.status}`}
              session={session}
              unit={unit}
              cycleWeeks={cycleWeeks}
              catchUp={catchUp}
            />
          ))
        )}
      </div>
    </li>
  );
}

type ScheduleSessionProps = { session: ScheduleSessionDto; unit: Unit; cycleWeeks: number; catchUp: CatchUpActions };

function ScheduleSession({ session, unit, cycleWeeks, catchUp }: ScheduleSessionProps) {
  const status = session.inProgress
    ? { label: 'In progress', tone: 'primary' as const }
    : SCHEDULE_STATUS[session.status];
  // A missed day stays quiet: its session is offered again as the catch-up.
  const showSets = session.status !== 'missed' && session.topSets.length > 0;
  return (
    <div className="schedule-session">
      <p className="schedule-session__title">
        <span className="schedule-session__name">{sessionLabel(session, cycleWeeks)}</span>{' '}
        <Badge tone={status.tone}>{status.label}</Badge>
        {session.isDeload && session.status !== 'missed' && <Badge tone="warning">Deload</Badge>}
      </p>
      {session.status === 'catch_up' && session.missedDate && (
        <p className="schedule-session__note">Missed on {formatPlainDate(session.missedDate, DAY_AND_DATE)}</p>
      )}
      {showSets && (
        <ul className="schedule-session__sets" aria-label="Top sets">
          {session.topSets.map((set) => (
            <li key={set.exerciseId}>
              <span className="schedule-session__lift">{set.name}</span>{' '}
              <span className="schedule-session__load">
                {set.weight === null ? 'TM needed' : formatWeight(set.weight, unit)} ×{' '}
                {formatReps(set.reps, set.isAmrap, set.repsMax)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <SessionLinkOrActions session={session} catchUp={catchUp} />
    </div>
  );
}

const DAY_AND_DATE: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric' };

function SessionLinkOrActions({ session, catchUp }: { session: ScheduleSessionDto; catchUp: CatchUpActions }) {
  if (session.workoutId !== null && (session.inProgress || session.status === 'completed')) {
    return (
      <Link className="schedule-session__link" to={paths.workout(session.workoutId)}>
        {session.inProgress ? 'Resume workout' : 'View workout'}
      </Link>
    );
  }
  if (session.status !== 'catch_up') return null;
  return (
    <div className="schedule-session__actions">
      <Button isLoading={catchUp.isStarting} disabled={catchUp.disabled} onClick={catchUp.onCatchUp}>
        Catch up
      </Button>
      <Button variant="secondary" disabled={catchUp.disabled} onClick={catchUp.onSkip}>
        Skip
      </Button>
    </div>
  );
}
