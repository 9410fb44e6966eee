import type { EnrolmentDto, SubscribeBody, Weekday } from '@liftplan/domain';
import { START_DATE_LIMITS } from '@liftplan/domain';
import type { Clock } from '../config/clock';
import type { Db, Tx } from '../db/prisma';
import { AppError, conflict, unprocessable } from '../http/errors';
import { withLifterLock } from '../training-maxes/lifter-lock';
import { addDays, dateInZone, defaultTrainingDays, isoDayOf, type IsoDate } from '../schedule/calendar';
import { loadEnrolment, toEnrolmentDto, type EnrolmentState } from '../schedule/enrolment-query';

// An enrolment's status (schedule/README.md): active ⇄ paused; active | paused → ended; active → completed when a
// finite program's last session is done (workouts/plan-progress.ts). Every change runs under the lifter's lock.

/** The training days and start date of a new enrolment, checked against the plan and the lifter's today. */
export function enrolmentDates(
  body: SubscribeBody,
  plan: { daysPerWeek: number },
  today: IsoDate,
): { preferredDays: number[]; startDate: IsoDate } {
  const preferredDays = body.preferredDays
    ? checkedTrainingDays(body.preferredDays, plan.daysPerWeek)
    : defaultTrainingDays(plan.daysPerWeek);
  const startDate = body.startDate ?? today;
  const [earliest, latest] = [
    addDays(today, -START_DATE_LIMITS.pastDays),
    addDays(today, START_DATE_LIMITS.futureDays),
  ];
  if (startDate < earliest || startDate > latest) {
    throw unprocessable(
      'INVALID_START_DATE',
      `The start date must be between ${earliest} and ${latest} (up to ${START_DATE_LIMITS.pastDays} days back)`,
      { startDate, earliest, latest },
    );
  }
  return { preferredDays, startDate };
}

function checkedTrainingDays(days: Weekday[], daysPerWeek: number): number[] {
  if (days.length > daysPerWeek) {
    throw unprocessable(
      'INVALID_TRAINING_DAYS',
      `This plan has ${daysPerWeek} training ${daysPerWeek === 1 ? 'day' : 'days'} a week: choose at most ${daysPerWeek}`,
      { daysPerWeek, preferredDays: days },
    );
  }
  return days.map(isoDayOf).sort((a, b) => a - b);
}

export const todayFor = async (db: Db | Tx, userId: number, now: Date): Promise<IsoDate> => {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { timeZone: true } });
  return dateInZone(now, user.timeZone);
};

/** New preferred days from today on; the past keeps the days it was planned with. */
export async function changePreferredDays(
  db: Db,
  userId: number,
  days: Weekday[],
  clock: Clock,
): Promise<EnrolmentDto> {
  return withCurrentEnrolment(db, userId, clock, async (tx, state, now) => {
    const preferredDays = checkedTrainingDays(days, state.daysPerWeek);
    const today = dateInZone(now, state.timeZone);
    const from = today > state.startDate ? today : state.startDate;
    await tx.userPlanDaySetting.deleteMany({ where: { userPlanId: state.id, effectiveFrom: { gte: new Date(from) } } });
    await tx.userPlanDaySetting.create({
      data: { userPlanId: state.id, effectiveFrom: new Date(from), preferredDays },
    });
  });
}

export async function pauseEnrolment(db: Db, userId: number, clock: Clock): Promise<EnrolmentDto> {
  return withCurrentEnrolment(db, userId, clock, async (tx, state, now) => {
    if (state.status === 'paused') throw conflict('PROGRAM_ALREADY_PAUSED', 'Your program is already paused');
    await tx.userPlan.update({ where: { id: state.id }, data: { status: 'paused', pausedAt: now } });
    await tx.userPlanPause.create({ data: { userPlanId: state.id, pausedAt: now } });
  });
}

export async function resumeEnrolment(db: Db, userId: number, clock: Clock): Promise<EnrolmentDto> {
  return withCurrentEnrolment(db, userId, clock, async (tx, state, now) => {
    if (state.status !== 'paused') throw conflict('PROGRAM_NOT_PAUSED', 'Your program is not paused');
    await tx.userPlan.update({ where: { id: state.id }, data: { status: 'active', pausedAt: null } });
    await closeOpenPause(tx, state.id, now);
  });
}

/** Ends the current enrolment (the lifter stops, or starts another plan); its history stays. */
export async function endEnrolment(db: Db, userId: number, clock: Clock): Promise<EnrolmentDto> {
  const ended = await withLifterLock(db, userId, async (tx) => {
    const state = await loadEnrolment(tx, userId, { current: true });
    if (!state) throw noActivePlan();
    await endCurrent(tx, state, clock.now());
    return state.id;
  });
  return toEnrolmentDto((await loadEnrolment(db, userId, { id: ended }))!, clock.now());
}

export async function endCurrent(tx: Tx, state: Pick<EnrolmentState, 'id'>, now: Date): Promise<void> {
  await tx.userPlan.update({
    where: { id: state.id },
    data: { status: 'ended', isActive: false, endedAt: now, pausedAt: null },
  });
  await closeOpenPause(tx, state.id, now);
}

export async function listEnrolments(db: Db, userId: number, clock: Clock): Promise<EnrolmentDto[]> {
  const ids = await db.userPlan.findMany({
    where: { userId },
    orderBy: { id: 'desc' },
    take: 100,
    select: { id: true },
  });
  const now = clock.now();
  const states = await Promise.all(ids.map(({ id }) => loadEnrolment(db, userId, { id })));
  return states.flatMap((state) => (state ? [toEnrolmentDto(state, now)] : []));
}

async function closeOpenPause(tx: Tx, userPlanId: number, now: Date) {
  await tx.userPlanPause.updateMany({ where: { userPlanId, resumedAt: null }, data: { resumedAt: now } });
}

async function withCurrentEnrolment(
  db: Db,
  userId: number,
  clock: Clock,
  change: (tx: Tx, state: EnrolmentState, now: Date) => Promise<void>,
): Promise<EnrolmentDto> {
  await withLifterLock(db, userId, async (tx) => {
    const state = await loadEnrolment(tx, userId, { current: true });
    if (!state) throw noActivePlan();
    await change(tx, state, clock.now());
  });
  return toEnrolmentDto((await loadEnrolment(db, userId, { current: true }))!, clock.now());
}

export const programPaused = () =>
  conflict('PROGRAM_PAUSED', 'Your program is paused: resume it to train or skip a day');

export const noActivePlan = () => new AppError(404, 'NO_ACTIVE_PLAN', 'You are not on a plan; pick one first');
