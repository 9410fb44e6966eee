import { z } from 'zod';
import { idInput, unitSchema, weightInput } from './common';
import { planBody } from './plans';
import { workoutSetDto } from './workouts';
import { ROUNDING_MODES } from '../engine/weights';

/**
 * The most sets one projection prescribes (weeks × sets per week): ~40 ms of engine work on 2 cores. Enough for a
 * year of nSuns (68 sets a week); a bigger request is a 422 naming the weeks this plan allows.
 */
export const PROJECTION_SET_BUDGET = 3600;

/** How many weeks of `weekSetCounts` (sets per week of one cycle, week 1 first) fit the budget, at most 52. */
export function maxProjectionWeeks(weekSetCounts: readonly number[]): number {
  let total = 0;
  for (let week = 0; week < 52; week++) {
    total += weekSetCounts[week % weekSetCounts.length] ?? 0;
    if (total > PROJECTION_SET_BUDGET) return week;
  }
  return 52;
}

const trainingMaxesInput = z
  .array(z.strictObject({ exerciseId: idInput, trainingMax: weightInput }))
  .max(50)
  .superRefine((tms, ctx) => {
    const seen = new Set<number>();
    tms.forEach((tm, i) => {
      if (seen.has(tm.exerciseId))
        ctx.addIssue({ code: 'custom', path: [i, 'exerciseId'], message: 'exercise repeated' });
      seen.add(tm.exerciseId);
    });
  });

/** `POST /api/plans/:id/projection`: weeks of training from cycle 1 week 1, nothing written (DESIGN.md). */
export const projectionBody = z.strictObject({
  /** TMs to project from, in the caller's unit; omitted → the caller's current TMs. */
  trainingMaxes: trainingMaxesInput.optional(),
  weeks: z.number().int().min(1, 'weeks must be 1–52').max(52, 'weeks must be 1–52'),
  /** Every AMRAP done at prescribed + this many reps (negative: a miss). */
  amrapExtraReps: z.number().int().min(-20).max(50).default(0),
});
export type ProjectionBody = z.infer<typeof projectionBody>;

/** The builder's projection of an unsaved plan body (admins): same engine, the admin's sample TMs and settings. */
export const planDraftProjectionBody = z.strictObject({
  plan: planBody,
  trainingMaxes: trainingMaxesInput,
  weeks: z.number().int().min(1).max(52),
  amrapExtraReps: z.number().int().min(-20).max(50).default(0),
  unit: unitSchema.default('kg'),
  increment: weightInput.optional(),
  rounding: z.enum(ROUNDING_MODES).default('nearest'),
});
export type PlanDraftProjectionBody = z.infer<typeof planDraftProjectionBody>;

export const projectedSetDto = workoutSetDto.omit({
  id: true,
  isAdded: true,
  swappedFrom: true,
  rpe: true,
  note: true,
  skipped: true,
});
export type ProjectedSetDto = z.infer<typeof projectedSetDto>;

export const projectedSessionDto = z.object({
  cycle: z.number(),
  weekNumber: z.number(),
  dayNumber: z.number(),
  dayName: z.string().nullable(),
  isDeload: z.boolean(),
  sets: z.array(projectedSetDto),
  /** The TMs this session was prescribed from. */
  trainingMaxes: z.array(z.object({ exerciseId: z.number(), slug: z.string(), trainingMax: z.number() })),
});
export type ProjectedSessionDto = z.infer<typeof projectedSessionDto>;

export const projectionResponse = z.object({
  unit: unitSchema,
  increment: z.number(),
  rounding: z.enum(ROUNDING_MODES),
  sessions: z.array(projectedSessionDto),
});
export type ProjectionResponse = z.infer<typeof projectionResponse>;
