import {
  convertWeight,
  prescribedWeight,
  toNumber,
  toStoredWeight,
  type PlanDayDto,
  type PlanDetailDto,
  type PlanExerciseDto,
  type PrescribedPlanSetDto,
  type PrescribedSetTemplate,
  type RoundingMode,
  type Unit,
} from '@liftplan/domain';
import type { Db } from '../db/prisma';
import { currentTrainingMaxes } from '../training-maxes/current-training-maxes';

/** What prescribing needs about a lifter: unit, rounding and today's TMs (in that unit) of a plan's lifts. */
export type LifterPrescription = {
  unit: Unit;
  increment: string;
  rounding: RoundingMode;
  trainingMaxes: Map<number, string>;
};

export async function lifterPrescription(db: Db, userId: number, plans: PlanDetailDto[]): Promise<LifterPrescription> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { unitPreference: true, weightIncrement: true, rounding: true },
  });
  const unit = user.unitPreference as Unit;
  const ids = [...new Set(plans.flatMap((plan) => plan.requiredExercises.map((e) => e.id)))];
  const rows = await currentTrainingMaxes(db, userId, ids);
  return {
    unit,
    increment: user.weightIncrement.toString(),
    rounding: user.rounding as RoundingMode,
    trainingMaxes: new Map(
      rows.map((tm) => [tm.exerciseId, toStoredWeight(convertWeight(tm.weight, tm.unit as Unit, unit)).toString()]),
    ),
  };
}

/** A slot as a stored plan (PlanExerciseDto) or an unsaved builder body has it: a body may leave out the TM lift. */
export type TemplateSlot = Pick<
  PlanExerciseDto,
  'exerciseId' | 'sortOrder' | 'displayName' | 'tier' | 'restSeconds'
> & {
  tmExerciseId?: number;
  sets: Array<Omit<PlanExerciseDto['sets'][number], 'id'>>;
};

/** A plan day's sets as the engine's templates, in slot and set order (the detail lists them so). */
export const dayTemplates = (day: { exercises: TemplateSlot[] }): PrescribedSetTemplate[] =>
  day.exercises.flatMap((slot) =>
    slot.sets.map((set) => ({
      exerciseId: slot.exerciseId,
      tmExerciseId: slot.tmExerciseId ?? slot.exerciseId,
      exerciseOrder: slot.sortOrder,
      displayName: slot.displayName,
      tier: slot.tier,
      restSeconds: slot.restSeconds,
      setOrder: set.setOrder,
      kind: set.kind,
      // numeric(5,4) through JSON: the shortest string of the double is the stored decimal.
      percentage: set.percentage === null ? null : String(set.percentage),
      reps: set.reps,
      repsMax: set.repsMax,
      incrementOffset: set.incrementOffset,
      isAmrap: set.isAmrap,
      isProgression: set.isProgression,
    })),
  );

/** Every set of a plan day with its weight, as the workout would be generated (same engine, same rounding). */
export const prescribeDay = (day: PlanDayDto, lifter: LifterPrescription): PrescribedPlanSetDto[] =>
  day.exercises.flatMap((slot) => prescribeSlot(slot, lifter));

export function prescribeSlot(slot: PlanExerciseDto, lifter: LifterPrescription): PrescribedPlanSetDto[] {
  return slot.sets.map((set) => {
    const tm = lifter.trainingMaxes.get(slot.tmExerciseId);
    const weight =
      tm === undefined || set.percentage === null
        ? null
        : toNumber(
            prescribedWeight(tm, String(set.percentage), lifter.increment, lifter.rounding, set.incrementOffset),
          );
    return {
      exerciseId: slot.exerciseId,
      name: slot.displayName ?? slot.exercise.name,
      kind: set.kind,
      percentage: set.percentage,
      weight,
      reps: set.reps,
      repsMax: set.repsMax,
      isAmrap: set.isAmrap,
    };
  });
}
