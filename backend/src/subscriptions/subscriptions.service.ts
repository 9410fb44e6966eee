import type { Db, Tx } from '../db/prisma';
import { AppError, conflict, notFound } from '../http/errors';
import { lockUser, withLifterLock } from '../training-maxes/lifter-lock';
import { applyProgressStep } from '../workouts/plan-progress';
import { insertSkippedWorkout, selectSkipContext } from '../workouts/workouts.sql';
import { staleTrainingMaxes } from '../workouts/workout-regenerate';
import { fetchVersionDetail } from '../plans/plan-detail-query';
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
  SubscribeResponse,
} from '@liftplan/domain';

/** Starts the plan's newest version for the lifter, ending whatever plan they were on. */
export async function subscribe(db: Db, userId: number, planId: number): Promise<SubscribeResponse> {
  return db.$transaction(async (tx) => {
    await lockUser(tx, userId);
    // Without it, an edit committing meanwhile could delete the version read below, or an archive could end up
    // with an active subscriber.
    if (!(await lockPlanForReading(tx, planId))) throw notFound('Plan');
    const version = await loadLatestVersion(tx, planId);
    if (!version || !version.plan.isPublic) throw notFound('Plan');
    await tx.userPlan.updateMany({ where: { userId, isActive: true }, data: { isActive: false, endedAt: new Date() } });
    const userPlan = await tx.userPlan.create({ data: { userId, planId, planVersionId: version.id } });
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
}

export async function unsubscribe(db: Db, userId: number): Promise<void> {
  const { count } = await db.userPlan.updateMany({
    where: { userId, isActive: true },
    data: { isActive: false, endedAt: new Date() },
  });
  if (count === 0) throw noActivePlan();
}

/** The active plan and where the lifter is in it; `{ plan: null }` (200, not a 404) when the lifter is on no plan. */
export async function getCurrentPlan(db: Db, userId: number): Promise<CurrentPlanResponse | NoCurrentPlanResponse> {
  const [userPlan, inProgress] = await Promise.all([
    db.userPlan.findFirst({
      where: { userId, isActive: true },
      include: { planVersion: { select: { version: true } } },
    }),
    // The lifter's one workout in progress, also when it was started under the plan they were on before.
    db.workout.findFirst({
      where: { userId, status: 'in_progress' },
      select: { id: true, cycle: true, weekNumber: true, dayNumber: true },
    }),
  ]);
  if (!userPlan) return { plan: null };
  const plan = (await fetchVersionDetail(db, userPlan.planVersionId))!;
  const next = describePosition(plan, userPlan);
  return {
    userPlan: {
      id: userPlan.id,
      planId: userPlan.planId,
      planVersionId: userPlan.planVersionId,
      version: userPlan.planVersion.version,
      startedAt: userPlan.startedAt.toISOString(),
    },
    plan,
    ...(await trainingMaxNeeds(db, userId, plan.requiredExercises)),
    next,
    nextDayNumber: next.dayNumber,
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
export async function skipCurrentDay(db: Db, userId: number): Promise<SkipResponse> {
  const { skipped, next, progression, versionId } = await withLifterLock(db, userId, async (tx) => {
    const ctx = await selectSkipContext(tx, userId);
    if (!ctx) throw noActivePlan();
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

const noActivePlan = () => new AppError(404, 'NO_ACTIVE_PLAN', 'You are not on a plan; pick one first');
