import type { Db } from '../db/prisma';
import { notFound } from '../http/errors';
import { getWorkout } from './workouts.service';
import type { UpdateWorkoutBody, WorkoutDto } from '@liftplan/domain';

/**
 * `PATCH /api/workouts/:id { note }`: the lifter's note on one of their workouts. Editable in any status — a note
 * is often written after the last set (how it felt, why it was cut short) and moves nothing. null or "" clears it.
 * Another lifter's workout is a 404.
 */
export async function updateWorkoutNote(
  db: Db,
  userId: number,
  workoutId: number,
  body: UpdateWorkoutBody,
): Promise<WorkoutDto> {
  const { count } = await db.workout.updateMany({ where: { id: workoutId, userId }, data: { note: body.note } });
  if (count === 0) throw notFound('Workout');
  return getWorkout(db, userId, workoutId);
}
