import { dec, Decimal, type DecimalLike } from './decimal';
import { convertWeight, type Unit } from './units';
import { roundToIncrement } from './weights';

export type RuleCategory = 'upper' | 'lower';

export type ProgressionRule = {
  exerciseId: number | null;
  category: RuleCategory | null;
  minReps: number;
  maxReps: number;
  increase: DecimalLike;
  unit: Unit;
};

export type ProgressionInput = {
  tmExerciseId: number;
  tmExerciseIsUpperBody: boolean;
  amrapReps: number;
  lifterUnit: Unit;
  lifterIncrement: DecimalLike;
};

const inRange = (rule: ProgressionRule, reps: number) => reps >= rule.minReps && reps <= rule.maxReps;

/** The TM exercise's own rule, else the category rule by upper/lower body, else none. */
export function findProgressionRule(rules: ProgressionRule[], input: ProgressionInput): ProgressionRule | undefined {
  const own = rules.find((r) => r.exerciseId === input.tmExerciseId && inRange(r, input.amrapReps));
  if (own) return own;
  const category: RuleCategory = input.tmExerciseIsUpperBody ? 'upper' : 'lower';
  return rules.find((r) => r.exerciseId === null && r.category === category && inRange(r, input.amrapReps));
}

/**
 * The TM increase for an AMRAP result, in the lifter's unit. A rule written in the other unit is converted and
 * rounded to the lifter's increment (2.5 kg → 5 lb at a 5 lb increment).
 */
export function progressionIncrease(rules: ProgressionRule[], input: ProgressionInput): Decimal {
  const rule = findProgressionRule(rules, input);
  if (!rule) return new Decimal(0);
  const increase = dec(rule.increase);
  if (rule.unit === input.lifterUnit) return increase;
  return roundToIncrement(convertWeight(increase, rule.unit, input.lifterUnit), input.lifterIncrement);
}

export type RangeOverlap = { first: number; second: number };

/** Pairs of rule indexes whose inclusive rep ranges overlap within the same scope (exercise or category). */
export function findOverlappingRules(
  rules: Array<Pick<ProgressionRule, 'exerciseId' | 'category' | 'minReps' | 'maxReps'>>,
): RangeOverlap[] {
  const overlaps: RangeOverlap[] = [];
  const scopeOf = (r: (typeof rules)[number]) =>
    r.exerciseId !== null ? `exercise:${r.exerciseId}` : `category:${r.category}`;
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const a = rules[i]!;
      const b = rules[j]!;
      if (scopeOf(a) === scopeOf(b) && a.minReps <= b.maxReps && b.minReps <= a.maxReps)
        overlaps.push({ first: i, second: j });
    }
  }
  return overlaps;
}
