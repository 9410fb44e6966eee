import { dec, type Decimal, type DecimalLike } from './decimal';
import { roundToIncrement, type RoundingMode } from './weights';

/** A lifter's warm-up setting: `off` — only the plan's own warm-up sets; `standard` — the scheme below. */
export const WARMUP_SETTINGS = ['off', 'standard'] as const;
export type WarmupSetting = (typeof WARMUP_SETTINGS)[number];

/** The standard warm-up: shares of the slot's first work set's weight, and reps. */
export const STANDARD_WARMUP_SCHEME: ReadonlyArray<{ share: string; reps: number }> = [
  { share: '0.4', reps: 5 },
  { share: '0.5', reps: 5 },
  { share: '0.6', reps: 3 },
];

/** Rest after a generated warm-up set: warm-ups don't need a work set's rest. */
export const WARMUP_REST_SECONDS = 60;

type WarmupSource = {
  exerciseOrder: number;
  tmExerciseId: number;
  kind: string;
  setOrder: number;
  percentage: Decimal | null;
  prescribedWeight: Decimal | null;
};

/**
 * The slots that get generated warm-ups (exerciseOrder → the slot's first work set), under the `standard` setting:
 * a slot whose first set is a %-based `main` set, which is the FIRST slot of the day using its TM exercise (later
 * slots of the same lift — a T2, a back-off or FSL slot — are already warm), and no slot of the day using that TM
 * exercise has warm-up sets of its own (the plan's warm-ups win). Accessory and supplemental slots never get any.
 */
export function slotsNeedingWarmups<T extends WarmupSource>(sets: readonly T[]): Map<number, T> {
  const slots = new Map<number, T[]>();
  for (const s of [...sets].sort((a, b) => a.exerciseOrder - b.exerciseOrder || a.setOrder - b.setOrder)) {
    slots.set(s.exerciseOrder, [...(slots.get(s.exerciseOrder) ?? []), s]);
  }
  const plannedWarmups = new Set(sets.filter((s) => s.kind === 'warmup').map((s) => s.tmExerciseId));
  const seenTm = new Set<number>();
  const result = new Map<number, T>();
  for (const [order, slotSets] of [...slots].sort((a, b) => a[0] - b[0])) {
    const first = slotSets[0]!;
    const firstUse = !seenTm.has(first.tmExerciseId);
    slotSets.forEach((s) => seenTm.add(s.tmExerciseId));
    if (!firstUse || plannedWarmups.has(first.tmExerciseId)) continue;
    if (first.kind !== 'main' || first.percentage === null || first.prescribedWeight === null) continue;
    if (first.prescribedWeight.lte(0)) continue;
    result.set(order, first);
  }
  return result;
}

/** A warm-up set: its weight, its share of the TM and its reps. */
export type Warmup = { weight: Decimal; percentage: Decimal; reps: number };

/**
 * The standard warm-up sets for a work set of `workWeight`: each share of it rounded with the lifter's increment
 * and rounding mode; a warm-up that rounds to nothing or to the work weight itself is left out. With the lifter's
 * bar weight, nothing is lighter than the empty bar (see `clampToBar`).
 */
export function standardWarmups(
  workWeight: Decimal,
  workPercentage: Decimal,
  lifter: { increment: DecimalLike; rounding?: RoundingMode; barWeight?: DecimalLike | null },
): Warmup[] {
  const warmups = STANDARD_WARMUP_SCHEME.map(({ share, reps }) => ({
    weight: roundToIncrement(workWeight.mul(share), lifter.increment, lifter.rounding),
    percentage: workPercentage.mul(dec(share)).toDecimalPlaces(4),
    reps,
  })).filter((w) => w.weight.gt(0) && w.weight.lt(workWeight));
  const bar = lifter.barWeight === undefined || lifter.barWeight === null ? null : dec(lifter.barWeight);
  return bar === null || bar.lte(0) ? warmups : clampToBar(warmups, bar, workWeight, workPercentage);
}

/**
 * Warm-ups at or below the bar become one set with the empty bar (the first of them, its reps), only when the work
 * set is heavier than the bar; the warm-ups above the bar stay as they are.
 */
function clampToBar(warmups: Warmup[], bar: Decimal, workWeight: Decimal, workPercentage: Decimal): Warmup[] {
  const firstAtBar = warmups.find((w) => w.weight.lte(bar));
  const above = warmups.filter((w) => w.weight.gt(bar));
  if (!firstAtBar || !bar.lt(workWeight)) return above;
  const percentage = workPercentage.mul(bar).div(workWeight).toDecimalPlaces(4);
  return [{ weight: bar, percentage, reps: firstAtBar.reps }, ...above];
}
