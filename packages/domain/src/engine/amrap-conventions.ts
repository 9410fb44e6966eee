/**
 * Conventions of AMRAP-driven linear progression that both the seeded nSuns plan and the plan builder apply, kept
 * here once so the builder's defaults and the built-in plan can never disagree.
 */

/** Index of the highest-percentage AMRAP set (the first one on a tie), -1 when there is none. */
export function highestPercentageAmrap(sets: ReadonlyArray<{ percentage: number; isAmrap: boolean }>): number {
  let best = -1;
  sets.forEach((set, i) => {
    if (set.isAmrap && (best === -1 || set.percentage > sets[best]!.percentage)) best = i;
  });
  return best;
}

/** The classic LP table: kg added to the TM by the progression set's reps, upper vs lower body. */
export const STANDARD_AMRAP_RULES = [
  { category: 'upper', minReps: 0, maxReps: 1, increase: 0, unit: 'kg' },
  { category: 'upper', minReps: 2, maxReps: 3, increase: 2.5, unit: 'kg' },
  { category: 'upper', minReps: 4, maxReps: 5, increase: 2.5, unit: 'kg' },
  { category: 'upper', minReps: 6, maxReps: 99, increase: 5, unit: 'kg' },
  { category: 'lower', minReps: 0, maxReps: 1, increase: 0, unit: 'kg' },
  { category: 'lower', minReps: 2, maxReps: 3, increase: 2.5, unit: 'kg' },
  { category: 'lower', minReps: 4, maxReps: 5, increase: 5, unit: 'kg' },
  { category: 'lower', minReps: 6, maxReps: 99, increase: 7.5, unit: 'kg' },
] as const;
