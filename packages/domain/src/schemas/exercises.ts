import { z } from 'zod';
import { textInput } from './common';

export const EXERCISE_CATEGORIES = ['compound', 'isolation'] as const;
export const EXERCISE_EQUIPMENT = [
  'barbell',
  'dumbbell',
  'machine',
  'cable',
  'bodyweight',
  'kettlebell',
  'band',
  'other',
] as const;
export type ExerciseEquipment = (typeof EXERCISE_EQUIPMENT)[number];
/** Bounds of an exercise's lists (search and storage stay small). */
export const MAX_SECONDARY_MUSCLES = 12;
export const MAX_EXERCISE_ALIASES = 20;

export const exerciseDto = z.object({
  id: z.number(),
  slug: z.string(),
  name: z.string(),
  muscleGroup: z.string().nullable(),
  category: z.enum(EXERCISE_CATEGORIES),
  isUpperBody: z.boolean(),
  /** Other muscles worked, lower-case ("glutes", "front delts"). */
  secondaryMuscles: z.array(z.string()),
  equipment: z.enum(EXERCISE_EQUIPMENT).nullable(),
  /** Other names search finds it by ("DL", "dead lift"). */
  aliases: z.array(z.string()),
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

/** A list of short texts: trimmed, blanks rejected, duplicates (ignoring case) dropped, bounded in count. */
const textList = (itemMaxLength: number, maxItems: number, lowerCase: boolean) =>
  z
    .array(textInput(itemMaxLength).pipe(lowerCase ? z.string().toLowerCase().min(1) : z.string().min(1)))
    .max(maxItems)
    .transform((items) => {
      const seen = new Set<string>();
      return items.filter((item) => {
        const key = item.toLowerCase();
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    });

const exerciseFields = {
  slug: slugInput,
  name: textInput(100).pipe(z.string().min(1)),
  muscleGroup: textInput(40).pipe(z.string().toLowerCase().min(1)).nullable(),
  category: z.enum(EXERCISE_CATEGORIES),
  isUpperBody: z.boolean(),
  secondaryMuscles: textList(40, MAX_SECONDARY_MUSCLES, true),
  equipment: z.enum(EXERCISE_EQUIPMENT).nullable(),
  aliases: textList(60, MAX_EXERCISE_ALIASES, false),
};

export const createExerciseBody = z.strictObject({
  ...exerciseFields,
  muscleGroup: exerciseFields.muscleGroup.optional().default(null),
  category: exerciseFields.category.default('compound'),
  isUpperBody: exerciseFields.isUpperBody.default(false),
  // Optional in the parsed body too (the service stores [] / null), so callers building a body need not list them.
  secondaryMuscles: exerciseFields.secondaryMuscles.optional(),
  equipment: exerciseFields.equipment.optional(),
  aliases: exerciseFields.aliases.optional(),
});
export type CreateExerciseBody = z.infer<typeof createExerciseBody>;

export const updateExerciseBody = z
  .strictObject({
    slug: exerciseFields.slug.optional(),
    name: exerciseFields.name.optional(),
    muscleGroup: exerciseFields.muscleGroup.optional(),
    category: exerciseFields.category.optional(),
    isUpperBody: exerciseFields.isUpperBody.optional(),
    secondaryMuscles: exerciseFields.secondaryMuscles.optional(),
    equipment: exerciseFields.equipment.optional(),
    aliases: exerciseFields.aliases.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to update' });
export type UpdateExerciseBody = z.infer<typeof updateExerciseBody>;

/** At most this many exercises answer a search (best first); without a search term the whole library is listed. */
export const EXERCISE_SEARCH_LIMIT = 50;

export const listExercisesQuery = z.object({
  search: textInput(100).optional(),
  category: z.enum(EXERCISE_CATEGORIES).optional(),
  muscleGroup: textInput(40).pipe(z.string().toLowerCase()).optional(),
  bodyPart: z.enum(['upper', 'lower']).optional(),
  equipment: z.enum(EXERCISE_EQUIPMENT).optional(),
});
export type ListExercisesQuery = z.infer<typeof listExercisesQuery>;

export type ExerciseUsage = {
  plans: Array<{ id: number; name: string }>;
  trainingMaxes: number;
  workoutSets: number;
};
