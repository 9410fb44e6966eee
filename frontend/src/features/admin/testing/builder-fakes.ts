import type { ExerciseDto } from '@liftplan/domain';
import { jsonResponse } from '@/test/fake-api';
import type { PreviewBody } from '../builder/preview-request';

const exercise = (id: number, name: string, isUpperBody: boolean): ExerciseDto => ({
  id,
  slug: name.toLowerCase().replace(/ /g, '-'),
  name,
  muscleGroup: null,
  category: 'compound',
  isUpperBody,
  secondaryMuscles: [],
  equipment: null,
  aliases: [],
  createdAt: '2025-01-01T00:00:00.000Z',
});

export const EXERCISES = [
  exercise(1, 'Bench Press', true),
  exercise(2, 'Squat', false),
  exercise(7, 'Close Grip Bench Press', true),
];

/** The preview endpoint, answering with weights = TM × % (the real one rounds; enough to see them land). */
export async function previewRoute(request: Request) {
  if (request.method !== 'POST' || new URL(request.url).pathname !== '/api/admin/plans/preview') return undefined;
  const body = (await request.json()) as PreviewBody;
  const tms = new Map(body.sampleTrainingMaxes.map((t) => [t.exerciseId, t.trainingMax]));
  const weeks = body.plan.weeks.map((week) => ({
    ...week,
    days: week.days.map((day) => ({
      dayNumber: day.dayNumber,
      name: day.name ?? null,
      exercises: day.exercises.map((slot) => ({
        ...slot,
        tmExerciseId: slot.tmExerciseId ?? slot.exerciseId,
        sets: slot.sets.map((set) => ({
          ...set,
          weight:
            set.percentage === null ? null : (tms.get(slot.tmExerciseId ?? slot.exerciseId) ?? 0) * set.percentage,
        })),
      })),
    })),
  }));
  return jsonResponse(200, {
    preview: { unit: body.unit, increment: 2.5, missingTrainingMaxes: [], weeks, days: weeks[0]!.days },
  });
}
