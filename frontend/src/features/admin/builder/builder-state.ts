/**
 * The plan builder's editing model and its pure state transitions (plan model v2: a plan is one cycle of weeks).
 * The draft mirrors a plan body, but keeps what the admin types as text (so "72." or an empty field can exist while
 * typing) and gives every week, day, slot, set and rule a stable key, so errors, focus and React's reconciliation
 * follow an item when it is reordered. Week numbers, day numbers, sort orders, set orders, cycleWeeks and days/week
 * are never stored: they are the positions, renumbered 1..N on the way out.
 *
 * Days are a plan-wide structure: "Days / week", adding, moving, duplicating or removing a day applies to that
 * position in every week. What is in a day (its name, exercises, sets) belongs to its week.
 */
import {
  highestPercentageAmrap,
  STANDARD_AMRAP_RULES,
  type PlanBody,
  type PlanDetailDto,
  type PlanSetInput,
  type ProgressionRuleInput,
  type QuickEntrySet,
} from '@liftplan/domain';

export type Unit = 'kg' | 'lb';
export type RuleScope = 'upper' | 'lower' | 'exercise';
export type SetKind = 'warmup' | 'main' | 'supplemental' | 'accessory';
export type RuleKind = 'amrap_table' | 'reps_over_target' | 'cycle_increment' | 'stall_reset';
/** kg / lb for every kind; `percent` (of the TM) only for cycle_increment. */
export type RuleUnit = Unit | 'percent';

export const SET_KIND_OPTIONS: ReadonlyArray<{ kind: SetKind; label: string }> = [
  { kind: 'warmup', label: 'Warm-up' },
  { kind: 'main', label: 'Main' },
  { kind: 'supplemental', label: 'Supplemental' },
  { kind: 'accessory', label: 'Accessory' },
];
export const RULE_KIND_ORDER: readonly RuleKind[] = [
  'amrap_table',
  'reps_over_target',
  'cycle_increment',
  'stall_reset',
];

export type SetRow = {
  key: string;
  kind: SetKind;
  /** Empty only on an accessory set: the lifter enters the weight. */
  percent: string;
  reps: string;
  /** The rep range's top (8–12); empty: no range. */
  repsMax: string;
  /** Whole increments added after rounding (+1, −2); empty means 0. */
  offset: string;
  isAmrap: boolean;
  isProgression: boolean;
};
export type Slot = {
  key: string;
  exerciseId: number | null;
  /** null: the exercise's own TM. */
  tmExerciseId: number | null;
  tier: string;
  displayName: string;
  /** Seconds of rest after each set; empty: not given. */
  restSeconds: string;
  sets: SetRow[];
};
export type Day = { key: string; name: string; slots: Slot[] };
export type Week = { key: string; name: string; isDeload: boolean; days: Day[] };
export type RuleRow = {
  key: string;
  kind: RuleKind;
  scope: RuleScope;
  exerciseId: number | null;
  /** amrap_table */
  minReps: string;
  maxReps: string;
  /** amrap_table, reps_over_target, cycle_increment */
  increase: string;
  unit: RuleUnit;
  /** reps_over_target (optional) */
  maxSteps: string;
  /** stall_reset */
  failures: string;
  factor: string;
};
export type PlanDraft = {
  name: string;
  slug: string;
  /** Once the admin edits the slug it stops following the name. */
  slugTouched: boolean;
  description: string;
  isPublic: boolean;
  /** The TM as a % of the 1RM a lifter enters at setup, as typed ("90"). */
  tmPercent: string;
  /** How many times the cycle runs (Smolov Jr: 1); null repeats until the lifter stops. */
  cycles: number | null;
  /** The cycle: cycleWeeks is their number. */
  weeks: Week[];
  rules: RuleRow[];
};

/** What the builder sends: a plan body in the weeks shape (the parsed body without its `shape` marker). */
export type PlanRequestBody = Omit<PlanBody, 'shape'>;
type WeekBody = PlanRequestBody['weeks'][number];
type DayBody = WeekBody['days'][number];
type SlotBody = DayBody['exercises'][number];

export const MAX_DAYS = 7;
export const MAX_WEEKS = 52;
export const DEFAULT_TM_PERCENT = '90';

let keyCounter = 0;
export const newKey = (prefix: string): string => `${prefix}${(++keyCounter).toString(36)}`;

// ---------- constructors and conversions ----------

export function newSet(percent = '', reps = '', isAmrap = false, kind: SetKind = 'main'): SetRow {
  return { key: newKey('s'), kind, percent, reps, repsMax: '', offset: '', isAmrap, isProgression: false };
}

export function newSlot(position: number): Slot {
  return {
    key: newKey('x'),
    exerciseId: null,
    tmExerciseId: null,
    tier: `T${position + 1}`,
    displayName: '',
    restSeconds: '',
    sets: [],
  };
}

export function newDay(name = ''): Day {
  return { key: newKey('d'), name, slots: [newSlot(0)] };
}

export function newWeek(dayCount: number, dayNames: string[] = [], key = newKey('w')): Week {
  return { key, name: '', isDeload: false, days: Array.from({ length: dayCount }, (_, i) => newDay(dayNames[i])) };
}

export function newRule(kind: RuleKind = 'amrap_table', scope: RuleScope = 'upper', unit: RuleUnit = 'kg'): RuleRow {
  return {
    key: newKey('r'),
    kind,
    scope,
    exerciseId: null,
    minReps: '',
    maxReps: '',
    increase: '',
    unit: kind === 'cycle_increment' ? unit : unit === 'percent' ? 'kg' : unit,
    maxSteps: '',
    failures: kind === 'stall_reset' ? '3' : '',
    factor: kind === 'stall_reset' ? '0.9' : '',
  };
}

export function emptyDraft(): PlanDraft {
  return {
    name: '',
    slug: '',
    slugTouched: false,
    description: '',
    // Private until the admin decides otherwise: publishing a half-thought plan to every lifter is the worse mistake.
    isPublic: false,
    tmPercent: DEFAULT_TM_PERCENT,
    cycles: null,
    weeks: [newWeek(1)],
    rules: [],
  };
}

/** Days a week: the longest week (the API wants one week with every day; the builder keeps them all that long). */
export function dayCount(draft: PlanDraft): number {
  return Math.max(0, ...draft.weeks.map((week) => week.days.length));
}

/** The same draft with fresh keys (a draft restored from storage must not reuse keys this session hands out). */
export function rekeyDraft(draft: PlanDraft): PlanDraft {
  return {
    ...draft,
    weeks: draft.weeks.map((week) => ({ ...copyWeek(week), name: week.name, isDeload: week.isDeload })),
    rules: draft.rules.map((rule) => ({ ...rule, key: newKey('r') })),
  };
}

/** "nSuns 4-Day LP" → "nsuns-4-day-lp": what the API's slug rule accepts. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** 0.725 → "72.5" (the grid shows and takes percentages; the API speaks fractions). */
export function formatPercent(fraction: number): string {
  return String(Math.round(fraction * 10000) / 100);
}

/** "72.5" / "72,5" / "72.5 %" → 72.5; null when it is not a number. */
export function parsePercent(text: string): number | null {
  const cleaned = text.trim().replace(',', '.').replace(/\s*%$/, '');
  if (!/^\d+(\.\d*)?$|^\.\d+$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** Percent → the API's fraction with at most 4 decimals (65 → 0.65, 72.5 → 0.725), as quick entry does. */
export function percentToFraction(percent: number): number {
  return Math.round(percent * 100) / 10000;
}

export function parseWholeNumber(text: string): number | null {
  const cleaned = text.trim();
  return /^\d+$/.test(cleaned) ? Number(cleaned) : null;
}

export function parseDecimal(text: string): number | null {
  const cleaned = text.trim().replace(',', '.');
  return /^\d+(\.\d*)?$|^\.\d+$/.test(cleaned) ? Number(cleaned) : null;
}

/** An increment offset: "" → 0, "+1" / "1" → 1, "-2" / "−2" → −2; null when it is not a whole number. */
export function parseOffset(text: string): number | null {
  const cleaned = text.trim().replace('−', '-');
  if (cleaned === '') return 0;
  return /^[+-]?\d+$/.test(cleaned) ? Number(cleaned) : null;
}

/** 1 → "+1", −2 → "−2", 0 → "" (the grid shows an empty offset for none). */
export function formatOffset(offset: number): string {
  if (offset === 0) return '';
  return offset > 0 ? `+${offset}` : `−${Math.abs(offset)}`;
}

export const canDriveProgression = (kind: SetKind): boolean => kind === 'main' || kind === 'supplemental';

/** Non-AMRAP progression sets are allowed once the plan has a rule that reads a target (reps over it, or misses). */
export function allowsTargetProgression(rules: RuleRow[]): boolean {
  return rules.some((rule) => rule.kind === 'reps_over_target' || rule.kind === 'stall_reset');
}

export function draftFromPlan(plan: PlanDetailDto): PlanDraft {
  const weeks = plan.weeks?.length
    ? [...plan.weeks].sort((a, b) => a.weekNumber - b.weekNumber)
    : [{ weekNumber: 1, name: null, isDeload: false, days: plan.days }];
  return {
    name: plan.name,
    slug: plan.slug,
    slugTouched: true,
    description: plan.description ?? '',
    isPublic: plan.isPublic,
    tmPercent: formatPercent(plan.tmPercent ?? 0.9),
    cycles: plan.cycles ?? null,
    weeks: weeks.map((week) => ({
      key: newKey('w'),
      name: week.name ?? '',
      isDeload: week.isDeload,
      days: [...week.days]
        .sort((a, b) => a.dayNumber - b.dayNumber)
        .map((day) => ({
          key: newKey('d'),
          name: day.name ?? '',
          slots: [...day.exercises]
            .sort((a, b) => a.sortOrder - b.sortOrder)
            .map((slot) => ({
              key: newKey('x'),
              exerciseId: slot.exerciseId,
              tmExerciseId: slot.tmExerciseId === slot.exerciseId ? null : slot.tmExerciseId,
              tier: slot.tier,
              displayName: slot.displayName ?? '',
              restSeconds: slot.restSeconds === null || slot.restSeconds === undefined ? '' : String(slot.restSeconds),
              sets: [...slot.sets]
                .sort((a, b) => a.setOrder - b.setOrder)
                .map((set) => ({
                  key: newKey('s'),
                  kind: set.kind ?? 'main',
                  percent: set.percentage === null ? '' : formatPercent(set.percentage),
                  reps: String(set.reps),
                  repsMax: set.repsMax === null || set.repsMax === undefined ? '' : String(set.repsMax),
                  offset: formatOffset(set.incrementOffset ?? 0),
                  isAmrap: set.isAmrap,
                  isProgression: set.isProgression,
                })),
            })),
        })),
    })),
    rules: sortRules(
      plan.progressionRules.map((rule) => {
        const kind = rule.kind ?? 'amrap_table';
        const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
        return {
          ...newRule(kind),
          scope: rule.exerciseId !== null ? 'exercise' : (rule.category ?? 'upper'),
          exerciseId: rule.exerciseId,
          minReps: text(rule.minReps),
          maxReps: text(rule.maxReps),
          increase: text(rule.increase),
          unit: rule.unit ?? 'kg',
          maxSteps: text(rule.maxSteps),
          failures: text(rule.failures),
          factor: text(rule.factor),
        };
      }),
    ),
  };
}

/** Rules grouped by kind (the editor shows one table per kind), keeping their order within a kind. */
export function sortRules(rules: RuleRow[]): RuleRow[] {
  return RULE_KIND_ORDER.flatMap((kind) => rules.filter((rule) => rule.kind === kind));
}

/**
 * The request body: positions become weekNumber / dayNumber / sortOrder / setOrder (1..N), cycleWeeks is the number
 * of weeks, days/week the longest week. Only meaningful for a draft that passed `validateDraft` (unparseable numbers
 * become NaN, which the API rejects).
 */
export function draftToPlanBody(draft: PlanDraft): PlanRequestBody {
  const percent = parsePercent(draft.tmPercent);
  return {
    name: draft.name.trim(),
    slug: draft.slug.trim(),
    description: draft.description.trim() || null,
    daysPerWeek: dayCount(draft),
    isPublic: draft.isPublic,
    cycleWeeks: draft.weeks.length,
    cycles: draft.cycles,
    tmPercent: percent === null ? Number.NaN : percentToFraction(percent),
    weeks: draft.weeks.map((week, w): WeekBody => ({
      weekNumber: w + 1,
      name: week.name.trim() || null,
      isDeload: week.isDeload,
      days: week.days.map(dayToBody),
    })),
    progressionRules: draft.rules.map(ruleToBody),
  };
}

function dayToBody(day: Day, d: number): DayBody {
  return {
    dayNumber: d + 1,
    name: day.name.trim() || null,
    exercises: day.slots.map((slot, s): SlotBody => ({
      exerciseId: slot.exerciseId ?? 0,
      tmExerciseId: slot.tmExerciseId ?? slot.exerciseId ?? 0,
      tier: slot.tier.trim(),
      sortOrder: s + 1,
      displayName: slot.displayName.trim() || null,
      restSeconds: slot.restSeconds.trim() === '' ? null : numberOrNaN(parseWholeNumber(slot.restSeconds)),
      sets: slot.sets.map((set, i) => setToBody(set, i)),
    })),
  };
}

export function setToBody(set: SetRow, index: number): PlanSetInput {
  const percent = parsePercent(set.percent);
  return {
    setOrder: index + 1,
    kind: set.kind,
    percentage:
      set.percent.trim() === '' && set.kind === 'accessory'
        ? null
        : percent === null
          ? Number.NaN
          : percentToFraction(percent),
    reps: numberOrNaN(parseWholeNumber(set.reps)),
    repsMax: set.repsMax.trim() === '' ? null : numberOrNaN(parseWholeNumber(set.repsMax)),
    incrementOffset: numberOrNaN(parseOffset(set.offset)),
    isAmrap: set.isAmrap,
    isProgression: set.isProgression,
  };
}

export function ruleToBody(rule: RuleRow): ProgressionRuleInput {
  const scope = {
    exerciseId: rule.scope === 'exercise' ? (rule.exerciseId ?? 0) : null,
    category: rule.scope === 'exercise' ? null : rule.scope,
  };
  const increase = numberOrNaN(parseDecimal(rule.increase));
  const weightUnit: Unit = rule.unit === 'lb' ? 'lb' : 'kg';
  switch (rule.kind) {
    case 'amrap_table':
      return {
        kind: 'amrap_table',
        ...scope,
        minReps: numberOrNaN(parseWholeNumber(rule.minReps)),
        maxReps: numberOrNaN(parseWholeNumber(rule.maxReps)),
        increase,
        unit: weightUnit,
      };
    case 'reps_over_target':
      return {
        kind: 'reps_over_target',
        ...scope,
        increase,
        unit: weightUnit,
        maxSteps: rule.maxSteps.trim() === '' ? null : numberOrNaN(parseWholeNumber(rule.maxSteps)),
      };
    case 'cycle_increment':
      return { kind: 'cycle_increment', ...scope, increase, unit: rule.unit };
    case 'stall_reset':
      return {
        kind: 'stall_reset',
        ...scope,
        failures: numberOrNaN(parseWholeNumber(rule.failures)),
        factor: numberOrNaN(parseDecimal(rule.factor)),
      };
  }
}

const numberOrNaN = (n: number | null) => (n === null ? Number.NaN : n);

/** Whether a slot's sets use the TM: every set but an accessory set without a percentage (an empty slot may). */
export function slotUsesTrainingMax(slot: Slot): boolean {
  return slot.sets.length === 0 || slot.sets.some((set) => set.kind !== 'accessory' || set.percent.trim() !== '');
}

/** The TM exercises the plan needs (what a lifter will be asked for), in order of first appearance. */
export function requiredTmExerciseIds(draft: PlanDraft): number[] {
  const ids: number[] = [];
  for (const week of draft.weeks) {
    for (const day of week.days) {
      for (const slot of day.slots) {
        const id = slot.tmExerciseId ?? slot.exerciseId;
        if (id !== null && !ids.includes(id) && slotUsesTrainingMax(slot)) ids.push(id);
      }
    }
  }
  return ids;
}

/** Whether removing these days would throw away something the admin entered. */
export function hasContent(days: Day[]): boolean {
  return days.some(
    (day) => day.name.trim() !== '' || day.slots.some((slot) => slot.exerciseId !== null || slot.sets.length > 0),
  );
}

/** Whether going down to `count` days a week would throw away something the admin entered, in any week. */
export function hasContentAfterDay(draft: PlanDraft, count: number): boolean {
  return draft.weeks.some((week) => hasContent(week.days.slice(count)));
}

// ---------- quick entry ----------

/**
 * Replaces a slot's sets with parsed quick entry. Each set keeps the kind and increment offset of the set it
 * replaces (so re-entering a scheme doesn't undo a warm-up or a +1). Progression: the set the admin had flagged
 * keeps its flag if it is still an AMRAP at the same position; otherwise a T1 slot's highest-% AMRAP becomes the
 * progression set (as the seeded nSuns plan does), other tiers get none. Either way it is one checkbox to change.
 */
export function applyQuickEntry(slot: Slot, parsed: QuickEntrySet[]): Slot {
  const kinds = parsed.map((_, i) => slot.sets[i]?.kind ?? slot.sets.at(-1)?.kind ?? 'main');
  const eligible = parsed.map((set, i) => ({ ...set, isAmrap: set.isAmrap && canDriveProgression(kinds[i]!) }));
  const previous = slot.sets.findIndex((set) => set.isProgression);
  let progression = -1;
  if (previous !== -1 && eligible[previous]?.isAmrap) progression = previous;
  else if (slot.tier.trim().toUpperCase() === 'T1') progression = highestPercentageAmrap(eligible);
  return {
    ...slot,
    sets: parsed.map((set, i) => {
      const before = slot.sets[i];
      const repsMax = parseWholeNumber(before?.repsMax ?? '');
      return {
        key: newKey('s'),
        kind: kinds[i]!,
        percent: formatPercent(set.percentage),
        reps: String(set.reps),
        repsMax: repsMax !== null && repsMax > set.reps ? String(repsMax) : '',
        offset: before?.offset ?? '',
        isAmrap: set.isAmrap,
        isProgression: i === progression,
      };
    }),
  };
}

/** The grid's sets as quick-entry input (what formatQuickEntry takes); null while a row is not a valid %-set. */
export function setsAsQuickEntry(sets: SetRow[]): QuickEntrySet[] | null {
  const result: QuickEntrySet[] = [];
  for (const set of sets) {
    const percent = parsePercent(set.percent);
    const reps = parseWholeNumber(set.reps);
    if (percent === null || reps === null) return null;
    result.push({ percentage: percentToFraction(percent), reps, isAmrap: set.isAmrap });
  }
  return result;
}

// ---------- the standard rules ----------

/** The classic LP table by AMRAP reps (kg), upper and lower body: the engine's, as editable rows. */
export const STANDARD_RULES: ReadonlyArray<Omit<RuleRow, 'key' | 'exerciseId'>> = STANDARD_AMRAP_RULES.map((rule) => ({
  kind: 'amrap_table',
  scope: rule.category,
  minReps: String(rule.minReps),
  maxReps: String(rule.maxReps),
  increase: String(rule.increase),
  unit: rule.unit,
  maxSteps: '',
  failures: '',
  factor: '',
}));

// ---------- transitions ----------

export type HeaderField = 'name' | 'slug' | 'description';
export type SlotPatch = Partial<Pick<Slot, 'exerciseId' | 'tmExerciseId' | 'tier' | 'displayName' | 'restSeconds'>>;
export type SetPatch = Partial<Omit<SetRow, 'key'>>;
export type RulePatch = Partial<Omit<RuleRow, 'key' | 'kind'>>;
export type Move = -1 | 1;

export type BuilderAction =
  | { type: 'replace'; draft: PlanDraft }
  | { type: 'setHeader'; field: HeaderField; value: string }
  | { type: 'setPublic'; value: boolean }
  | { type: 'setTmPercent'; value: string }
  | { type: 'setCycles'; value: number | null }
  | { type: 'setDayCount'; count: number }
  /** `key`: the new week's key (so the caller can select it); generated when absent. */
  | { type: 'addWeek'; key?: string }
  | { type: 'duplicateWeek'; weekKey: string; key?: string }
  | { type: 'removeWeek'; weekKey: string }
  | { type: 'renameWeek'; weekKey: string; name: string }
  | { type: 'setDeload'; weekKey: string; value: boolean }
  /** A week shorter than the others gets its missing days (empty). */
  | { type: 'fillWeek'; weekKey: string }
  /** One more day in a week that has fewer than the plan's days a week ("Days / week" is the only way to more). */
  | { type: 'addDay'; weekKey: string }
  | { type: 'duplicateDay'; dayKey: string }
  | { type: 'removeDay'; dayKey: string }
  | { type: 'moveDay'; dayKey: string; by: Move }
  | { type: 'renameDay'; dayKey: string; name: string }
  /** Overwrites that day (same position) in each of these weeks with a copy of it. */
  | { type: 'copyDayToWeeks'; dayKey: string; weekKeys: string[] }
  | { type: 'addSlot'; dayKey: string }
  | { type: 'removeSlot'; slotKey: string }
  | { type: 'moveSlot'; slotKey: string; by: Move }
  | { type: 'updateSlot'; slotKey: string; patch: SlotPatch }
  | { type: 'quickEntry'; slotKey: string; sets: QuickEntrySet[] }
  /**
   * A wave: `weeks[0]` fills this slot, `weeks[1]` the same slot (day and position) of the next week, … (null: leave
   * that week alone). Weeks that don't exist yet are added as copies of this slot's week.
   */
  | { type: 'quickEntryWave'; slotKey: string; weeks: Array<QuickEntrySet[] | null> }
  | { type: 'addSet'; slotKey: string }
  | { type: 'removeSet'; setKey: string }
  | { type: 'moveSet'; setKey: string; by: Move }
  | { type: 'updateSet'; setKey: string; patch: SetPatch }
  | { type: 'addRule'; kind?: RuleKind }
  | { type: 'addStandardRules' }
  | { type: 'removeRule'; ruleKey: string }
  | { type: 'updateRule'; ruleKey: string; patch: RulePatch };

export function builderReducer(draft: PlanDraft, action: BuilderAction): PlanDraft {
  switch (action.type) {
    case 'replace':
      return action.draft;
    case 'setHeader': {
      if (action.field === 'name') {
        return { ...draft, name: action.value, slug: draft.slugTouched ? draft.slug : slugify(action.value) };
      }
      if (action.field === 'slug') return { ...draft, slug: action.value, slugTouched: action.value.trim() !== '' };
      return { ...draft, description: action.value };
    }
    case 'setPublic':
      return { ...draft, isPublic: action.value };
    case 'setTmPercent':
      return { ...draft, tmPercent: action.value };
    case 'setCycles':
      return { ...draft, cycles: action.value };
    case 'setDayCount': {
      const count = Math.min(MAX_DAYS, Math.max(1, Math.trunc(action.count)));
      if (!Number.isFinite(count) || draft.weeks.every((week) => week.days.length === count)) return draft;
      return { ...draft, weeks: draft.weeks.map((week) => withDayCount(week, count, draft)) };
    }
    case 'addWeek': {
      if (draft.weeks.length >= MAX_WEEKS) return draft;
      const last = draft.weeks.at(-1);
      const week = newWeek(dayCount(draft), last?.days.map((day) => day.name) ?? [], action.key);
      return { ...draft, weeks: [...draft.weeks, week] };
    }
    case 'duplicateWeek': {
      const index = draft.weeks.findIndex((week) => week.key === action.weekKey);
      if (index === -1 || draft.weeks.length >= MAX_WEEKS) return draft;
      const source = draft.weeks[index]!;
      const copy = { ...copyWeek(source, action.key), name: source.name, isDeload: source.isDeload };
      return { ...draft, weeks: [...draft.weeks.slice(0, index + 1), copy, ...draft.weeks.slice(index + 1)] };
    }
    case 'removeWeek':
      return draft.weeks.length <= 1
        ? draft
        : { ...draft, weeks: draft.weeks.filter((week) => week.key !== action.weekKey) };
    case 'renameWeek':
      return mapWeek(draft, action.weekKey, (week) => ({ ...week, name: action.name }));
    case 'setDeload':
      return mapWeek(draft, action.weekKey, (week) => ({ ...week, isDeload: action.value }));
    case 'fillWeek':
      return mapWeek(draft, action.weekKey, (week) => withDayCount(week, dayCount(draft), draft));
    case 'addDay': {
      const week = draft.weeks.find((candidate) => candidate.key === action.weekKey);
      if (!week || week.days.length >= dayCount(draft)) return draft;
      return mapWeek(draft, week.key, () => withDayCount(week, week.days.length + 1, draft));
    }
    case 'duplicateDay': {
      const position = dayPosition(draft, action.dayKey);
      if (position === -1 || dayCount(draft) >= MAX_DAYS) return draft;
      return mapDayLists(draft, (days) =>
        position < days.length
          ? [...days.slice(0, position + 1), copyDay(days[position]!), ...days.slice(position + 1)]
          : days,
      );
    }
    case 'removeDay': {
      const position = dayPosition(draft, action.dayKey);
      if (position === -1 || dayCount(draft) <= 1) return draft;
      return mapDayLists(draft, (days) => (position < days.length ? days.filter((_, i) => i !== position) : days));
    }
    case 'moveDay': {
      const position = dayPosition(draft, action.dayKey);
      if (position === -1) return draft;
      return mapDayLists(draft, (days) => (days[position] ? moveByKey(days, days[position].key, action.by) : days));
    }
    case 'renameDay':
      return mapDays(draft, (day) => (day.key === action.dayKey ? { ...day, name: action.name } : day));
    case 'copyDayToWeeks': {
      const source = findDay(draft, action.dayKey);
      if (!source) return draft;
      const targets = new Set(action.weekKeys);
      targets.delete(source.week.key);
      return {
        ...draft,
        weeks: draft.weeks.map((week) => {
          if (!targets.has(week.key)) return week;
          const days =
            week.days.length > source.position ? [...week.days] : withDayCount(week, source.position + 1, draft).days;
          days[source.position] = copyDay(source.day);
          return { ...week, days };
        }),
      };
    }
    case 'addSlot':
      return mapDays(draft, (day) =>
        day.key === action.dayKey ? { ...day, slots: [...day.slots, newSlot(day.slots.length)] } : day,
      );
    case 'removeSlot':
      return mapDays(draft, (day) =>
        day.slots.some((slot) => slot.key === action.slotKey)
          ? { ...day, slots: day.slots.filter((slot) => slot.key !== action.slotKey) }
          : day,
      );
    case 'moveSlot':
      return mapDays(draft, (day) => {
        const slots = moveByKey(day.slots, action.slotKey, action.by);
        return slots === day.slots ? day : { ...day, slots };
      });
    case 'updateSlot':
      return mapSlot(draft, action.slotKey, (slot) => {
        const next = { ...slot, ...action.patch };
        // "Same as the exercise" is stored as null, so the TM follows a later change of exercise.
        if (next.tmExerciseId !== null && next.tmExerciseId === next.exerciseId) next.tmExerciseId = null;
        return next;
      });
    case 'quickEntry':
      return mapSlot(draft, action.slotKey, (slot) => applyQuickEntry(slot, action.sets));
    case 'quickEntryWave':
      return applyWave(draft, action.slotKey, action.weeks);
    case 'addSet':
      return mapSlot(draft, action.slotKey, (slot) => {
        const last = slot.sets.at(-1);
        const set = last
          ? { ...newSet(last.percent, last.reps, false, last.kind), repsMax: last.repsMax, offset: last.offset }
          : newSet();
        return { ...slot, sets: [...slot.sets, set] };
      });
    case 'removeSet':
      return mapSlot(draft, slotKeyOfSet(draft, action.setKey), (slot) => ({
        ...slot,
        sets: slot.sets.filter((set) => set.key !== action.setKey),
      }));
    case 'moveSet':
      return mapSlot(draft, slotKeyOfSet(draft, action.setKey), (slot) => ({
        ...slot,
        sets: moveByKey(slot.sets, action.setKey, action.by),
      }));
    case 'updateSet': {
      const targetProgression = allowsTargetProgression(draft.rules);
      return mapSlot(draft, slotKeyOfSet(draft, action.setKey), (slot) => ({
        ...slot,
        sets: slot.sets.map((set) => {
          if (set.key !== action.setKey) return set;
          const next = { ...set, ...action.patch };
          // Warm-up and accessory sets never move a TM; without a target rule only an AMRAP set does.
          if (!canDriveProgression(next.kind)) next.isProgression = false;
          if (!next.isAmrap && set.isAmrap && !targetProgression) next.isProgression = false;
          return next;
        }),
      }));
    }
    case 'addRule': {
      const kind = action.kind ?? 'amrap_table';
      const sameKind = draft.rules.filter((rule) => rule.kind === kind);
      return { ...draft, rules: sortRules([...draft.rules, followingRule(kind, sameKind.at(-1))]) };
    }
    case 'addStandardRules': {
      const missing = STANDARD_RULES.filter(
        (standard) =>
          !draft.rules.some(
            (rule) =>
              rule.kind === 'amrap_table' &&
              rule.scope === standard.scope &&
              rule.minReps === standard.minReps &&
              rule.maxReps === standard.maxReps,
          ),
      );
      return {
        ...draft,
        rules: sortRules([...draft.rules, ...missing.map((rule) => ({ ...rule, key: newKey('r'), exerciseId: null }))]),
      };
    }
    case 'removeRule':
      return { ...draft, rules: draft.rules.filter((rule) => rule.key !== action.ruleKey) };
    case 'updateRule':
      return {
        ...draft,
        rules: draft.rules.map((rule) => {
          if (rule.key !== action.ruleKey) return rule;
          const next = { ...rule, ...action.patch };
          if (next.scope !== 'exercise') next.exerciseId = null;
          return next;
        }),
      };
  }
}

/**
 * A new rule continues the previous one of its kind: an AMRAP-table rule keeps scope and unit and starts one rep
 * above the previous range; the other kinds allow one rule per scope, so upper is followed by lower.
 */
function followingRule(kind: RuleKind, previous: RuleRow | undefined): RuleRow {
  if (!previous) return newRule(kind);
  if (kind === 'amrap_table') {
    const rule = newRule(kind, previous.scope, previous.unit);
    rule.exerciseId = previous.exerciseId;
    const max = parseWholeNumber(previous.maxReps);
    if (max !== null) rule.minReps = String(max + 1);
    return rule;
  }
  const rule = newRule(kind, previous.scope === 'upper' ? 'lower' : 'exercise', previous.unit);
  if (kind === 'stall_reset') {
    rule.failures = previous.failures;
    rule.factor = previous.factor;
  }
  if (kind === 'reps_over_target') rule.maxSteps = previous.maxSteps;
  return rule;
}

function applyWave(draft: PlanDraft, slotKey: string, segments: Array<QuickEntrySet[] | null>): PlanDraft {
  const at = findSlot(draft, slotKey);
  if (!at) return draft;
  const weeks = [...draft.weeks];
  const needed = Math.min(MAX_WEEKS, at.weekIndex + segments.length);
  while (weeks.length < needed) weeks.push(copyWeek(draft.weeks[at.weekIndex]!));
  segments.forEach((sets, i) => {
    const w = at.weekIndex + i;
    const week = weeks[w];
    if (!sets || !week) return;
    const days = week.days.length > at.dayIndex ? [...week.days] : withDayCount(week, at.dayIndex + 1, draft).days;
    const day = days[at.dayIndex]!;
    const slots = [...day.slots];
    const existing = slots[at.slotIndex];
    if (existing) slots[at.slotIndex] = applyQuickEntry(existing, sets);
    else slots.push(applyQuickEntry({ ...at.slot, key: newKey('x'), sets: [] }, sets));
    days[at.dayIndex] = { ...day, slots };
    weeks[w] = { ...week, days };
  });
  return { ...draft, weeks };
}

/** A week with exactly `count` days: the last ones dropped, or empty days added (named like the longest week's). */
function withDayCount(week: Week, count: number, draft: PlanDraft): Week {
  if (week.days.length === count) return week;
  if (week.days.length > count) return { ...week, days: week.days.slice(0, count) };
  const longest = draft.weeks.reduce((a, b) => (b.days.length > a.days.length ? b : a), week);
  const added = Array.from({ length: count - week.days.length }, (_, i) =>
    newDay(longest.days[week.days.length + i]?.name ?? ''),
  );
  return { ...week, days: [...week.days, ...added] };
}

function copyWeek(week: Week, key = newKey('w')): Week {
  return { key, name: '', isDeload: false, days: week.days.map(copyDay) };
}

function copyDay(day: Day): Day {
  return {
    key: newKey('d'),
    name: day.name,
    slots: day.slots.map((slot) => ({
      ...slot,
      key: newKey('x'),
      sets: slot.sets.map((set) => ({ ...set, key: newKey('s') })),
    })),
  };
}

export function moveByKey<T extends { key: string }>(items: T[], key: string, by: Move): T[] {
  const from = items.findIndex((item) => item.key === key);
  const to = from + by;
  if (from === -1 || to < 0 || to >= items.length) return items;
  const next = [...items];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}

function mapWeek(draft: PlanDraft, weekKey: string, fn: (week: Week) => Week): PlanDraft {
  return { ...draft, weeks: draft.weeks.map((week) => (week.key === weekKey ? fn(week) : week)) };
}

/** Applies `fn` to every week's list of days; a week whose list comes back unchanged keeps its identity. */
function mapDayLists(draft: PlanDraft, fn: (days: Day[]) => Day[]): PlanDraft {
  return {
    ...draft,
    weeks: draft.weeks.map((week) => {
      const days = fn(week.days);
      return days === week.days ? week : { ...week, days };
    }),
  };
}

/** Applies `fn` to every day; a week (and a day) left unchanged keeps its identity (cheap re-renders). */
function mapDays(draft: PlanDraft, fn: (day: Day) => Day): PlanDraft {
  return mapDayLists(draft, (days) => {
    const next = days.map(fn);
    return next.every((day, i) => day === days[i]) ? days : next;
  });
}

/** Changes the one slot with this key; every other week, day and slot keeps its identity. */
function mapSlot(draft: PlanDraft, slotKey: string | undefined, fn: (slot: Slot) => Slot): PlanDraft {
  if (slotKey === undefined) return draft;
  return mapDays(draft, (day) =>
    day.slots.some((slot) => slot.key === slotKey)
      ? { ...day, slots: day.slots.map((slot) => (slot.key === slotKey ? fn(slot) : slot)) }
      : day,
  );
}

function dayPosition(draft: PlanDraft, dayKey: string): number {
  return findDay(draft, dayKey)?.position ?? -1;
}

export function findDay(draft: PlanDraft, dayKey: string): { week: Week; day: Day; position: number } | undefined {
  for (const week of draft.weeks) {
    const position = week.days.findIndex((day) => day.key === dayKey);
    if (position !== -1) return { week, day: week.days[position]!, position };
  }
  return undefined;
}

function findSlot(draft: PlanDraft, slotKey: string) {
  for (const [weekIndex, week] of draft.weeks.entries())
    for (const [dayIndex, day] of week.days.entries()) {
      const slotIndex = day.slots.findIndex((slot) => slot.key === slotKey);
      if (slotIndex !== -1) return { weekIndex, dayIndex, slotIndex, slot: day.slots[slotIndex]! };
    }
  return undefined;
}

function slotKeyOfSet(draft: PlanDraft, setKey: string): string | undefined {
  for (const week of draft.weeks)
    for (const day of week.days)
      for (const slot of day.slots) if (slot.sets.some((set) => set.key === setKey)) return slot.key;
  return undefined;
}
