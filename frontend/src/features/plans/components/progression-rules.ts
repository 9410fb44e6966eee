import type { PlanDetailDto, ProgressionRuleDto } from '@liftplan/domain';
import { formatNumber } from '@/lib/format';

/** Reps at or above this are "and more" (plans write the open end of the last range as 99 or similar). */
const OPEN_ENDED_REPS = 99;

export type RuleGroup = {
  /** "Upper body", "Lower body" or an exercise's name. */
  scope: string;
  /** Which lifts the scope covers, for the category groups. */
  lifts: string[];
  /** "2–3 reps → +2.5 kg", in rep order. */
  lines: string[];
};

export function describeRepRange(minReps: number, maxReps: number): string {
  if (maxReps >= OPEN_ENDED_REPS) return `${minReps}+ reps`;
  if (minReps === maxReps) return `${minReps} ${minReps === 1 ? 'rep' : 'reps'}`;
  return `${minReps}–${maxReps} reps`;
}

export function describeIncrease(rule: Pick<ProgressionRuleDto, 'increase' | 'unit'>): string {
  return rule.increase === 0 ? 'no change' : `+${formatNumber(rule.increase)} ${rule.unit}`;
}

/**
 * The plan's progression rules in plain words, grouped by scope: exercise-specific rules first (they win), then
 * the upper- and lower-body category rules with the plan's lifts they apply to.
 */
export function describeProgressionRules(
  plan: Pick<PlanDetailDto, 'progressionRules' | 'requiredExercises'>,
): RuleGroup[] {
  const groups = new Map<string, { order: number; scope: string; lifts: string[]; rules: ProgressionRuleDto[] }>();
  const withOwnRule = new Set(plan.progressionRules.flatMap((r) => (r.exerciseId === null ? [] : [r.exerciseId])));
  for (const rule of plan.progressionRules) {
    const key = rule.exercise ? `exercise:${rule.exercise.id}` : `category:${rule.category}`;
    let group = groups.get(key);
    if (!group) {
      const isUpper = rule.category === 'upper';
      group = rule.exercise
        ? { order: 0, scope: rule.exercise.name, lifts: [], rules: [] }
        : {
            order: isUpper ? 1 : 2,
            scope: isUpper ? 'Upper body' : 'Lower body',
            lifts: plan.requiredExercises
              .filter((e) => e.isUpperBody === isUpper && !withOwnRule.has(e.id))
              .map((e) => e.name),
            rules: [],
          };
      groups.set(key, group);
    }
    group.rules.push(rule);
  }
  return [...groups.values()]
    .sort((a, b) => a.order - b.order || a.scope.localeCompare(b.scope))
    .map(({ scope, lifts, rules }) => ({
      scope,
      lifts,
      lines: [...rules]
        .sort((a, b) => a.minReps - b.minReps)
        .map((rule) => `${describeRepRange(rule.minReps, rule.maxReps)} → ${describeIncrease(rule)}`),
    }));
}
