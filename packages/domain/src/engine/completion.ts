import { dec, Decimal, type DecimalLike } from './decimal';
import { raiseTrainingMax } from './limits';
import type { RuleKind } from './plan-model';
import {
  findProgressionRule,
  findRuleOfKind,
  increaseInLifterUnit,
  ruleKind,
  type AnyProgressionRule,
  type RuleTarget,
} from './progression';
import { toStoredWeight, type Unit } from './units';
import { roundToIncrement } from './weights';

export type LoggedProgressionSet = {
  tmExerciseId: number;
  exerciseOrder: number;
  setOrder: number;
  actualReps: number | null;
  /**
   * The weight lifted and the weight prescribed (same unit). A set done lighter than prescribed does not count: it
   * moves no TM and is no stall miss. Absent or null = done as prescribed.
   */
  actualWeight?: DecimalLike | null;
  prescribedWeight?: DecimalLike | null;
};

export type SessionProgressionSet = LoggedProgressionSet & { prescribedReps: number };

/** Why a TM did not move although its progression set was logged. */
export type HeldReason = 'lighter_than_prescribed';

export type TmExerciseInfo = { slug: string; isUpperBody: boolean; currentTm: DecimalLike };

type Lifter = { unit: Unit; increment: DecimalLike };

export type SessionProgressionInput = {
  /** The workout's isProgression sets. */
  sets: SessionProgressionSet[];
  rules: AnyProgressionRule[];
  /** Current TMs (lifter unit) of every exercise below. */
  tmExercises: ReadonlyMap<number, TmExerciseInfo>;
  lifter: Lifter;
  /** The workout's week is a deload week. */
  isDeload: boolean;
  /** Consecutive misses per TM exercise before this workout. */
  stallCounts: ReadonlyMap<number, number>;
  /** Set when this completion finishes a cycle. */
  cycleEnd: { cycle: number; trainedTmExerciseIds: number[] } | null;
};

export type ProgressionOutcome = {
  exerciseId: number;
  slug: string;
  previousTM: Decimal;
  newTM: Decimal;
  /** Negative after a stall reset. */
  increase: Decimal;
  /** The deciding progression set's reps; null when only the cycle end moved the TM. */
  amrapReps: number | null;
  /** The rule kind that moved the TM (the last one applied); null when none did. */
  kind: RuleKind | null;
  /** The rule's increase was cut (or dropped) to keep the TM within MAX_TRAINING_MAX. */
  capped: boolean;
  /**
   * Set when the deciding progression set was lighter than prescribed: no session rule or stall count applied
   * (a cycle-end increment, which does not judge this set, still does).
   */
  held?: HeldReason;
};

export type SessionProgression = { outcomes: ProgressionOutcome[]; stallCounts: Map<number, number> };

type Change = { kind: RuleKind; increase: Decimal };

/**
 * TM changes from a finished workout: its progression sets (not in a deload week), the cycle's increment when it
 * finishes a cycle, and stall resets. A TM moves at most once per workout: per TM exercise the first logged
 * progression set (in workout order) done at no less than its prescribed weight decides. When every logged one was
 * lighter, the first of them is reported as held: the TM stays, the stall count stays (neither progress nor miss).
 * A reset replaces every other change; no TM passes the lifter's limit.
 */
export function computeSessionProgression(input: SessionProgressionInput): SessionProgression {
  const { rules, tmExercises, lifter, isDeload } = input;
  const stallCounts = new Map(input.stallCounts);
  const cycleTrained = input.cycleEnd?.trainedTmExerciseIds ?? [];
  const outcomes = new Map<number, ProgressionOutcome>();
  for (const set of decidingSets(input.sets, tmExercises)) {
    const info = tmExercises.get(set.tmExerciseId)!;
    const target: RuleTarget = { tmExerciseId: set.tmExerciseId, tmExerciseIsUpperBody: info.isUpperBody };
    const previousTM = dec(info.currentTm);
    const judged = !isDeload && !set.lighter;
    const changes = judged ? sessionChanges(rules, target, set, lifter) : [];
    const cycleChange = cycleTrained.includes(set.tmExerciseId) && cycleIncrement(rules, target, previousTM, lifter);
    if (cycleChange) changes.push(cycleChange);
    const reset = judged ? stallReset(rules, target, set, stallCounts) : undefined;
    const move = reset ? resetTrainingMax(previousTM, reset) : raise(previousTM, changes, lifter.unit);
    outcomes.set(set.tmExerciseId, {
      exerciseId: set.tmExerciseId,
      slug: info.slug,
      previousTM,
      ...move,
      amrapReps: set.actualReps,
      ...(!isDeload && set.lighter ? { held: 'lighter_than_prescribed' as const } : {}),
    });
  }
  for (const id of cycleTrained) {
    const info = tmExercises.get(id);
    if (!info || outcomes.has(id)) continue;
    const previousTM = dec(info.currentTm);
    const change = cycleIncrement(
      rules,
      { tmExerciseId: id, tmExerciseIsUpperBody: info.isUpperBody },
      previousTM,
      lifter,
    );
    if (!change) continue;
    outcomes.set(id, {
      exerciseId: id,
      slug: info.slug,
      previousTM,
      ...raise(previousTM, [change], lifter.unit),
      amrapReps: null,
    });
  }
  return { outcomes: [...outcomes.values()], stallCounts };
}

type DecidingSet = SessionProgressionSet & { actualReps: number; lighter: boolean };

/** A set lifted below its prescribed weight (both known). */
export function isLighterThanPrescribed(set: Pick<LoggedProgressionSet, 'actualWeight' | 'prescribedWeight'>): boolean {
  if (set.actualWeight == null || set.prescribedWeight == null) return false;
  return dec(set.actualWeight).lt(dec(set.prescribedWeight));
}

/**
 * Per TM exercise, its first logged progression set in workout order done at no less than the prescribed weight;
 * failing that, its first logged one (lighter: it will hold the TM).
 */
function decidingSets(sets: SessionProgressionSet[], tmExercises: ReadonlyMap<number, TmExerciseInfo>): DecidingSet[] {
  const ordered = [...sets].sort((a, b) => a.exerciseOrder - b.exerciseOrder || a.setOrder - b.setOrder);
  const deciding = new Map<number, DecidingSet>();
  for (const set of ordered) {
    if (set.actualReps === null || !tmExercises.has(set.tmExerciseId)) continue;
    const lighter = isLighterThanPrescribed(set);
    const current = deciding.get(set.tmExerciseId);
    if (current && !(current.lighter && !lighter)) continue;
    deciding.set(set.tmExerciseId, { ...set, actualReps: set.actualReps, lighter });
  }
  return [...deciding.values()];
}

function sessionChanges(
  rules: AnyProgressionRule[],
  target: RuleTarget,
  set: { actualReps: number; prescribedReps: number },
  lifter: Lifter,
): Change[] {
  const changes: Change[] = [];
  const table = findProgressionRule(rules, {
    ...target,
    amrapReps: set.actualReps,
    lifterUnit: lifter.unit,
    lifterIncrement: lifter.increment,
  });
  if (table) changes.push({ kind: 'amrap_table', increase: increaseInLifterUnit(table.increase, table.unit, lifter) });
  const overTarget = findRuleOfKind(rules, 'reps_over_target', target);
  if (overTarget) {
    const extra = Math.max(0, set.actualReps - set.prescribedReps);
    const steps = overTarget.maxSteps === null ? extra : Math.min(extra, overTarget.maxSteps);
    // The whole raise is converted and rounded once: per-step rounding would turn Juggernaut's +2.5 lb a rep into
    // 0 kg for a 2.5 kg lifter however many reps over the standard.
    const total = dec(overTarget.increase).mul(steps);
    changes.push({ kind: 'reps_over_target', increase: increaseInLifterUnit(total, overTarget.unit, lifter) });
  }
  return changes;
}

function cycleIncrement(
  rules: AnyProgressionRule[],
  target: RuleTarget,
  trainingMax: Decimal,
  lifter: Lifter,
): Change | undefined {
  const rule = findRuleOfKind(rules, 'cycle_increment', target);
  if (!rule) return undefined;
  const increase =
    rule.unit === 'percent'
      ? roundToIncrement(trainingMax.mul(dec(rule.increase)).div(100), lifter.increment)
      : increaseInLifterUnit(rule.increase, rule.unit, lifter);
  return { kind: 'cycle_increment', increase };
}

/** Counts the set's miss (or clears the count on a hit); the reset factor when the count reaches the rule's limit. */
function stallReset(
  rules: AnyProgressionRule[],
  target: RuleTarget,
  set: { actualReps: number; prescribedReps: number },
  stallCounts: Map<number, number>,
): Decimal | undefined {
  const rule = findRuleOfKind(rules, 'stall_reset', target);
  if (!rule) return undefined;
  const id = target.tmExerciseId;
  const misses = set.actualReps < set.prescribedReps ? (stallCounts.get(id) ?? 0) + 1 : 0;
  const stalled = misses >= rule.failures;
  stallCounts.set(id, stalled ? 0 : misses);
  return stalled ? dec(rule.factor) : undefined;
}

function raise(previousTM: Decimal, changes: Change[], unit: Unit) {
  const total = changes.reduce((sum, c) => sum.plus(c.increase), new Decimal(0));
  const kind = changes.filter((c) => !c.increase.isZero()).at(-1)?.kind ?? null;
  return { ...raiseTrainingMax(previousTM, total, unit), kind };
}

function resetTrainingMax(previousTM: Decimal, factor: Decimal) {
  const newTM = Decimal.max(0, toStoredWeight(previousTM.mul(factor)));
  return { newTM, increase: newTM.minus(previousTM), capped: false, kind: 'stall_reset' as const };
}

/** Seed 003's completion: AMRAP tables only, no deload, stall or cycle end. */
export function computeProgression(
  sets: LoggedProgressionSet[],
  rules: AnyProgressionRule[],
  tmExercises: ReadonlyMap<number, TmExerciseInfo>,
  lifter: Lifter,
): ProgressionOutcome[] {
  return computeSessionProgression({
    sets: sets.map((s) => ({ ...s, prescribedReps: 0 })),
    rules: rules.filter((r) => ruleKind(r) !== 'stall_reset'),
    tmExercises,
    lifter,
    isDeload: false,
    stallCounts: new Map(),
    cycleEnd: null,
  }).outcomes;
}
