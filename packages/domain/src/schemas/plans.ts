import { z } from 'zod';
import { idInput, multilineTextInput, onlyWhenValid, textInput, unitSchema, whenValidAt } from './common';
import { findOverlappingRules } from '../engine/progression';
import { slugInput } from './exercises';

export const RULE_CATEGORIES = ['upper', 'lower'] as const;

export const planSetInput = z.strictObject({
  setOrder: z.number().int().min(1).max(100),
  percentage: z
    .number()
    .gt(0, 'percentage must be above 0')
    .max(1.5, 'percentage must be at most 1.5 (150 %)')
    .multipleOf(0.0001),
  reps: z.number().int().min(1, 'reps must be at least 1').max(100),
  isAmrap: z.boolean().default(false),
  isProgression: z.boolean().default(false),
});

export const planExerciseInput = z.strictObject({
  exerciseId: idInput,
  tier: textInput(10).pipe(z.string().min(1)),
  sortOrder: z.number().int().min(1).max(100),
  tmExerciseId: idInput.optional(),
  displayName: textInput(100)
    .nullish()
    .transform((v) => v || null),
  sets: z.array(planSetInput).min(1, 'add at least one set').max(50),
});

export const planDayInput = z.strictObject({
  dayNumber: z.number().int().min(1).max(7),
  name: textInput(100)
    .nullish()
    .transform((v) => v || null),
  exercises: z.array(planExerciseInput).min(1, 'add at least one exercise').max(30),
});

export const progressionRuleInput = z
  .strictObject({
    exerciseId: idInput.nullish().transform((v) => v ?? null),
    category: z
      .enum(RULE_CATEGORIES)
      .nullish()
      .transform((v) => v ?? null),
    minReps: z.number().int().min(0).max(999),
    maxReps: z.number().int().min(0).max(999),
    increase: z.number().min(0).max(100).multipleOf(0.01),
    unit: unitSchema.default('kg'),
  })
  .superRefine((rule, ctx) => {
    if ((rule.exerciseId === null) === (rule.category === null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['category'],
        message: 'give either an exerciseId or a category (upper/lower)',
      });
    }
    if (rule.maxReps < rule.minReps)
      ctx.addIssue({ code: 'custom', path: ['maxReps'], message: 'maxReps must be ≥ minReps' });
  }, onlyWhenValid);

export const progressionRulesInput = z
  .array(progressionRuleInput)
  .max(100)
  .superRefine((rules, ctx) => {
    for (const { second } of findOverlappingRules(rules)) {
      ctx.addIssue({
        code: 'custom',
        path: [second, 'minReps'],
        message: 'rep range overlaps another rule of the same scope',
      });
    }
  }, onlyWhenValid);

export const planBody = z
  .strictObject({
    name: textInput(100).pipe(z.string().min(1)),
    slug: slugInput,
    description: multilineTextInput(2000)
      .nullish()
      .transform((v) => v || null),
    daysPerWeek: z.number().int().min(1).max(7),
    isPublic: z.boolean().default(true),
    days: z.array(planDayInput).min(1).max(7),
    progressionRules: progressionRulesInput.default([]),
  })
  .superRefine(checkPlanStructure, whenValidAt('daysPerWeek', 'days'));
export type PlanBody = z.infer<typeof planBody>;
export type PlanDayInput = z.infer<typeof planDayInput>;
export type ProgressionRuleInput = z.infer<typeof progressionRuleInput>;

/** `PUT ?expectedUpdatedAt=<the plan's updatedAt when the editor loaded it>` → 409 PLAN_CHANGED if it moved on. */
export const updatePlanQuery = z.object({
  expectedUpdatedAt: z.iso
    .datetime()
    .transform((v) => new Date(v))
    .optional(),
});

export const replaceRulesBody = z.strictObject({ progressionRules: progressionRulesInput });

/** Runs only when daysPerWeek and days passed their own bounds. Day numbers 1..daysPerWeek without gaps or repeats; unique sortOrder / setOrder; progression only on AMRAP. */
function checkPlanStructure(plan: { daysPerWeek: number; days: PlanDayInput[] }, ctx: z.RefinementCtx) {
  const seenDays = new Set<number>();
  plan.days.forEach((day, d) => {
    if (day.dayNumber > plan.daysPerWeek) {
      ctx.addIssue({
        code: 'custom',
        path: ['days', d, 'dayNumber'],
        message: `day number must be between 1 and ${plan.daysPerWeek}`,
      });
    }
    if (seenDays.has(day.dayNumber))
      ctx.addIssue({ code: 'custom', path: ['days', d, 'dayNumber'], message: 'day number repeated' });
    seenDays.add(day.dayNumber);
    checkUnique(
      day.exercises.map((e) => e.sortOrder),
      (i) =>
        ctx.addIssue({
          code: 'custom',
          path: ['days', d, 'exercises', i, 'sortOrder'],
          message: 'sortOrder repeated in this day',
        }),
    );
    day.exercises.forEach((exercise, e) => {
      checkUnique(
        exercise.sets.map((s) => s.setOrder),
        (i) =>
          ctx.addIssue({
            code: 'custom',
            path: ['days', d, 'exercises', e, 'sets', i, 'setOrder'],
            message: 'setOrder repeated in this exercise',
          }),
      );
      exercise.sets.forEach((set, s) => {
        if (set.isProgression && !set.isAmrap) {
          ctx.addIssue({
            code: 'custom',
            path: ['days', d, 'exercises', e, 'sets', s, 'isProgression'],
            message: 'only an AMRAP set can drive progression',
          });
        }
      });
    });
  });
  for (let n = 1; n <= plan.daysPerWeek; n++) {
    if (!seenDays.has(n))
      ctx.addIssue({
        code: 'custom',
        path: ['days'],
        message: `day ${n} is missing (days must be 1..${plan.daysPerWeek})`,
      });
  }
}

function checkUnique(values: number[], onRepeat: (index: number) => void) {
  const seen = new Set<number>();
  values.forEach((v, i) => {
    if (seen.has(v)) onRepeat(i);
    seen.add(v);
  });
}

// ---------- responses ----------

const exerciseRef = z.object({ id: z.number(), slug: z.string(), name: z.string(), isUpperBody: z.boolean() });

export const planSetDto = z.object({
  id: z.number(),
  setOrder: z.number(),
  percentage: z.number(),
  reps: z.number(),
  isAmrap: z.boolean(),
  isProgression: z.boolean(),
});
export const planExerciseDto = z.object({
  id: z.number(),
  exerciseId: z.number(),
  exercise: exerciseRef,
  tier: z.string(),
  sortOrder: z.number(),
  tmExerciseId: z.number(),
  tmExercise: exerciseRef,
  displayName: z.string().nullable(),
  sets: z.array(planSetDto),
});
export const planDayDto = z.object({
  id: z.number(),
  dayNumber: z.number(),
  name: z.string().nullable(),
  exercises: z.array(planExerciseDto),
});
export const progressionRuleDto = z.object({
  id: z.number(),
  exerciseId: z.number().nullable(),
  exercise: exerciseRef.nullable(),
  category: z.enum(RULE_CATEGORIES).nullable(),
  minReps: z.number(),
  maxReps: z.number(),
  increase: z.number(),
  unit: unitSchema,
});
export const planDetailDto = z.object({
  id: z.number(),
  slug: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  daysPerWeek: z.number(),
  isPublic: z.boolean(),
  version: z.number(),
  versionId: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  days: z.array(planDayDto),
  progressionRules: z.array(progressionRuleDto),
  requiredExercises: z.array(exerciseRef),
});
export type PlanSetDto = z.infer<typeof planSetDto>;
export type PlanExerciseDto = z.infer<typeof planExerciseDto>;
export type PlanDayDto = z.infer<typeof planDayDto>;
export type ProgressionRuleDto = z.infer<typeof progressionRuleDto>;
export type PlanDetailDto = z.infer<typeof planDetailDto>;
export type ExerciseRefDto = z.infer<typeof exerciseRef>;

export const planSummaryDto = z.object({
  id: z.number(),
  slug: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  daysPerWeek: z.number(),
  isPublic: z.boolean(),
  version: z.number(),
  mainLifts: z.array(exerciseRef),
  setsPerDay: z.array(z.number()),
  totalSets: z.number(),
  activeSubscribers: z.number(),
  isCurrent: z.boolean(),
  updatedAt: z.string(),
});
export type PlanSummaryDto = z.infer<typeof planSummaryDto>;
