import type {
  PlanDayDto,
  PlanDetailDto,
  ScheduleQuery,
  ScheduleResponse,
  ScheduleSessionDto,
  ScheduleTopSetDto,
} from '@liftplan/domain';
import type { Clock } from '../config/clock';
import type { Db } from '../db/prisma';
import { AppError } from '../http/errors';
import { cachedVersionDetail } from '../plans/plan-cache';
import { lifterPrescription, prescribeSlot, type LifterPrescription } from '../plans/prescribe-day';
import { addDays, dayNumber, isoWeekday, weekdayName } from './calendar';
import { layoutInput, loadEnrolment, toEnrolmentDto } from './enrolment-query';
import { layoutSchedule, type LaidSession } from './schedule-layout';

/**
 * `GET /api/schedule`: every date from..to with its sessions, for the current enrolment (or, when the lifter is on
 * none, the last one, so a finished program's calendar stays readable). All dates are in the lifter's time zone.
 */
export async function getSchedule(
  db: Db,
  userId: number,
  query: ScheduleQuery,
  clock: Clock,
): Promise<ScheduleResponse> {
  const state =
    (await loadEnrolment(db, userId, { current: true })) ?? (await loadEnrolment(db, userId, { latest: true }));
  if (!state) throw new AppError(404, 'NO_ACTIVE_PLAN', 'You are not on a plan; pick one first');
  const now = clock.now();
  const input = layoutInput(state, now);
  const layout = layoutSchedule(input, query.from, query.to);
  const plan = await cachedVersionDetail(db, { versionId: state.planVersionId, planChangedAt: state.planChangedAt });
  const lifter = await lifterPrescription(db, userId, [plan]);
  const describe = sessionDescriber(plan, lifter);

  const days: ScheduleResponse['days'] = [];
  for (let date = query.from; date <= query.to; date = addDays(date, 1)) {
    days.push({
      date,
      weekday: weekdayName(isoWeekday(dayNumber(date))),
      isToday: date === input.today,
      isTrainingDay: layout.isTrainingDay(date),
      isPaused: layout.isPaused(date),
      sessions: layout.sessions.filter((s) => s.date === date).map(describe),
    });
  }
  return {
    timeZone: state.timeZone,
    today: input.today,
    unit: lifter.unit,
    enrolment: toEnrolmentDto(state, now),
    days,
  };
}

/** Each weighted slot's heaviest set (the later one on a tie: the AMRAP of 5/3/1's 95 %+ week). */
function topSets(day: PlanDayDto, lifter: LifterPrescription): ScheduleTopSetDto[] {
  return day.exercises.flatMap((slot) => {
    const weighted = prescribeSlot(slot, lifter).filter((set) => set.percentage !== null && set.kind !== 'warmup');
    if (weighted.length === 0) return [];
    const { exerciseId, name, weight, reps, repsMax, isAmrap } = weighted.reduce((best, set) =>
      set.percentage! >= best.percentage! ? set : best,
    );
    return [{ exerciseId, name, weight, reps, repsMax, isAmrap }];
  });
}

function sessionDescriber(plan: PlanDetailDto, lifter: LifterPrescription) {
  return (session: LaidSession): ScheduleSessionDto => {
    const week = plan.weeks.find((w) => w.weekNumber === session.position.weekNumber);
    const day = week?.days.find((d) => d.dayNumber === session.position.dayNumber);
    const toLift = session.status !== 'completed' && session.status !== 'skipped';
    return {
      status: session.status,
      ...session.position,
      dayName: day?.name ?? null,
      weekName: week?.name ?? null,
      isDeload: week?.isDeload ?? false,
      workoutId: session.workoutId,
      inProgress: session.inProgress,
      missedDate: session.missedDate,
      topSets: toLift && day ? topSets(day, lifter) : [],
    };
  };
}
