import { prescribedWeight, toNumber, type PlanDayDto, type UserDto } from '@liftplan/domain';
import type { SetKind } from './format';

/** The lifter's rounding settings: what every prescribed weight is rounded with. */
export type PrescriptionSettings = Pick<UserDto, 'weightIncrement' | 'rounding'>;

/** A set with its weight worked out: the common shape of a plan day prescribed here and a projected session's sets. */
export type PrescribedSet = {
  exerciseId: number;
  exercise: { id: number; slug: string; name: string };
  tmExerciseId: number;
  displayName: string | null;
  tier: string;
  kind: SetKind;
  exerciseOrder: number;
  setOrder: number;
  percentage: number | null;
  /** null: an accessory set without a percentage (the lifter picks the weight), or no TM for its lift yet. */
  prescribedWeight: number | null;
  prescribedReps: number;
  repsMax: number | null;
  isAmrap: boolean;
  isProgression: boolean;
};

/**
 * One plan day prescribed from the lifter's TMs with the engine the API generates workouts with (same rounding,
 * same increment offsets), so the dashboard shows the weights the workout will have.
 */
export function prescribeDay(
  day: PlanDayDto,
  trainingMaxes: ReadonlyMap<number, number>,
  settings: PrescriptionSettings,
): PrescribedSet[] {
  return day.exercises.flatMap((slot) =>
    slot.sets.map((set) => {
      const tm = trainingMaxes.get(slot.tmExerciseId);
      return {
        exerciseId: slot.exerciseId,
        exercise: slot.exercise,
        tmExerciseId: slot.tmExerciseId,
        displayName: slot.displayName,
        tier: slot.tier,
        kind: set.kind,
        exerciseOrder: slot.sortOrder,
        setOrder: set.setOrder,
        percentage: set.percentage,
        prescribedWeight:
          tm === undefined || set.percentage === null
            ? null
            : toNumber(
                prescribedWeight(
                  String(tm),
                  String(set.percentage),
                  String(settings.weightIncrement),
                  settings.rounding,
                  set.incrementOffset,
                ),
              ),
        prescribedReps: set.reps,
        repsMax: set.repsMax,
        isAmrap: set.isAmrap,
        isProgression: set.isProgression,
      };
    }),
  );
}

/** The heaviest work set of one exercise slot (AMRAP / progression sets win ties): what "top set" means here. */
export type TopSet = PrescribedSet & { name: string };

/**
 * Per exercise slot, its top set, in the day's order. Warm-ups never count; accessory slots only with
 * `includeAccessories`.
 */
export function topSets<S extends PrescribedSet>(sets: S[], { includeAccessories = false } = {}): Array<S & TopSet> {
  const bySlot = new Map<string, S>();
  const ordered = [...sets].sort((a, b) => a.exerciseOrder - b.exerciseOrder || a.setOrder - b.setOrder);
  for (const set of ordered) {
    if (set.kind === 'warmup' || (set.kind === 'accessory' && !includeAccessories)) continue;
    const key = `${set.exerciseOrder}:${set.exerciseId}`;
    const best = bySlot.get(key);
    if (!best || outranks(set, best)) bySlot.set(key, set);
  }
  return [...bySlot.values()].map((set) => ({ ...set, name: set.displayName ?? set.exercise.name }));
}

function outranks(a: PrescribedSet, b: PrescribedSet): boolean {
  const weightA = a.prescribedWeight ?? a.percentage ?? -1;
  const weightB = b.prescribedWeight ?? b.percentage ?? -1;
  if (weightA !== weightB) return weightA > weightB;
  const flagA = Number(a.isAmrap || a.isProgression);
  const flagB = Number(b.isAmrap || b.isProgression);
  return flagA > flagB;
}

/** How many accessory slots a day has besides its top sets ("+ 3 accessories"). */
export function accessorySlotCount(sets: PrescribedSet[]): number {
  const main = new Set(sets.filter((s) => s.kind !== 'accessory').map((s) => `${s.exerciseOrder}:${s.exerciseId}`));
  return new Set(
    sets
      .filter((s) => s.kind === 'accessory')
      .map((s) => `${s.exerciseOrder}:${s.exerciseId}`)
      .filter((k) => !main.has(k)),
  ).size;
}
