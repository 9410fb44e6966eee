import type { DecimalLike } from './decimal';
import type { Unit } from './units';
import type { RoundingMode } from './weights';

export const SET_KINDS = ['warmup', 'main', 'supplemental', 'accessory'] as const;
export type SetKind = (typeof SET_KINDS)[number];

export const RULE_KINDS = ['amrap_table', 'reps_over_target', 'cycle_increment', 'stall_reset'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** A day of a subscription's plan: which cycle, which week of the cycle, which day of the week. */
export type PlanPosition = { cycle: number; weekNumber: number; dayNumber: number };

export type LifterRounding = { unit: Unit; increment: DecimalLike; rounding: RoundingMode };
