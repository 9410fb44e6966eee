import { z } from 'zod';
import { idInput, idParam, multilineTextInput, weightInput } from './common';
import { SET_KIND_VALUES } from './plans';
import { rpeInput, SET_NOTE_MAX, workoutDto, workoutSetDto } from './workouts';

// A workout that bends (issue 12): add a set or an accessory exercise, delete an added set, swap an exercise for
// today, and the last performance of an exercise to pre-fill an added one.

/** At most this many sets may be added to one workout (extra sets and accessories together). */
export const MAX_ADDED_SETS = 30;
/** Reps prescribed on an added accessory when neither the body nor the lifter's history gives any. */
export const DEFAULT_ACCESSORY_REPS = 10;

/**
 * `POST /api/workouts/:id/sets`: an exercise already in the workout gets an extra set at the end of its slot (the
 * slot's last work set's prescription, never a progression set); any other exercise becomes an accessory slot at
 * the end. The logging fields are optional, as on PATCH.
 */
export const addSetBody = z.strictObject({
  exerciseId: idInput,
  /** Which slot gets the extra set when the exercise is in several (default: the last one doing it). */
  exerciseOrder: z.number().int().min(0).max(1000).optional(),
  kind: z.enum(SET_KIND_VALUES).optional(),
  actualWeight: weightInput.nullable().optional(),
  actualReps: z.number().int().min(0).max(200).nullable().optional(),
  rpe: rpeInput.nullable().optional(),
  note: multilineTextInput(SET_NOTE_MAX)
    .nullable()
    .optional()
    .transform((s) => (s === '' ? null : s)),
  completed: z.boolean().optional(),
});
export type AddSetBody = z.infer<typeof addSetBody>;
/** What a client sends (note may be left out). */
export type AddSetInput = z.input<typeof addSetBody>;
export const addSetResponse = z.object({ set: workoutSetDto });
export type AddSetResponse = z.infer<typeof addSetResponse>;

export const deleteSetResponse = z.object({ deleted: z.literal(true), setId: z.number() });
export type DeleteSetResponse = z.infer<typeof deleteSetResponse>;

/**
 * `POST /api/workouts/:id/swap`: the slot's sets not yet completed get the substitute. keepTrainingMax false
 * (default): weights from the substitute's own TM; true: the slot keeps its TM exercise and weights.
 */
export const swapExerciseBody = z.strictObject({
  exerciseOrder: z.number().int().min(0).max(1000),
  exerciseId: idInput,
  keepTrainingMax: z.boolean().optional().default(false),
});
export type SwapExerciseBody = z.input<typeof swapExerciseBody>;
export const swapExerciseResponse = z.object({
  workout: workoutDto,
  swappedSetIds: z.array(z.number()),
  /** The TM exercise the swapped sets' weights came from. */
  tmExerciseId: z.number(),
  /** False for a swap (swapped sets never move a TM); true when going back to the plan restored a progression set. */
  movesTrainingMax: z.boolean(),
  message: z.string(),
});
export type SwapExerciseResponse = z.infer<typeof swapExerciseResponse>;

export const lastPerformanceQuery = z.object({ exerciseId: idParam });
export const lastPerformanceDto = z.object({
  /** In the lifter's current unit; null when the set had no weight (bodyweight). */
  actualWeight: z.number().nullable(),
  actualReps: z.number().nullable(),
  /** When that workout was done (ISO). */
  date: z.string(),
});
export type LastPerformanceDto = z.infer<typeof lastPerformanceDto>;
export const lastPerformanceResponse = z.object({ lastPerformance: lastPerformanceDto.nullable() });
export type LastPerformanceResponse = z.infer<typeof lastPerformanceResponse>;
