import {
  DEFAULT_TM_PERCENT,
  newKey,
  RULE_KIND_ORDER,
  SET_KIND_OPTIONS,
  sortRules,
  type Day,
  type PlanDraft,
  type RuleRow,
  type SetRow,
  type Slot,
  type Week,
} from './builder-state';

/**
 * Unsaved builder work, kept in this browser (localStorage) while the admin edits: per admin and per plan
 * ("new" for a plan not created yet). Offered back when the builder opens again; removed on save or discard.
 * Drafts saved before plans had weeks (`{ …, days, rules }`) are read as a one-week plan.
 */
export type StoredDraft = {
  savedAt: string;
  /** The plan's updatedAt when editing started (null for a new plan): tells whether the plan changed since. */
  basedOn: string | null;
  draft: PlanDraft;
};

const PREFIX = 'liftplan.admin.plan-draft';

export function draftStorageKey(userId: number, planId: number | null): string {
  return `${PREFIX}.${userId}.${planId ?? 'new'}`;
}

export function readStoredDraft(key: string): StoredDraft | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Record<keyof StoredDraft, unknown>>;
    const draft = upgradeDraft(parsed.draft);
    if (typeof parsed.savedAt !== 'string' || !draft) return null;
    return { savedAt: parsed.savedAt, basedOn: typeof parsed.basedOn === 'string' ? parsed.basedOn : null, draft };
  } catch {
    return null;
  }
}

export function writeStoredDraft(key: string, value: StoredDraft): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the in-page guards still apply.
  }
}

export function clearStoredDraft(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing to do.
  }
}

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const flag = (value: unknown): boolean => value === true;
const id = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) ? value : null);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const key = (value: unknown, prefix: string): string => (typeof value === 'string' && value ? value : newKey(prefix));

/**
 * A stored draft in today's shape, whatever version of the builder wrote it: the one-week shape (`days` at the top,
 * sets without kind, rules without kind) becomes week 1; fields added since get their defaults. Null when it isn't
 * a draft at all.
 */
export function upgradeDraft(value: unknown): PlanDraft | null {
  if (!isObject(value) || typeof value.name !== 'string' || typeof value.slug !== 'string') return null;
  if (!Array.isArray(value.rules)) return null;
  let weeks: Week[];
  if (Array.isArray(value.weeks)) weeks = value.weeks.filter(isObject).map(upgradeWeek);
  else if (Array.isArray(value.days)) weeks = [upgradeWeek({ days: value.days })];
  else return null;
  if (weeks.length === 0) return null;
  return {
    name: value.name,
    slug: value.slug,
    slugTouched: flag(value.slugTouched),
    description: text(value.description),
    isPublic: value.isPublic !== false,
    tmPercent: typeof value.tmPercent === 'string' ? value.tmPercent : DEFAULT_TM_PERCENT,
    cycles: typeof value.cycles === 'number' && Number.isInteger(value.cycles) ? value.cycles : null,
    weeks,
    rules: sortRules(value.rules.filter(isObject).map(upgradeRule)),
  };
}

function upgradeWeek(week: Loose): Week {
  return {
    key: key(week.key, 'w'),
    name: text(week.name),
    isDeload: flag(week.isDeload),
    days: list(week.days).filter(isObject).map(upgradeDay),
  };
}

function upgradeDay(day: Loose): Day {
  return { key: key(day.key, 'd'), name: text(day.name), slots: list(day.slots).filter(isObject).map(upgradeSlot) };
}

function upgradeSlot(slot: Loose): Slot {
  return {
    key: key(slot.key, 'x'),
    exerciseId: id(slot.exerciseId),
    tmExerciseId: id(slot.tmExerciseId),
    tier: text(slot.tier),
    displayName: text(slot.displayName),
    restSeconds: text(slot.restSeconds),
    sets: list(slot.sets).filter(isObject).map(upgradeSet),
  };
}

function upgradeSet(set: Loose): SetRow {
  const kind = SET_KIND_OPTIONS.find((option) => option.kind === set.kind)?.kind ?? 'main';
  return {
    key: key(set.key, 's'),
    kind,
    percent: text(set.percent),
    reps: text(set.reps),
    repsMax: text(set.repsMax),
    offset: text(set.offset),
    isAmrap: flag(set.isAmrap),
    isProgression: flag(set.isProgression),
  };
}

function upgradeRule(rule: Loose): RuleRow {
  const kind = RULE_KIND_ORDER.find((k) => k === rule.kind) ?? 'amrap_table';
  const scope = rule.scope === 'lower' || rule.scope === 'exercise' ? rule.scope : 'upper';
  const unit = rule.unit === 'lb' || (rule.unit === 'percent' && kind === 'cycle_increment') ? rule.unit : 'kg';
  return {
    key: key(rule.key, 'r'),
    kind,
    scope,
    exerciseId: scope === 'exercise' ? id(rule.exerciseId) : null,
    minReps: text(rule.minReps),
    maxReps: text(rule.maxReps),
    increase: text(rule.increase),
    unit,
    maxSteps: text(rule.maxSteps),
    failures: text(rule.failures),
    factor: text(rule.factor),
  };
}

/** The draft without its generated keys: equal for two drafts that would save the same plan text. */
export function comparableDraft(draft: PlanDraft): string {
  return JSON.stringify(draft, (name, value: unknown) =>
    name === 'key' || name === 'slugTouched' ? undefined : value,
  );
}
