import type { WorkoutDto } from '@liftplan/domain';
import { apiClient } from '@/lib/api-client';

/** PATCH /api/workouts/:id { note }: the lifter's note on a workout (null clears it). */
export const saveWorkoutNote = (workoutId: number, note: string | null) =>
  apiClient.patch<{ workout: WorkoutDto }>(`/workouts/${workoutId}`, { note });
