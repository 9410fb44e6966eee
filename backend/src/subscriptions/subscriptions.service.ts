import type { Db, Tx } from '../db/prisma';
import { AppError, notFound } from '../http/errors';
import { fetchVersionDetail } from '../plans/plan-detail-query';
import { requiredExercises } from '../plans/plan-structure';
import type { ExerciseRefDto } from '@liftplan/domain';
import { loadLatestVersion, lockPlanForReading } from '../plans/plans.service';
import { currentTrainingMaxes } from '../training-maxes/current-training-maxes';
import type { CurrentPlanResponse, SubscribeResponse } from '@liftplan/domain';

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

export async function getCurrentPlan(db: Db, userId: number): Promise<CurrentPlanResponse> {
  const [userPlan, inProgress] = await Promise.all([
    db.userPlan.findFirst({
      where: { userId, isActive: true },
      include: {
        planVersion: { select: { version: true, daysPerWeek: true } },
        workouts: {
          where: { status: 'completed' },
          orderBy: { createdAt: 'desc' },
          take: 1,
          select: { dayNumber: true },
        },
      },
    }),
    // The lifter's one workout in progress, also when it was started under the plan they were on before.
    db.workout.findFirst({ where: { userId, status: 'in_progress' }, select: { id: true, dayNumber: true } }),
  ]);
  if (!userPlan) throw noActivePlan();
  const version = userPlan.planVersion;
  const lastCompleted = userPlan.workouts[0];
  const plan = (await fetchVersionDetail(db, userPlan.planVersionId))!;
  return {
    userPlan: {
      id: userPlan.id,
      planId: userPlan.planId,
      planVersionId: userPlan.planVersionId,
      version: version.version,
      startedAt: userPlan.startedAt.toISOString(),
    },
    plan,
    ...(await trainingMaxNeeds(db, userId, plan.requiredExercises)),
    nextDayNumber: lastCompleted ? (lastCompleted.dayNumber % version.daysPerWeek) + 1 : 1,
    inProgressWorkout: inProgress ? { id: inProgress.id, dayNumber: inProgress.dayNumber } : null,
  };
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

/** Serialises a lifter's plan and settings changes (one active plan, unit switches). */
export async function lockUser(tx: Tx, userId: number): Promise<void> {
  const rows = await tx.$queryRaw<Array<{ id: number }>>`SELECT id FROM users WHERE id = ${userId} FOR UPDATE`;
  if (rows.length === 0) throw new AppError(401, 'UNAUTHENTICATED', 'This account no longer exists');
}

const noActivePlan = () => new AppError(404, 'NO_ACTIVE_PLAN', 'You are not on a plan; pick one first');
