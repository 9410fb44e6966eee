import { z } from 'zod';
import { textInput } from './common';

export const EXERCISE_CATEGORIES = ['compound', 'isolation'] as const;

export const exerciseDto = z.object({
  id: z.number(),
  slug: z.string(),
  name: z.string(),
  muscleGroup: z.string().nullable(),
  category: z.enum(EXERCISE_CATEGORIES),
  isUpperBody: z.boolean(),
  createdAt: z.string(),
});
export type ExerciseDto = z.infer<typeof exerciseDto>;
export type ExerciseRef = Pick<ExerciseDto, 'id' | 'slug' | 'name'>;

export const slugInput = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single dashes');

const exerciseFields = {
  slug: slugInput,
  name: textInput(100).pipe(z.string().min(1)),
  muscleGroup: textInput(40).pipe(z.string().toLowerCase().min(1)).nullable(),
  category: z.enum(EXERCISE_CATEGORIES),
  isUpperBody: z.boolean(),
};

export const createExerciseBody = z.strictObject({
  ...exerciseFields,
  muscleGroup: exerciseFields.muscleGroup.optional().default(null),
  category: exerciseFields.category.default('compound'),
  isUpperBody: exerciseFields.isUpperBody.default(false),
});
export type CreateExerciseBody = z.infer<typeof createExerciseBody>;

export const updateExerciseBody = z
  .strictObject({
    slug: exerciseFields.slug.optional(),
    name: exerciseFields.name.optional(),
    muscleGroup: exerciseFields.muscleGroup.optional(),
    category: exerciseFields.category.optional(),
    isUpperBody: exerciseFields.isUpperBody.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to update' });
export type UpdateExerciseBody = z.infer<typeof updateExerciseBody>;

export const listExercisesQuery = z.object({
  search: textInput(100).optional(),
  category: z.enum(EXERCISE_CATEGORIES).optional(),
  muscleGroup: textInput(40).pipe(z.string().toLowerCase()).optional(),
  bodyPart: z.enum(['upper', 'lower']).optional(),
});
export type ListExercisesQuery = z.infer<typeof listExercisesQuery>;

export type ExerciseUsage = {
  plans: Array<{ id: number; name: string }>;
  trainingMaxes: number;
  workoutSets: number;
};
