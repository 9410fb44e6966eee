import type { PlanSummaryDto } from '@liftplan/domain';
import { useState } from 'react';
import { Badge } from '@/components/Badge';
import { pluralize } from '@/lib/format';
import {
  BASIS_LABELS,
  GOAL_LABELS,
  LENGTH_BUCKETS,
  LEVEL_LABELS,
  activeFilterCount,
  lengthBucket,
  planBasis,
  type FilterKey,
  type PlanFilters as Filters,
} from './plan-library';

type FilterGroup = {
  key: FilterKey;
  legend: string;
  /** `unit` is read out but not shown: "3" in "Days per week" is the "3 days" chip. */
  options: Array<{ value: string | number; label: string; unit?: string }>;
};

type PlanFiltersProps = {
  /** Every plan in the library: the options offered are the values they have. */
  plans: PlanSummaryDto[];
  filters: Filters;
  onChange: (filters: Filters) => void;
};

/** Wide enough to show the filters beside each other; on a phone they fold away under "Filter programs". */
const WIDE_SCREEN = '(min-width: 40rem)';

/**
 * The library's filters as groups of check chips (a fieldset each). Only values some plan has are offered, plus
 * any chosen one (a shared address may name a value no plan has any more), and a filter with a single value to
 * choose from is left out: it could not narrow anything.
 */
export function PlanFilters({ plans, filters, onChange }: PlanFiltersProps) {
  const [open, setOpen] = useState(
    () => typeof window.matchMedia !== 'function' || window.matchMedia(WIDE_SCREEN).matches,
  );
  const groups = filterGroups(plans, filters);
  const active = activeFilterCount(filters);
  if (groups.length === 0) return null;

  function toggle(key: FilterKey, value: string | number) {
    const chosen: ReadonlyArray<string | number> = filters[key];
    const next = chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value];
    onChange({ ...filters, [key]: next });
  }

  return (
    <details className="card plan-filters" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="plan-filters__summary">
        <span>Filter programs</span>
        {active > 0 && <Badge tone="primary">{pluralize(active, 'filter')} on</Badge>}
      </summary>
      <div className="plan-filters__groups">
        {groups.map((group) => (
          <fieldset key={group.key} className="fieldset plan-filters__group">
            <legend className="field__label">{group.legend}</legend>
            <div className="chip-group">
              {group.options.map((option) => (
                <label key={option.value} className="chip chip--check">
                  <input
                    type="checkbox"
                    checked={(filters[group.key] as ReadonlyArray<string | number>).includes(option.value)}
                    onChange={() => toggle(group.key, option.value)}
                    aria-label={option.unit ? `${option.label} ${option.unit}` : undefined}
                  />
                  <span>{option.label}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </div>
    </details>
  );
}

function filterGroups(plans: PlanSummaryDto[], filters: Filters): FilterGroup[] {
  const has = <T,>(values: Iterable<T | null>, chosen: readonly T[]) => {
    const present = new Set<T | null>(values);
    return (value: T) => present.has(value) || chosen.includes(value);
  };
  const days = [...new Set([...plans.map((p) => p.daysPerWeek), ...filters.days])].sort((a, b) => a - b);
  const hasLength = has(
    plans.map((p) => lengthBucket(p.cycleWeeks)),
    filters.length,
  );
  const hasLevel = has(
    plans.map((p) => p.library?.level ?? null),
    filters.level,
  );
  const hasGoal = has(
    plans.map((p) => p.library?.goal ?? null),
    filters.goal,
  );
  const hasBasis = has(
    plans.map((p) => planBasis(p)),
    filters.basis,
  );
  const groups: FilterGroup[] = [
    {
      key: 'days',
      legend: 'Days per week',
      options: days.map((n) => ({ value: n, label: String(n), unit: n === 1 ? 'day' : 'days' })),
    },
    {
      key: 'length',
      legend: 'Cycle length',
      options: LENGTH_BUCKETS.filter((b) => hasLength(b.id)).map((b) => ({ value: b.id, label: b.label })),
    },
    {
      key: 'level',
      legend: 'Level',
      options: entries(LEVEL_LABELS)
        .filter(([level]) => hasLevel(level))
        .map(([value, label]) => ({ value, label })),
    },
    {
      key: 'goal',
      legend: 'Goal',
      options: entries(GOAL_LABELS)
        .filter(([goal]) => hasGoal(goal))
        .map(([value, label]) => ({ value, label })),
    },
    {
      key: 'basis',
      legend: 'Basis',
      options: entries(BASIS_LABELS)
        .filter(([basis]) => hasBasis(basis))
        .map(([value, label]) => ({ value, label })),
    },
  ];
  return groups.filter((g) => g.options.length > 1 || filters[g.key].length > 0);
}

const entries = <K extends string, V>(record: Record<K, V>) => Object.entries(record) as Array<[K, V]>;
