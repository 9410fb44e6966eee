import { dec, Decimal, type DecimalLike } from './decimal';
import type { RuleKind } from './plan-model';
import { convertWeight, type Unit } from './units';
import { roundToIncrement } from './weights';

export type RuleCategory = 'upper' | 'lower';

export type RuleScope = { exerciseId: number | null; category: RuleCategory | null };
/** A rule without `kind` (seed 003's shape) is an AMRAP-table rule. */
export type AmrapTableRule = RuleScope & {
  kind?: 'amrap_table';
  minReps: number;
  maxReps: number;
  increase: DecimalLike;
  unit: Unit;
};
export type RepsOverTargetRule = RuleScope & {
  kind: 'reps_over_target';
  increase: DecimalLike;
  unit: Unit;
  maxSteps: number | null;
};
export type CycleIncrementRule = RuleScope & { kind: 'cycle_increment'; increase: DecimalLike; unit: Unit | 'percent' };
export type StallResetRule = RuleScope & { kind: 'stall_reset'; failures: number; factor: DecimalLike };
export type AnyProgressionRule = AmrapTableRule | RepsOverTargetRule | CycleIncrementRule | StallResetRule;

/** The original (seed 003) rule: an AMRAP table row. */
export type ProgressionRule = AmrapTableRule;

type RuleOfKind<K extends RuleKind> =
  Extract<AnyProgressionRule, { kind: K }> | (K extends 'amrap_table' ? AmrapTableRule : never);

export const ruleKind = (rule: { kind?: RuleKind }): RuleKind => rule.kind ?? 'amrap_table';

const isKind =
  <K extends RuleKind>(kind: K) =>
  (rule: AnyProgressionRule): rule is RuleOfKind<K> =>
    ruleKind(rule) === kind;

export type RuleTarget = { tmExerciseId: number; tmExerciseIsUpperBody: boolean };

/**
 * The rule of `kind` for a TM exercise: its own rule, else the category rule (upper/lower body), else none.
 * `applies` narrows the candidates first (an AMRAP table's rep range).
 */
export function findRuleOfKind<K extends RuleKind>(
  rules: readonly AnyProgressionRule[],
  kind: K,
  target: RuleTarget,
  applies: (rule: RuleOfKind<K>) => boolean = () => true,
): RuleOfKind<K> | undefined {
  const candidates = rules.filter(isKind(kind)).filter(applies);
  const category: RuleCategory = target.tmExerciseIsUpperBody ? 'upper' : 'lower';
  return (
    candidates.find((r) => r.exerciseId === target.tmExerciseId) ??
    candidates.find((r) => r.exerciseId === null && r.category === category)
  );
}

/** A rule's weight in the lifter's unit: the other unit is converted and rounded to the lifter's increment. */
export function increaseInLifterUnit(
  increase: DecimalLike,
  unit: Unit,
  lifter: { unit: Unit; increment: DecimalLike },
): Decimal {
  if (unit === lifter.unit) return dec(increase);
  return roundToIncrement(convertWeight(increase, unit, lifter.unit), lifter.increment);
}

export type ProgressionInput = RuleTarget & { amrapReps: number; lifterUnit: Unit; lifterIncrement: DecimalLike };

const inRange = (reps: number) => (rule: AmrapTableRule) => reps >= rule.minReps && reps <= rule.maxReps;

/** The AMRAP-table rule whose range holds the reps: the TM exercise's own, else its category's, else none. */
export function findProgressionRule(
  rules: readonly AnyProgressionRule[],
  input: ProgressionInput,
): ProgressionRule | undefined {
  return findRuleOfKind(rules, 'amrap_table', input, inRange(input.amrapReps));
}

/**
 * The TM increase for an AMRAP result, in the lifter's unit. A rule written in the other unit is converted and
 * rounded to the lifter's increment (2.5 kg → 5 lb at a 5 lb increment).
 */
export function progressionIncrease(rules: readonly AnyProgressionRule[], input: ProgressionInput): Decimal {
  const rule = findProgressionRule(rules, input);
  if (!rule) return new Decimal(0);
  return increaseInLifterUnit(rule.increase, rule.unit, { unit: input.lifterUnit, increment: input.lifterIncrement });
}

export type RangeOverlap = { first: number; second: number };

type OverlapCandidate = RuleScope &
  ({ kind?: 'amrap_table'; minReps: number; maxReps: number } | { kind: Exclude<RuleKind, 'amrap_table'> });

const isRangeRule = (rule: OverlapCandidate): rule is Extract<OverlapCandidate, { minReps: number }> =>
  ruleKind(rule) === 'amrap_table';

/** Pairs of AMRAP-table rule indexes whose inclusive rep ranges overlap within the same scope (exercise or category). */
export function findOverlappingRules(rules: readonly OverlapCandidate[]): RangeOverlap[] {
  const overlaps: RangeOverlap[] = [];
  const scopeOf = (r: OverlapCandidate) =>
    r.exerciseId !== null ? `exercise:${r.exerciseId}` : `category:${r.category}`;
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const a = rules[i]!;
      const b = rules[j]!;
      if (!isRangeRule(a) || !isRangeRule(b)) continue;
      if (scopeOf(a) === scopeOf(b) && a.minReps <= b.maxReps && b.minReps <= a.maxReps)
        overlaps.push({ first: i, second: j });
    }
  }
  return overlaps;
}
