import type { EnrolmentDto, EnrolmentStatus, PlanPosition } from '@liftplan/domain';
import type { Db, Tx } from '../db/prisma';
import { planChangedAtSql } from '../plans/plan-cache';
import { dateInZone, defaultTrainingDays, weekdayName, type IsoDate } from './calendar';
import { layoutSchedule, type Activity, type LayoutInput } from './schedule-layout';

/** An enrolment (a user_plans row) with everything its schedule is computed from, read in one round trip. */
export type EnrolmentState = {
  id: number;
  userId: number;
  planId: number;
  planName: string;
  /** When what the plan's detail shows last changed: with the version id, the key of the cached detail. */
  planChangedAt: Date;
  planVersionId: number;
  version: number;
  status: EnrolmentStatus;
  startDate: IsoDate;
  startedAt: Date;
  endedAt: Date | null;
  pausedAt: Date | null;
  pointer: PlanPosition;
  cycles: number | null;
  daysPerWeek: number;
  timeZone: string;
  daySettings: Array<{ from: IsoDate; days: number[] }>;
  pauses: Array<{ pausedAt: string; resumedAt: string | null }>;
  activities: Array<Omit<Activity, 'date'> & { at: string }>;
  inProgress: { workoutId: number; position: PlanPosition } | null;
  weekDays: number[];
  doneInCycle: Array<[number, number]>;
};

type Row = Omit<EnrolmentState, 'pointer' | 'activities' | 'inProgress' | 'startDate'> &
  PlanPosition & {
    startDate: string;
    activities: Array<{ workoutId: number; at: string; status: 'completed' | 'skipped' } & PlanPosition>;
    inProgress: ({ workoutId: number } & PlanPosition) | null;
  };

/** Which enrolment: `{ current: true }` the active or paused one, `{ id }` a given one; always the lifter's own. */
export async function loadEnrolment(
  db: Db | Tx,
  userId: number,
  which: { current: true } | { latest: true } | { id: number },
): Promise<EnrolmentState | null> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT up.id, up.user_id AS "userId", up.plan_id AS "planId", p.name AS "planName", ${planChangedAtSql('p')} AS "planChangedAt",
           up.plan_version_id AS "planVersionId", v.version, up.status, to_char(up.start_date, 'YYYY-MM-DD') AS "startDate",
           up.started_at AS "startedAt", up.ended_at AS "endedAt", up.paused_at AS "pausedAt",
           up.cycle, up.week_number AS "weekNumber", up.day_number AS "dayNumber",
           v.cycles, v.days_per_week AS "daysPerWeek", u.time_zone AS "timeZone",
           COALESCE((SELECT json_agg(json_build_object('from', to_char(s.effective_from, 'YYYY-MM-DD'), 'days', s.preferred_days)
                                     ORDER BY s.effective_from)
                       FROM user_plan_day_settings s WHERE s.user_plan_id = up.id), '[]'::json) AS "daySettings",
           COALESCE((SELECT json_agg(json_build_object('pausedAt', z.paused_at, 'resumedAt', z.resumed_at) ORDER BY z.paused_at)
                       FROM user_plan_pauses z WHERE z.user_plan_id = up.id), '[]'::json) AS pauses,
           COALESCE((SELECT json_agg(json_build_object('workoutId', w.id, 'at', COALESCE(w.completed_at, w.created_at),
                                       'status', w.status, 'cycle', w.cycle, 'weekNumber', w.week_number, 'dayNumber', w.day_number)
                                     ORDER BY COALESCE(w.completed_at, w.created_at), w.id)
                       FROM workouts w WHERE w.user_plan_id = up.id AND w.status IN ('completed', 'skipped')), '[]'::json) AS activities,
           (SELECT json_build_object('workoutId', w.id, 'cycle', w.cycle, 'weekNumber', w.week_number, 'dayNumber', w.day_number)
              FROM workouts w WHERE w.user_plan_id = up.id AND w.status = 'in_progress' LIMIT 1) AS "inProgress",
           COALESCE((SELECT json_agg(x.days ORDER BY x.week_number)
                       FROM (SELECT week_number, max(day_number) AS days FROM plan_days
                              WHERE plan_version_id = up.plan_version_id GROUP BY week_number) x), '[]'::json) AS "weekDays",
           COALESCE((SELECT json_agg(json_build_array(d.week_number, d.day_number)) FROM workouts d
                      WHERE d.user_plan_id = up.id AND d.cycle = up.cycle AND d.status IN ('completed', 'skipped')), '[]'::json)
             AS "doneInCycle"
      FROM user_plans up
      JOIN users u ON u.id = up.user_id
      JOIN workout_plans p ON p.id = up.plan_id
      JOIN plan_versions v ON v.id = up.plan_version_id
     WHERE up.user_id = ${userId}
       AND (${'current' in which} = false OR up.is_active)
       AND (${'id' in which ? which.id : null}::int IS NULL OR up.id = ${'id' in which ? which.id : null}::int)
     ORDER BY up.is_active DESC, up.id DESC
     LIMIT 1`;
  const row = rows[0];
  if (!row) return null;
  const { cycle, weekNumber, dayNumber, activities, inProgress, ...rest } = row;
  return {
    ...rest,
    pointer: { cycle, weekNumber, dayNumber },
    activities: activities.map(({ workoutId, at, status, ...position }) => ({
      workoutId,
      at,
      status,
      position: { cycle: position.cycle, weekNumber: position.weekNumber, dayNumber: position.dayNumber },
    })),
    inProgress: inProgress && {
      workoutId: inProgress.workoutId,
      position: { cycle: inProgress.cycle, weekNumber: inProgress.weekNumber, dayNumber: inProgress.dayNumber },
    },
    // Enrolments copied from before schedules existed may lack days: the plan's default spread applies.
    daySettings:
      rest.daySettings.length > 0
        ? rest.daySettings
        : [{ from: rest.startDate, days: defaultTrainingDays(rest.daysPerWeek) }],
  };
}

/** The enrolment as the layout reads it, with instants turned into dates in the lifter's zone. */
export function layoutInput(state: EnrolmentState, now: Date): LayoutInput {
  const zone = state.timeZone;
  return {
    today: dateInZone(now, zone),
    startDate: state.startDate,
    status: state.status,
    daySettings: state.daySettings,
    pauses: state.pauses.map((p) => ({
      from: dateInZone(new Date(p.pausedAt), zone),
      until: p.resumedAt === null ? null : dateInZone(new Date(p.resumedAt), zone),
    })),
    activities: state.activities.map(({ at, ...a }) => ({ ...a, date: dateInZone(new Date(at), zone) })),
    inProgress: state.inProgress,
    pointer: state.pointer,
    weekDays: state.weekDays,
    doneInCycle: state.doneInCycle,
    cycles: state.cycles,
  };
}

/** Preferred days in effect today (the latest setting that has started, else the first). */
export function currentPreferredDays(state: EnrolmentState, today: IsoDate): number[] {
  const started = state.daySettings.filter((s) => s.from <= today);
  return (started[started.length - 1] ?? state.daySettings[0]!).days;
}

export function toEnrolmentDto(state: EnrolmentState, now: Date): EnrolmentDto {
  const input = layoutInput(state, now);
  const running = state.status === 'active' || state.status === 'paused';
  const expectedEndDate =
    running && state.cycles !== null ? layoutSchedule(input, input.today, input.today).expectedEndDate : null;
  const weeks = state.weekDays.length;
  const perCycle = state.weekDays.reduce((a, b) => a + b, 0);
  const { cycle, weekNumber, dayNumber } = state.pointer;
  const finished = state.status === 'completed';
  return {
    id: state.id,
    planId: state.planId,
    planName: state.planName,
    planVersionId: state.planVersionId,
    version: state.version,
    status: state.status,
    startDate: state.startDate,
    startedAt: state.startedAt.toISOString(),
    endedAt: state.endedAt?.toISOString() ?? null,
    pausedAt: state.pausedAt?.toISOString() ?? null,
    preferredDays: currentPreferredDays(state, input.today).map(weekdayName),
    timeZone: state.timeZone,
    cycles: state.cycles,
    expectedEndDate,
    progress: {
      cycle: finished ? state.cycles! : cycle,
      weekNumber: finished ? weeks : weekNumber,
      dayNumber: finished ? state.weekDays[weeks - 1]! : dayNumber,
      programWeek: finished ? state.cycles! * weeks : (cycle - 1) * weeks + weekNumber,
      programWeeks: state.cycles === null ? null : state.cycles * weeks,
      sessionsDone: state.activities.length,
      sessionsTotal: state.cycles === null ? null : state.cycles * perCycle,
    },
  };
}
