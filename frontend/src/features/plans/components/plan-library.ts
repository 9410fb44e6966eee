import { PLAN_GOALS, PLAN_LEVELS, type PlanLibraryDto, type PlanSummaryDto } from '@liftplan/domain';
import { formatPercent } from '@/lib/format';

/**
 * Browsing the program library: what a plan is (level, goal, 1RM- or TM-based, cycle length) in words, and the
 * filters of the plans page as they live in the address (`?days=3&days=4&length=2-4&level=beginner&basis=tm`):
 * several values of one filter are alternatives, different filters must all match.
 */

export type PlanLevel = (typeof PLAN_LEVELS)[number];
export type PlanGoal = (typeof PLAN_GOALS)[number];
export type PlanBasis = '1rm' | 'tm';

export const LEVEL_LABELS: Record<PlanLevel, string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

export const GOAL_LABELS: Record<PlanGoal, string> = {
  strength: 'Strength',
  hypertrophy: 'Hypertrophy',
  peaking: 'Peaking',
};

export const BASIS_LABELS: Record<PlanBasis, string> = { '1rm': '1RM-based', tm: 'TM-based' };

/** A plan whose percentages are of the 1RM itself (its "training max" is 100 % of the 1RM). */
export function isOneRepMaxBased(plan: { tmPercent: number }): boolean {
  return plan.tmPercent >= 0.9999;
}

export function planBasis(plan: { tmPercent: number }): PlanBasis {
  return isOneRepMaxBased(plan) ? '1rm' : 'tm';
}

/** "1RM-based", or "TM-based at 90%". */
export function basisDescription(plan: { tmPercent: number }): string {
  return isOneRepMaxBased(plan) ? BASIS_LABELS['1rm'] : `${BASIS_LABELS.tm} at ${formatPercent(plan.tmPercent)}`;
}

/** What the percentages are of, for column headers and notes: "1RM" or "TM". */
export function basisShort(plan: { tmPercent: number }): '1RM' | 'TM' {
  return isOneRepMaxBased(plan) ? '1RM' : 'TM';
}

export const LENGTH_BUCKETS = [
  { id: '1', label: '1 week', min: 1, max: 1 },
  { id: '2-4', label: '2–4 weeks', min: 2, max: 4 },
  { id: '5-8', label: '5–8 weeks', min: 5, max: 8 },
  { id: '9-plus', label: '9+ weeks', min: 9, max: Number.POSITIVE_INFINITY },
] as const;
export type LengthBucket = (typeof LENGTH_BUCKETS)[number]['id'];

export function lengthBucket(cycleWeeks: number): LengthBucket {
  return (LENGTH_BUCKETS.find((b) => cycleWeeks >= b.min && cycleWeeks <= b.max) ?? LENGTH_BUCKETS[0]).id;
}

export type PlanFilters = {
  days: number[];
  length: LengthBucket[];
  level: PlanLevel[];
  goal: PlanGoal[];
  basis: PlanBasis[];
};

export const FILTER_KEYS = ['days', 'length', 'level', 'goal', 'basis'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const NO_FILTERS: PlanFilters = { days: [], length: [], level: [], goal: [], basis: [] };

const DAY_VALUES = [1, 2, 3, 4, 5, 6, 7];
const LENGTH_IDS: readonly string[] = LENGTH_BUCKETS.map((b) => b.id);
const BASIS_VALUES: readonly PlanBasis[] = ['1rm', 'tm'];

/** The filters in the address; unknown or repeated values are ignored, values kept in their display order. */
export function parseFilters(params: URLSearchParams): PlanFilters {
  const pick = <T extends string | number>(key: FilterKey, allowed: readonly T[], parse: (raw: string) => T) => {
    const wanted = new Set(params.getAll(key).map(parse));
    return allowed.filter((value) => wanted.has(value));
  };
  return {
    days: pick('days', DAY_VALUES, Number),
    length: pick('length', LENGTH_IDS, String) as LengthBucket[],
    level: pick('level', PLAN_LEVELS, (raw) => raw as PlanLevel),
    goal: pick('goal', PLAN_GOALS, (raw) => raw as PlanGoal),
    basis: pick('basis', BASIS_VALUES, (raw) => raw as PlanBasis),
  };
}

/** `params` with its filter values replaced by `filters` (anything else in the address is kept). */
export function withFilters(params: URLSearchParams, filters: PlanFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of FILTER_KEYS) {
    next.delete(key);
    for (const value of filters[key]) next.append(key, String(value));
  }
  return next;
}

export function activeFilterCount(filters: PlanFilters): number {
  return FILTER_KEYS.reduce((n, key) => n + filters[key].length, 0);
}

type Browsable = Pick<PlanSummaryDto, 'daysPerWeek' | 'cycleWeeks' | 'tmPercent'> & {
  library: Pick<PlanLibraryDto, 'level' | 'goal'> | null;
};

export function matchesFilters(plan: Browsable, filters: PlanFilters): boolean {
  const library = plan.library ?? null;
  const allows = <T>(chosen: readonly T[], value: T | null) =>
    chosen.length === 0 || (value !== null && chosen.includes(value));
  return (
    allows(filters.days, plan.daysPerWeek) &&
    allows(filters.length, lengthBucket(plan.cycleWeeks)) &&
    allows(filters.level, library?.level ?? null) &&
    allows(filters.goal, library?.goal ?? null) &&
    allows(filters.basis, planBasis(plan))
  );
}

/** What a plan card's link carries: the filtered list it was opened from, for the plan page's way back. */
export type PlanLinkState = { planListSearch: string };

/** The list to go back to from a plan page: the filtered one the lifter came from, or all plans. */
export function planListSearch(state: unknown): string {
  const search =
    typeof state === 'object' && state !== null && 'planListSearch' in state
      ? (state as PlanLinkState).planListSearch
      : '';
  return typeof search === 'string' && search.startsWith('?') ? search : '';
}
