import type { PlanDayDto, PlanDetailDto, PlanExerciseDto, PlanSetDto, ProgressionRuleDto } from '@liftplan/domain';

/** One readable difference between two versions of a plan: what a lifter reviews before upgrading. */
export type PlanChange = { change: 'added' | 'removed' | 'changed'; where: string; detail: string };

const MAX_CHANGES = 200;

export function planDiff(from: PlanDetailDto, to: PlanDetailDto): PlanChange[] {
  const changes: PlanChange[] = [
    ...headerChanges(from, to),
    ...matchBy(from.weeks, to.weeks, (w) => w.weekNumber).flatMap(([a, b]) => {
      const where = `Week ${(a ?? b)!.weekNumber}`;
      if (!a)
        return [{ change: 'added' as const, where, detail: `${b!.days.length} days${b!.isDeload ? ', deload' : ''}` }];
      if (!b) return [{ change: 'removed' as const, where, detail: `${a.days.length} days` }];
      return [
        ...changed(where, 'name', a.name, b.name),
        ...changed(where, 'deload', a.isDeload, b.isDeload),
        ...matchBy(a.days, b.days, (d) => d.dayNumber).flatMap(([x, y]) => dayChanges(where, x, y)),
      ];
    }),
    ...ruleChanges(from.progressionRules, to.progressionRules),
  ];
  if (changes.length <= MAX_CHANGES) return changes;
  return [
    ...changes.slice(0, MAX_CHANGES),
    { change: 'changed', where: 'Plan', detail: `…and ${changes.length - MAX_CHANGES} more changes` },
  ];
}

function headerChanges(a: PlanDetailDto, b: PlanDetailDto): PlanChange[] {
  return [
    ...changed('Plan', 'days per week', a.daysPerWeek, b.daysPerWeek),
    ...changed('Plan', 'weeks per cycle', a.cycleWeeks, b.cycleWeeks),
    ...changed('Plan', 'cycles', a.cycles ?? 'repeating', b.cycles ?? 'repeating'),
    ...changed('Plan', 'TM % of 1RM', pct(a.tmPercent), pct(b.tmPercent)),
  ];
}

function dayChanges(week: string, a: PlanDayDto | undefined, b: PlanDayDto | undefined): PlanChange[] {
  const day = (a ?? b)!;
  const where = `${week} · Day ${day.dayNumber}${day.name ? ` (${day.name})` : ''}`;
  if (!a) return [{ change: 'added', where, detail: b!.exercises.map(slotName).join(', ') }];
  if (!b) return [{ change: 'removed', where, detail: a.exercises.map(slotName).join(', ') }];
  return [
    ...changed(where, 'name', a.name, b.name),
    ...matchBy(a.exercises, b.exercises, (s) => s.sortOrder).flatMap(([x, y]) => slotChanges(where, x, y)),
  ];
}

function slotChanges(day: string, a: PlanExerciseDto | undefined, b: PlanExerciseDto | undefined): PlanChange[] {
  if (!a) return [{ change: 'added', where: day, detail: `${slotName(b!)}: ${b!.sets.map(setText).join(', ')}` }];
  if (!b) return [{ change: 'removed', where: day, detail: slotName(a) }];
  const where = `${day} · ${slotName(b)}`;
  return [
    ...changed(where, 'exercise', slotName(a), slotName(b)),
    ...changed(where, 'rest', a.restSeconds ?? 'default', b.restSeconds ?? 'default'),
    ...matchBy(a.sets, b.sets, (s) => s.setOrder).flatMap(([x, y]): PlanChange[] => {
      const set = `${where} · set ${(x ?? y)!.setOrder}`;
      if (!x) return [{ change: 'added', where: set, detail: setText(y!) }];
      if (!y) return [{ change: 'removed', where: set, detail: setText(x) }];
      return setText(x) === setText(y)
        ? []
        : [{ change: 'changed', where: set, detail: `${setText(x)} → ${setText(y)}` }];
    }),
  ];
}

function ruleChanges(a: ProgressionRuleDto[], b: ProgressionRuleDto[]): PlanChange[] {
  return matchBy(a, b, ruleKey).flatMap(([x, y]): PlanChange[] => {
    const where = `Progression · ${ruleScope((x ?? y)!)}`;
    if (!x) return [{ change: 'added', where, detail: ruleText(y!) }];
    if (!y) return [{ change: 'removed', where, detail: ruleText(x) }];
    return ruleText(x) === ruleText(y) ? [] : [{ change: 'changed', where, detail: `${ruleText(x)} → ${ruleText(y)}` }];
  });
}

/** Pairs items by key, in the order of the newer list then the removed ones. */
function matchBy<T, K>(a: T[], b: T[], key: (item: T) => K): Array<[T | undefined, T | undefined]> {
  const before = new Map(a.map((item) => [key(item), item]));
  const after = new Map(b.map((item) => [key(item), item]));
  return [
    ...b.map((item): [T | undefined, T] => [before.get(key(item)), item]),
    ...a.filter((item) => !after.has(key(item))).map((item): [T, undefined] => [item, undefined]),
  ];
}

function changed(where: string, what: string, a: unknown, b: unknown): PlanChange[] {
  return a === b ? [] : [{ change: 'changed', where, detail: `${what}: ${String(a ?? '—')} → ${String(b ?? '—')}` }];
}

const pct = (fraction: number) => `${Math.round(fraction * 10_000) / 100} %`;
const slotName = (slot: PlanExerciseDto) => `${slot.displayName ?? slot.exercise.name} (${slot.tier})`;

function setText(set: Omit<PlanSetDto, 'id'>): string {
  const reps = `${set.reps}${set.repsMax ? `–${set.repsMax}` : ''}${set.isAmrap ? '+' : ''}`;
  const load = set.percentage === null ? 'own weight' : pct(set.percentage);
  const offset = set.incrementOffset ? ` ${set.incrementOffset > 0 ? '+' : ''}${set.incrementOffset} step` : '';
  const kind = set.kind === 'main' ? '' : ` ${set.kind}`;
  return `${load}${offset} × ${reps}${kind}${set.isProgression ? ' (progression)' : ''}`;
}

const ruleScope = (rule: ProgressionRuleDto) => rule.exercise?.name ?? `${rule.category} body`;
const ruleKey = (rule: ProgressionRuleDto) =>
  `${rule.kind}:${rule.exercise?.id ?? rule.category}:${rule.kind === 'amrap_table' ? rule.minReps : ''}`;

function ruleText(rule: ProgressionRuleDto): string {
  switch (rule.kind) {
    case 'amrap_table':
      return `${rule.minReps}${rule.maxReps === rule.minReps ? '' : `–${rule.maxReps}`} reps: +${rule.increase} ${rule.unit}`;
    case 'reps_over_target':
      return `+${rule.increase} ${rule.unit} per rep over target${rule.maxSteps ? ` (at most ${rule.maxSteps})` : ''}`;
    case 'cycle_increment':
      return `+${rule.increase} ${rule.unit === 'percent' ? '%' : rule.unit} per cycle`;
    default:
      return `after ${rule.failures} misses: TM × ${rule.factor}`;
  }
}
