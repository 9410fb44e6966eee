import { advancePointer, type PlanPosition, type ScheduleStatus } from '@liftplan/domain';
import { dateOf, dayNumber, isoWeekday, type IsoDate } from './calendar';

// The schedule is computed, not stored: from the enrolment's dates, its preferred days over time, its pauses, the
// workouts done and the pointer. Past preferred days without a workout are "missed"; the pointer stays, so the
// next training day offers the missed session ("catch_up") and the rest shifts. See schedule/README.md.

export type Activity = {
  workoutId: number;
  date: IsoDate;
  status: 'completed' | 'skipped';
  position: PlanPosition;
};

export type LayoutInput = {
  today: IsoDate;
  startDate: IsoDate;
  status: 'active' | 'paused' | 'completed' | 'ended';
  /** Preferred ISO weekdays from a date on, oldest first; the first applies from the start date. */
  daySettings: Array<{ from: IsoDate; days: number[] }>;
  /** Dates from `from` up to, not including, `until` (null: still paused) are not training days. */
  pauses: Array<{ from: IsoDate; until: IsoDate | null }>;
  /** Completed and skipped workouts of the enrolment, in the order they happened. */
  activities: Activity[];
  inProgress: { workoutId: number; position: PlanPosition } | null;
  pointer: PlanPosition;
  /** weekDays[i] = days in week i + 1. */
  weekDays: number[];
  /** Days done in the pointer's cycle, as [week, day]. */
  doneInCycle: Array<[number, number]>;
  /** How many times the cycle runs; null repeats. */
  cycles: number | null;
};

export type LaidSession = {
  date: IsoDate;
  status: ScheduleStatus;
  position: PlanPosition;
  workoutId: number | null;
  inProgress: boolean;
  missedDate: IsoDate | null;
};

export type Layout = {
  sessions: LaidSession[];
  /** The last session's date of a finite program, laid out as from today (null: repeating or not running). */
  expectedEndDate: IsoDate | null;
  isTrainingDay: (date: IsoDate) => boolean;
  isPaused: (date: IsoDate) => boolean;
};

/** Sessions dated from..to (inclusive). */
export function layoutSchedule(input: LayoutInput, from: IsoDate, to: IsoDate): Layout {
  const calendar = trainingCalendar(input);
  const today = dayNumber(input.today);
  const [first, last] = [dayNumber(from), dayNumber(to)];
  const past = pastSessions(input, calendar, today, first, last);
  const future = futureSessions(input, calendar, today, past.openMiss, last);
  const inRange = (s: LaidSession) => dayNumber(s.date) >= first && dayNumber(s.date) <= last;
  return {
    sessions: [...past.sessions, ...future.sessions].filter(inRange),
    expectedEndDate: future.lastDate,
    isTrainingDay: (date) => calendar.isTrainingDay(dayNumber(date)),
    isPaused: (date) => calendar.isPaused(dayNumber(date)),
  };
}

type Calendar = {
  start: number;
  isPaused: (day: number) => boolean;
  /** One of the preferred days then, on or after the start. */
  isPreferred: (day: number) => boolean;
  /** Preferred and not paused. */
  isTrainingDay: (day: number) => boolean;
};

function trainingCalendar(input: LayoutInput): Calendar {
  const start = dayNumber(input.startDate);
  const settings = input.daySettings.map((s) => ({ from: dayNumber(s.from), days: new Set(s.days) }));
  const pauses = input.pauses.map((p) => ({
    from: dayNumber(p.from),
    until: p.until === null ? Infinity : dayNumber(p.until),
  }));
  const isPaused = (day: number) => pauses.some((p) => day >= p.from && day < p.until);
  const daysOn = (day: number) => {
    let current = settings[0]?.days;
    for (const s of settings) if (s.from <= day) current = s.days;
    return current;
  };
  const isPreferred = (day: number) => day >= start && (daysOn(day)?.has(isoWeekday(day)) ?? false);
  return { start, isPaused, isPreferred, isTrainingDay: (day) => isPreferred(day) && !isPaused(day) };
}

/**
 * Before today: completed and skipped workouts on their dates; a training day without any workout is missed, with
 * the session that was due then (the next one done afterwards, or the pointer). When a run of missed days ended in
 * a skip, the run's first day shows that skip instead of a second entry on the day it was tapped.
 */
function pastSessions(input: LayoutInput, calendar: Calendar, today: number, rangeStart: number, rangeEnd: number) {
  const acts = input.activities.map((a) => ({ ...a, day: dayNumber(a.date) }));
  const daysWithActivity = new Set(acts.map((a) => a.day));
  // Runs of missed days end at a workout: start at the last one before the range, not at the enrolment's start.
  const before = acts.filter((a) => a.day < rangeStart);
  let day = Math.max(calendar.start, before.length > 0 ? before[before.length - 1]!.day : -Infinity);
  const sessions: LaidSession[] = [];
  const shownOnMissedDay = new Set<number>();
  let next = 0; // the first activity not before `day`
  let runStart: number | null = null;
  // Days after the range don't matter, except that an open miss (for today's catch-up) needs them all.
  for (; day < (rangeEnd >= today ? today : rangeEnd + 1); day++) {
    while (next < acts.length && acts[next]!.day < day) next++;
    if (daysWithActivity.has(day)) {
      runStart = null;
      continue;
    }
    if (!calendar.isTrainingDay(day)) continue;
    const due = acts[next];
    const skippedLater = due?.status === 'skipped' && runStart === null;
    if (skippedLater) shownOnMissedDay.add(due.workoutId);
    runStart ??= day;
    sessions.push({
      date: dateOf(day),
      status: skippedLater ? 'skipped' : 'missed',
      position: due?.position ?? input.pointer,
      workoutId: skippedLater ? due.workoutId : null,
      inProgress: false,
      missedDate: null,
    });
  }
  for (const a of acts) {
    if (shownOnMissedDay.has(a.workoutId) || a.day < rangeStart || a.day > rangeEnd) continue;
    sessions.push({
      date: a.date,
      status: a.status,
      position: a.position,
      workoutId: a.workoutId,
      inProgress: false,
      missedDate: null,
    });
  }
  sessions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  // A miss is still open when no workout happened since it: the pointer's session is the one that was missed.
  const lastActivity = acts.length > 0 ? acts[acts.length - 1]!.day : -Infinity;
  const openMiss = sessions.find((s) => s.status === 'missed' && dayNumber(s.date) > lastActivity)?.date ?? null;
  return { sessions, openMiss };
}

/** A finite program's sessions are laid out this far ahead at most (52 cycles of 52 weeks fit). */
const LAYOUT_HORIZON_DAYS = 20_000;

/**
 * From today on: the workout under way, then the pointer's session and the ones after it on the next training
 * days; the first is a catch-up when a miss is open. While paused nothing is laid out, but a finite program's end
 * date is given as if resumed today.
 */
function futureSessions(
  input: LayoutInput,
  calendar: Calendar,
  today: number,
  openMiss: IsoDate | null,
  rangeEnd: number,
) {
  const sessions: LaidSession[] = [];
  if (input.status === 'completed' || input.status === 'ended') return { sessions, lastDate: null };
  const paused = input.status === 'paused';
  const available = paused ? calendar.isPreferred : calendar.isTrainingDay;
  const upcoming = upcomingPositions(input);
  let catchUpFor = paused ? null : openMiss;
  const slot = (date: IsoDate, position: PlanPosition, workoutId: number | null): LaidSession => ({
    date,
    status: catchUpFor ? 'catch_up' : 'scheduled',
    position,
    workoutId,
    inProgress: workoutId !== null,
    missedDate: catchUpFor,
  });
  let day = today;
  if (input.inProgress) {
    sessions.push(slot(dateOf(today), input.inProgress.position, input.inProgress.workoutId));
    catchUpFor = null;
    if (samePosition(input.inProgress.position, input.pointer)) upcoming.next();
    day++;
  } else if (input.activities.some((a) => a.status === 'completed' && dayNumber(a.date) === today)) day++;

  let lastDate: IsoDate | null = null;
  for (const position of upcoming) {
    // A repeating program never ends: lay it out only as far as asked.
    const horizon = input.cycles === null ? rangeEnd : today + LAYOUT_HORIZON_DAYS;
    while (!available(day) && day <= horizon) day++;
    if (day > horizon) break;
    lastDate = dateOf(day);
    if (!paused) sessions.push(slot(lastDate, position, null));
    catchUpFor = null;
    day++;
  }
  return { sessions, lastDate: input.cycles === null ? null : lastDate };
}

const samePosition = (a: PlanPosition, b: PlanPosition) =>
  a.cycle === b.cycle && a.weekNumber === b.weekNumber && a.dayNumber === b.dayNumber;

/** The pointer, then every session after it in plan order, until a finite program's last cycle ends. */
function* upcomingPositions(input: LayoutInput): Generator<PlanPosition, void, unknown> {
  let position = input.pointer;
  let done = new Set(input.doneInCycle.map(([w, d]) => `${w}:${d}`));
  while (input.cycles === null || position.cycle <= input.cycles) {
    yield position;
    done.add(`${position.weekNumber}:${position.dayNumber}`);
    const step = advancePointer(position, input.weekDays, (w, d) => done.has(`${w}:${d}`));
    if (step.completedCycle !== null) done = new Set();
    position = step.next;
  }
}
