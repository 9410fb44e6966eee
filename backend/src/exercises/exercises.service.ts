import type { Db } from '../db/prisma';
import { Prisma, type Exercise } from '../generated/prisma/client';
import { conflict, notFound } from '../http/errors';
import type {
  CreateExerciseBody,
  ExerciseDto,
  ExerciseUsage,
  ListExercisesQuery,
  UpdateExerciseBody,
} from '@liftplan/domain';

export const toExerciseDto = (e: Exercise): ExerciseDto => ({
  id: e.id,
  slug: e.slug,
  name: e.name,
  muscleGroup: e.muscleGroup,
  category: e.category as ExerciseDto['category'],
  isUpperBody: e.isUpperBody,
  createdAt: e.createdAt.toISOString(),
});

export async function listExercises(db: Db, query: ListExercisesQuery): Promise<ExerciseDto[]> {
  const where: Prisma.ExerciseWhereInput = {};
  if (query.search) {
    where.OR = [
      { name: { contains: query.search, mode: 'insensitive' } },
      { slug: { contains: query.search, mode: 'insensitive' } },
    ];
  }
  if (query.category) where.category = query.category;
  if (query.muscleGroup) where.muscleGroup = query.muscleGroup;
  if (query.bodyPart) where.isUpperBody = query.bodyPart === 'upper';
  const exercises = await db.exercise.findMany({ where, orderBy: { name: 'asc' } });
  return exercises.map(toExerciseDto);
}

export async function getExercise(db: Db, id: number): Promise<ExerciseDto> {
  const exercise = await db.exercise.findUnique({ where: { id } });
  if (!exercise) throw notFound('Exercise');
  return toExerciseDto(exercise);
}

export async function createExercise(db: Db, body: CreateExerciseBody): Promise<ExerciseDto> {
  try {
    return toExerciseDto(await db.exercise.create({ data: body }));
  } catch (err) {
    throw slugConflictOr(err, body.slug);
  }
}

export async function updateExercise(db: Db, id: number, body: UpdateExerciseBody): Promise<ExerciseDto> {
  await getExercise(db, id);
  try {
    return toExerciseDto(await db.exercise.update({ where: { id }, data: body }));
  } catch (err) {
    throw slugConflictOr(err, body.slug);
  }
}

/** Refused with 409 while any plan, training max or workout references the exercise. */
export async function deleteExercise(db: Db, id: number): Promise<void> {
  await getExercise(db, id);
  const usage = await exerciseUsage(db, id);
  if (usage.plans.length > 0 || usage.trainingMaxes > 0 || usage.workoutSets > 0) {
    throw conflict('EXERCISE_IN_USE', describeUsage(usage), usage);
  }
  try {
    await db.exercise.delete({ where: { id } });
  } catch (err) {
    // A reference created between the check and the delete: the foreign keys still refuse it.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2003') {
      throw conflict('EXERCISE_IN_USE', 'This exercise is now referenced by other data', await exerciseUsage(db, id));
    }
    throw err;
  }
}

async function exerciseUsage(db: Db, exerciseId: number): Promise<ExerciseUsage> {
  const [plans, trainingMaxes, workoutSets] = await Promise.all([
    db.workoutPlan.findMany({
      where: {
        OR: [
          { days: { some: { exercises: { some: { OR: [{ exerciseId }, { tmExerciseId: exerciseId }] } } } } },
          { progressionRules: { some: { exerciseId } } },
        ],
      },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
    db.trainingMax.count({ where: { exerciseId } }),
    db.workoutSet.count({ where: { OR: [{ exerciseId }, { tmExerciseId: exerciseId }] } }),
  ]);
  return { plans, trainingMaxes, workoutSets };
}

function describeUsage(usage: ExerciseUsage): string {
  const parts: string[] = [];
  if (usage.plans.length) parts.push(`plans (${usage.plans.map((p) => p.name).join(', ')})`);
  if (usage.trainingMaxes) parts.push(`${usage.trainingMaxes} training max record(s)`);
  if (usage.workoutSets) parts.push(`${usage.workoutSets} logged workout set(s)`);
  return `This exercise is still used by ${parts.join(', ')}`;
}

function slugConflictOr(err: unknown, slug: string | undefined): unknown {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
    return conflict('SLUG_TAKEN', `An exercise with slug "${slug}" already exists`, [
      { path: 'slug', message: 'already taken' },
    ]);
  }
  return err;
}
