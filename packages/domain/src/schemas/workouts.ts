import { z } from 'zod';
import { idParam, paginationQuery, unitSchema, weightInput } from './common';
import { RULE_KIND_VALUES, SET_KIND_VALUES } from './plans';

export const WORKOUT_STATUSES = ['in_progress', 'completed', 'abandoned', 'skipped'] as const;

/** `{}` starts the pointer's workout; `{ dayNumber }` that day of the pointer's week; `{ weekNumber, dayNumber }` any day. */
export const startWorkoutBody = z
  .strictObject({
    weekNumber: z.number().int().min(1).max(52).optional(),
    dayNumber: z.number().int().min(1).max(7).optional(),
  })
  .refine((b) => b.weekNumber === undefined || b.dayNumber !== undefined, {
    path: ['dayNumber'],
    message: 'give the dayNumber of that week',
  });
export type StartWorkoutBody = z.infer<typeof startWorkoutBody>;
export const workoutSetParams = z.object({ id: idParam, setId: idParam });
/** RPE 6–10 in halves (6, 6.5, … 10). */
export const RPE_MIN = 6;
export const RPE_MAX = 10;
export const rpeInput = z.number().min(RPE_MIN).max(RPE_MAX).multipleOf(0.5, 'must be 6 to 10 in steps of 0.5');
export const SET_NOTE_MAX = 500;
export const WORKOUT_NOTE_MAX = 1000;
/** A note: trimmed; empty (or null) clears it. */
const noteInput = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((s) => (s === '' ? null : s));
const LOG_SET_FIELDS = ['actualReps', 'actualWeight', 'rpe', 'note', 'completed', 'skipped'] as const;
export const logSetBody = z
  .strictObject({
    actualReps: z.number().int().min(0).max(200).nullable().optional(),
    actualWeight: weightInput.nullable().optional(),
    rpe: rpeInput.nullable().optional(),
    note: noteInput(SET_NOTE_MAX).optional(),
    completed: z.boolean().optional(),
    /** Skipping a set un-does it (completed false, reps cleared); completing it un-skips it. */
    skipped: z.boolean().optional(),
  })
  .refine((b) => LOG_SET_FIELDS.some((k) => b[k] !== undefined), {
    message: `give any of ${LOG_SET_FIELDS.join(', ')}`,
  })
  .refine((b) => !(b.completed === true && b.skipped === true), {
    path: ['skipped'],
    message: 'a set is either done or skipped, not both',
  });
export type LogSetBody = z.infer<typeof logSetBody>;

/** `PATCH /api/workouts/:id`: the lifter's note on the workout (any status; empty or null clears it). */
export const updateWorkoutBody = z.strictObject({ note: noteInput(WORKOUT_NOTE_MAX) });
export type UpdateWorkoutBody = z.infer<typeof updateWorkoutBody>;

export const listWorkoutsQuery = paginationQuery.extend({ status: z.enum(WORKOUT_STATUSES).optional() });
export type ListWorkoutsQuery = z.infer<typeof listWorkoutsQuery>;

export const progressionResultDto = z.object({
  exerciseId: z.number(),
  slug: z.string(),
  previousTM: z.number(),
  newTM: z.number(),
  increase: z.number(),
  /** The progression set's reps; null when only a cycle-end increase moved this TM. */
  amrapReps: z.number().nullable(),
  /**
   * What moved the TM when it was not an AMRAP table: reps_over_target, cycle_increment or stall_reset. Absent when
   * an AMRAP table did or nothing did, so a seed-003 plan's results keep their shape.
   */
  kind: z.enum(RULE_KIND_VALUES).optional(),
  /** Present (true) when the rule's increase was cut or dropped to keep the TM within MAX_TRAINING_MAX (engine/limits). */
  capped: z.literal(true).optional(),
  /**
   * Present when the progression set was done lighter than prescribed: the TM did not move (previousTM = newTM)
   * and the set counted neither as progress nor as a stall miss.
   */
  held: z.literal('lighter_than_prescribed').optional(),
});
export type ProgressionResultDto = z.infer<typeof progressionResultDto>;

export const platesDto = z.object({
  perSide: z.array(z.number()),
  remainderPerSide: z.number(),
  belowBar: z.boolean(),
});

export const workoutSetDto = z.object({
  id: z.number(),
  exerciseId: z.number(),
  exercise: z.object({ id: z.number(), slug: z.string(), name: z.string() }),
  tmExerciseId: z.number(),
  displayName: z.string().nullable(),
  tier: z.string(),
  kind: z.enum(SET_KIND_VALUES),
  exerciseOrder: z.number(),
  setOrder: z.number(),
  /** null on accessory sets without a percentage: the lifter enters the weight (actualWeight). */
  percentage: z.number().nullable(),
  prescribedWeight: z.number().nullable(),
  prescribedReps: z.number(),
  repsMax: z.number().nullable(),
  restSeconds: z.number().nullable(),
  isAmrap: z.boolean(),
  isProgression: z.boolean(),
  actualReps: z.number().nullable(),
  actualWeight: z.number().nullable(),
  rpe: z.number().nullable(),
  note: z.string().nullable(),
  completed: z.boolean(),
  skipped: z.boolean(),
  /** Added by the lifter during the workout (an extra set or an accessory); only added sets can be deleted. */
  isAdded: z.boolean(),
  /** The exercise the plan prescribed, when the lifter swapped it for today (swapped sets never move a TM). */
  swappedFrom: z.object({ id: z.number(), slug: z.string(), name: z.string() }).nullable(),
  plates: platesDto.nullable(),
});
export type WorkoutSetDto = z.infer<typeof workoutSetDto>;

export const workoutDto = z.object({
  id: z.number(),
  cycle: z.number(),
  weekNumber: z.number(),
  dayNumber: z.number(),
  dayName: z.string().nullable(),
  planId: z.number().nullable(),
  planName: z.string().nullable(),
  unit: unitSchema,
  status: z.enum(WORKOUT_STATUSES),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  note: z.string().nullable(),
  sets: z.array(workoutSetDto),
  progression: z.array(progressionResultDto).nullable(),
});
export type WorkoutDto = z.infer<typeof workoutDto>;

export const workoutSummaryDto = workoutDto
  .omit({ sets: true })
  .extend({ setCount: z.number(), completedSetCount: z.number() });
export type WorkoutSummaryDto = z.infer<typeof workoutSummaryDto>;

export const completeWorkoutResponse = z.object({ workout: workoutDto, progression: z.array(progressionResultDto) });
export type CompleteWorkoutResponse = z.infer<typeof completeWorkoutResponse>;

export const loggedSetDto = z.object({
  id: z.number(),
  workoutId: z.number(),
  actualReps: z.number().nullable(),
  actualWeight: z.number().nullable(),
  rpe: z.number().nullable(),
  note: z.string().nullable(),
  completed: z.boolean(),
  skipped: z.boolean(),
});
export type LoggedSetDto = z.infer<typeof loggedSetDto>;
