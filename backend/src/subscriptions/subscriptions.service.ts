import type { Db, Tx } from '../db/prisma';
import type { Clock } from '../config/clock';
import { conflict, notFound } from '../http/errors';
import { loadEnrolment, toEnrolmentDto } from '../schedule/enrolment-query';
import { upgradeNotice } from './plan-upgrade.service';
import { endCurrent, enrolmentDates, noActivePlan, programPaused, todayFor } from './enrolment.service';
import { lockUser, withLifterLock } from '../training-maxes/lifter-lock';
import { applyProgressStep } from '../workouts/plan-progress';
import { insertSkippedWorkout, selectSkipContext } from '../workouts/workouts.sql';
import { staleTrainingMaxes } from '../workouts/workout-regenerate';
import { fetchVersionDetail } from '../plans/plan-detail-query';
import { cachedVersionDetail, planChangedAt } from '../plans/plan-cache';
import { requiredExercises } from '../plans/plan-structure';
import type { ExerciseRefDto } from '@liftplan/domain';
import { loadLatestVersion, lockPlanForReading } from '../plans/plans.service';
import { currentTrainingMaxes } from '../training-maxes/current-training-maxes';
import type {
  CurrentPlanResponse,
  NextWorkoutDto,
  NoCurrentPlanResponse,
  PlanDetailDto,
  PlanPositionDto,
  SkipResponse,
  SubscribeBody,
  SubscribeResponse,
} from '@liftplan/domain';

/**
 * Starts the plan's newest version for the lifter on the days they train (default: the plan's days spread over the
 * week) from a start date (default: today in their time zone), ending whatever plan they were on.
 */
export async function subscribe(
  db: Db,
  userId: number,
  planId: number,
  body: SubscribeBody,
  clock: Clock,
): Promise<SubscribeResponse> {
  const now = clock.now();
  const created = await db.$transaction(async (tx) => {
    await lockUser(tx, userId);
    // Without it, an edit committing meanwhile could delete the version read below, or an archive could end up
    // with an active subscriber.
    if (!(await lockPlanForReading(tx, planId))) throw notFound('Plan');
    const version = await loadLatestVersion(tx, planId);
    if (!version || !version.plan.isPublic) throw notFound('Plan');
    const { preferredDays, startDate } = enrolmentDates(body, version, await todayFor(tx, userId, now));
    const previous = await tx.userPlan.findFirst({ where: { userId, isActive: true }, select: { id: true } });
    if (previous) await endCurrent(tx, previous, now);
    const userPlan = await tx.userPlan.create({
      data: { userId, planId, planVersionId: version.id, startedAt: now, startDate: new Date(startDate) },
    });
    await tx.userPlanDaySetting.create({
      data: { userPlanId: userPlan.id, effectiveFrom: new Date(startDate), preferredDays },
    });
    return {
      userPlan: {
        id: userPlan.id,
        planId,
        planVersionId: version.id,
        version: version.version,
        startedAt: userPlan.startedAt.toISOString(),
      },
      ...(await trainingMaxNeeds(tx, userId, requiredExercises(version))),
    };
  });
  const enrolment = toEnrolmentDto((await loadEnrolment(db, userId, { id: created.userPlan.id }))!, now);
  return { ...created, enrolment };
}

/** The active plan and where the lifter is in it; `{ plan: null }` (200, not a 404) when the lifter is on no plan. */
export async function getCurrentPlan(
  db: Db,
  userId: number,
  clock: Clock,
): Promise<CurrentPlanResponse | NoCurrentPlanResponse> {
  const [userPlan, inProgress, enrolment] = await Promise.all([
    db.userPlan.findFirst({
      where: { userId, isActive: true },
      include: {
        planVersion: { select: { version: true } },
        plan: { select: { updatedAt: true, exercisesChangedAt: true } },
      },
    }),
    // The lifter's one workout in progress, also when it was started under the plan they were on before.
    db.workout.findFirst({
      where: { userId, status: 'in_progress' },
      select: { id: true, cycle: true, weekNumber: true, dayNumber: true },
    }),
    loadEnrolment(db, userId, { latest: true }),
  ]);
  if (!userPlan)
    return enrolment ? { plan: null, lastEnrolment: toEnrolmentDto(enrolment, clock.now()) } : { plan: null };
  // The dashboard's read: the pinned version from the in-process cache of immutable versions (plan-cache.ts).
  const plan = await cachedVersionDetail(db, {
    versionId: userPlan.planVersionId,
    planChangedAt: planChangedAt(userPlan.plan),
  });
  const next = describePosition(plan, userPlan);
  return {
    userPlan: {
      id: userPlan.id,
      planId: userPlan.planId,
      planVersionId: userPlan.planVersionId,
      version: userPlan.planVersion.version,
      startedAt: userPlan.startedAt.toISOString(),
    },
    enrolment: toEnrolmentDto(enrolment!, clock.now()),
    plan,
    ...(await trainingMaxNeeds(db, userId, plan.requiredExercises)),
    next,
    nextDayNumber: next.dayNumber,
    upgradeAvailable: await upgradeNotice(db, userPlan.planId, userPlan.planVersion.version),
    inProgressWorkout: inProgress && {
      ...inProgress,
      staleTrainingMaxes: await staleTrainingMaxes(db, userId, inProgress.id),
    },
  };
}

/** A pointer with the names a lifter reads: "Cycle 2 · Week 3 (deload) · Day 1: Squat". */
function describePosition(plan: PlanDetailDto, position: PlanPositionDto): NextWorkoutDto {
  const week = plan.weeks.find((w) => w.weekNumber === position.weekNumber);
  const day = week?.days.find((d) => d.dayNumber === position.dayNumber);
  return {
    cycle: position.cycle,
    weekNumber: position.weekNumber,
    dayNumber: position.dayNumber,
    dayName: day?.name ?? null,
    weekName: week?.name ?? null,
    isDeload: week?.isDeload ?? false,
  };
}

/**
 * Skips the pointer's day: it is recorded (a workout row with status `skipped` and no sets) and the pointer moves
 * on as after a completion; when that ends the cycle, the cycle-end increments apply (5/3/1 lifters who skip the
 * deload still move up). Refused while a workout is in progress: finish or abandon it first.
 */
export async function skipCurrentDay(db: Db, userId: number, clock: Clock): Promise<SkipResponse> {
  const { skipped, next, progression, versionId } = await withLifterLock(db, userId, async (tx) => {
    const ctx = await selectSkipContext(tx, userId);
    if (!ctx) throw noActivePlan();
    if (ctx.status === 'paused') throw programPaused();
    const now = clock.now();
    if (ctx.inProgressId !== null) {
      throw conflict('WORKOUT_IN_PROGRESS', 'Finish or abandon the workout in progress before skipping a day', {
        workoutId: ctx.inProgressId,
      });
    }
    const skipped = { cycle: ctx.cycle, weekNumber: ctx.weekNumber, dayNumber: ctx.dayNumber };
    const workoutId = await insertSkippedWorkout(tx, {
      userId,
      userPlanId: ctx.userPlanId,
      planDayId: ctx.planDayId,
      ...skipped,
      unit: ctx.unit,
      at: now,
    });
    const step = await applyProgressStep(tx, {
      userId,
      workoutId,
      movesPointer: true,
      state: ctx,
      unit: ctx.unit,
      increment: ctx.increment,
      rules: ctx.rules,
      tmExercises: ctx.tmExercises,
      sets: [],
      isDeload: false,
      alsoDone: skipped,
      at: now,
    });
    return { skipped, next: step.next!, progression: step.progression, versionId: ctx.planVersionId };
  });
  const plan = (await fetchVersionDetail(db, versionId))!;
  return { skipped, next: describePosition(plan, next), progression };
}

async function trainingMaxNeeds(db: Db | Tx, userId: number, required: ExerciseRefDto[]) {
  const have = new Set(
    (
      await currentTrainingMaxes(
        db,
        userId,
        required.map((e) => e.id),
      )
    ).map((tm) => tm.exerciseId),
  );
  return {
    requiredExercises: required.map(({ id, slug, name }) => ({ id, slug, name })),
    missingTMs: required.filter((e) => !have.has(e.id)).map((e) => ({ exerciseId: e.id, slug: e.slug, name: e.name })),
  };
}
