import type { EnrolmentDto, ScheduleSessionDto, ScheduleStatus } from '@liftplan/domain';
import { weekdayName } from '@/components/TrainingDaysPicker';
import { formatInstantDate, formatPlainDate } from '@/lib/plain-date';

type Tone = 'neutral' | 'primary' | 'success' | 'warning';

/** Each status in words (colour only repeats it), with the pill tone it is shown in. */
export const SCHEDULE_STATUS: Record<ScheduleStatus, { label: string; tone: Tone }> = {
  scheduled: { label: 'Planned', tone: 'neutral' },
  completed: { label: 'Done ✓', tone: 'success' },
  skipped: { label: 'Skipped', tone: 'neutral' },
  missed: { label: 'Missed', tone: 'neutral' },
  catch_up: { label: 'Catch up', tone: 'warning' },
};

/** "W3 D1 · Squat"; a plan of one-week cycles needs no week: "D1 · Squat". */
export function sessionLabel(session: ScheduleSessionDto, cycleWeeks: number): string {
  const position = cycleWeeks > 1 ? `W${session.weekNumber} D${session.dayNumber}` : `D${session.dayNumber}`;
  return session.dayName ? `${position} · ${session.dayName}` : position;
}

/**
 * Where the lifter is in a finite program ("Week 3 of 6 · ends Dec 20"), and since when it is paused ("Paused since
 * Dec 11"). Null for a repeating program that runs: the plan's position line already says "Cycle 2 · Week 1 of 3".
 */
export function programProgressLine(enrolment: EnrolmentDto): string | null {
  const { progress, expectedEndDate } = enrolment;
  const finite = progress.programWeeks !== null;
  if (enrolment.status === 'paused') {
    const since = enrolment.pausedAt ? ` since ${formatInstantDate(enrolment.pausedAt, enrolment.timeZone)}` : '';
    return `Paused${since}` + (finite ? ` · week ${progress.programWeek} of ${progress.programWeeks}` : '');
  }
  if (!finite) return null;
  const ends = expectedEndDate ? ` · ends ${formatPlainDate(expectedEndDate)}` : '';
  return `Week ${progress.programWeek} of ${progress.programWeeks}${ends}`;
}

/** "Mon, Wed, Fri from Dec 9": the training days and the program's first day. */
export function trainingDaysLine(enrolment: EnrolmentDto): string {
  const days = enrolment.preferredDays.map((day) => weekdayName(day, 'short')).join(', ');
  return `${days} from ${formatPlainDate(enrolment.startDate)}`;
}
