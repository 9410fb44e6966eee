import type { PlanDetailDto, ProgressionRuleDto } from '@liftplan/domain';
import { formatNumber, formatPercent } from '@/lib/format';

/** Reps at or above this are "and more" (plans write the open end of the last range as 99 or similar). */
const OPEN_ENDED_REPS = 99;

export type RuleGroup = {
  /** "Upper body", "Lower body" or an exercise's name. */
  scope: string;
  /** Which lifts the scope covers, for the category groups. */
  lifts: string[];
  /** "2–3 reps → +2.5 kg", in rep order, then the other kinds of rule. */
  lines: string[];
};

export function describeRepRange(minReps: number, maxReps: number): string {
  if (maxReps >= OPEN_ENDED_REPS) return `${minReps}+ reps`;
  if (minReps === maxReps) return `${minReps} ${minReps === 1 ? 'rep' : 'reps'}`;
  return `${minReps}–${maxReps} reps`;
}

export function describeIncrease(rule: Pick<ProgressionRuleDto, 'increase' | 'unit'>): string {
  const increase = rule.increase ?? 0;
  if (increase === 0) return 'no change';
  return rule.unit === 'percent' ? `+${formatNumber(increase)}%` : `+${formatNumber(increase)} ${rule.unit ?? 'kg'}`;
}

const KIND_ORDER: Record<ProgressionRuleDto['kind'], number> = {
  amrap_table: 0,
  reps_over_target: 1,
  cycle_increment: 2,
  stall_reset: 3,
};

/** One rule in plain words: "2–3 reps → +2.5 kg", "after 2 misses in a row → TM × 90%". */
export function describeRule(rule: ProgressionRuleDto): string {
  switch (rule.kind) {
    case 'amrap_table':
      return `${describeRepRange(rule.minReps ?? 0, rule.maxReps ?? OPEN_ENDED_REPS)} → ${describeIncrease(rule)}`;
    case 'reps_over_target':
      return `each rep over the target → ${describeIncrease(rule)}${rule.maxSteps ? ` (counting at most ${rule.maxSteps})` : ''}`;
    case 'cycle_increment':
      return `each finished cycle → ${describeIncrease(rule)}${rule.unit === 'percent' ? ' of the training max' : ''}`;
    case 'stall_reset': {
      const failures = rule.failures ?? 1;
      const factor = rule.factor ?? 1;
      return `${failures === 1 ? 'a miss' : `${failures} misses in a row`} → training max × ${formatPercent(factor)}`;
    }
  }
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
        .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.minReps ?? 0) - (b.minReps ?? 0))
        .map(describeRule),
    }));
}
