/**
 * The plan builder's editing model and its pure state transitions. The draft mirrors a PlanBody, but keeps what the
 * admin types as text (so "72." or an empty field can exist while typing) and gives every day, slot, set and rule a
 * stable key, so errors, focus and React's reconciliation follow an item when it is reordered. Day numbers, sort
 * orders, set orders and days/week are never stored: they are the positions, renumbered 1..N on the way out.
 */
import {
  highestPercentageAmrap,
  STANDARD_AMRAP_RULES,
  type PlanBody,
  type PlanDetailDto,
  type QuickEntrySet,
} from '@liftplan/domain';

export type Unit = 'kg' | 'lb';
export type RuleScope = 'upper' | 'lower' | 'exercise';

export type SetRow = { key: string; percent: string; reps: string; isAmrap: boolean; isProgression: boolean };
export type Slot = {
  key: string;
  exerciseId: number | null;
  /** null: the exercise's own TM. */
  tmExerciseId: number | null;
  tier: string;
  displayName: string;
  sets: SetRow[];
};
export type Day = { key: string; name: string; slots: Slot[] };
export type RuleRow = {
  key: string;
  scope: RuleScope;
  exerciseId: number | null;
  minReps: string;
  maxReps: string;
  increase: string;
  unit: Unit;
};
export type PlanDraft = {
  name: string;
  slug: string;
  /** Once the admin edits the slug it stops following the name. */
  slugTouched: boolean;
  description: string;
  isPublic: boolean;
  days: Day[];
  rules: RuleRow[];
};

export const MAX_DAYS = 7;

let keyCounter = 0;
export const newKey = (prefix: string): string => `${prefix}${(++keyCounter).toString(36)}`;

// ---------- constructors and conversions ----------

export function newSet(percent = '', reps = '', isAmrap = false): SetRow {
  return { key: newKey('s'), percent, reps, isAmrap, isProgression: false };
}

export function newSlot(position: number): Slot {
  return {
    key: newKey('x'),
    exerciseId: null,
    tmExerciseId: null,
    tier: `T${position + 1}`,
    displayName: '',
    sets: [],
  };
}

export function newDay(): Day {
  return { key: newKey('d'), name: '', slots: [newSlot(0)] };
}

export function newRule(scope: RuleScope = 'upper', unit: Unit = 'kg'): RuleRow {
  return { key: newKey('r'), scope, exerciseId: null, minReps: '', maxReps: '', increase: '', unit };
}

export function emptyDraft(): PlanDraft {
  return { name: '', slug: '', slugTouched: false, description: '', isPublic: true, days: [newDay()], rules: [] };
}

/** The same draft with fresh keys (a draft restored from storage must not reuse keys this session hands out). */
export function rekeyDraft(draft: PlanDraft): PlanDraft {
  return {
    ...draft,
    days: draft.days.map((day) => ({
      ...day,
      key: newKey('d'),
      slots: day.slots.map((slot) => ({
        ...slot,
        key: newKey('x'),
        sets: slot.sets.map((set) => ({ ...set, key: newKey('s') })),
      })),
    })),
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

export function draftFromPlan(plan: PlanDetailDto): PlanDraft {
  return {
    name: plan.name,
    slug: plan.slug,
    slugTouched: true,
    description: plan.description ?? '',
    isPublic: plan.isPublic,
    days: [...plan.days]
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
            sets: [...slot.sets]
              .sort((a, b) => a.setOrder - b.setOrder)
              .map((set) => ({
                key: newKey('s'),
                percent: formatPercent(set.percentage),
                reps: String(set.reps),
                isAmrap: set.isAmrap,
                isProgression: set.isProgression,
              })),
          })),
      })),
    rules: plan.progressionRules.map((rule) => ({
      key: newKey('r'),
      scope: rule.exerciseId !== null ? 'exercise' : (rule.category ?? 'upper'),
      exerciseId: rule.exerciseId,
      minReps: String(rule.minReps),
      maxReps: String(rule.maxReps),
      increase: String(rule.increase),
      unit: rule.unit,
    })),
  };
}

/**
 * The request body: positions become dayNumber / sortOrder / setOrder (1..N), days/week is the number of days.
 * Only meaningful for a draft that passed `validateDraft` (unparseable numbers become NaN, which the API rejects).
 */
export function draftToPlanBody(draft: PlanDraft): PlanBody {
  return {
    name: draft.name.trim(),
    slug: draft.slug.trim(),
    description: draft.description.trim() || null,
    daysPerWeek: draft.days.length,
    isPublic: draft.isPublic,
    days: draft.days.map((day, d) => ({
      dayNumber: d + 1,
      name: day.name.trim() || null,
      exercises: day.slots.map((slot, s) => ({
        exerciseId: slot.exerciseId ?? 0,
        tmExerciseId: slot.tmExerciseId ?? slot.exerciseId ?? 0,
        tier: slot.tier.trim(),
        sortOrder: s + 1,
        displayName: slot.displayName.trim() || null,
        sets: slot.sets.map((set, i) => setToBody(set, i)),
      })),
    })),
    progressionRules: draft.rules.map((rule) => ({
      exerciseId: rule.scope === 'exercise' ? (rule.exerciseId ?? 0) : null,
      category: rule.scope === 'exercise' ? null : rule.scope,
      minReps: numberOrNaN(parseWholeNumber(rule.minReps)),
      maxReps: numberOrNaN(parseWholeNumber(rule.maxReps)),
      increase: numberOrNaN(parseDecimal(rule.increase)),
      unit: rule.unit,
    })),
  };
}

export function setToBody(set: SetRow, index: number): PlanBody['days'][number]['exercises'][number]['sets'][number] {
  const percent = parsePercent(set.percent);
  return {
    setOrder: index + 1,
    percentage: percent === null ? Number.NaN : percentToFraction(percent),
    reps: numberOrNaN(parseWholeNumber(set.reps)),
    isAmrap: set.isAmrap,
    isProgression: set.isAmrap && set.isProgression,
  };
}

const numberOrNaN = (n: number | null) => (n === null ? Number.NaN : n);

/** The TM exercises the plan needs (what a lifter will be asked for), in order of first appearance. */
export function requiredTmExerciseIds(draft: PlanDraft): number[] {
  const ids: number[] = [];
  for (const day of draft.days) {
    for (const slot of day.slots) {
      const id = slot.tmExerciseId ?? slot.exerciseId;
      if (id !== null && !ids.includes(id)) ids.push(id);
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

// ---------- quick entry ----------

/**
 * Replaces a slot's sets with parsed quick entry. Progression: the set the admin had flagged keeps its flag if it
 * is still an AMRAP at the same position; otherwise a T1 slot's highest-% AMRAP becomes the progression set (as
 * the seeded nSuns plan does), other tiers get none. Either way it is one checkbox to change.
 */
export function applyQuickEntry(slot: Slot, parsed: QuickEntrySet[]): Slot {
  const previous = slot.sets.findIndex((set) => set.isProgression);
  let progression = -1;
  if (previous !== -1 && parsed[previous]?.isAmrap) progression = previous;
  else if (slot.tier.trim().toUpperCase() === 'T1') progression = highestPercentageAmrap(parsed);
  return {
    ...slot,
    sets: parsed.map((set, i) => ({
      key: newKey('s'),
      percent: formatPercent(set.percentage),
      reps: String(set.reps),
      isAmrap: set.isAmrap,
      isProgression: i === progression,
    })),
  };
}

/** The grid's sets as quick-entry input (what formatQuickEntry takes); null while a row is not a valid set. */
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
  scope: rule.category,
  minReps: String(rule.minReps),
  maxReps: String(rule.maxReps),
  increase: String(rule.increase),
  unit: rule.unit,
}));

// ---------- transitions ----------

export type HeaderField = 'name' | 'slug' | 'description';
export type SlotPatch = Partial<Pick<Slot, 'exerciseId' | 'tmExerciseId' | 'tier' | 'displayName'>>;
export type SetPatch = Partial<Pick<SetRow, 'percent' | 'reps' | 'isAmrap' | 'isProgression'>>;
export type RulePatch = Partial<Omit<RuleRow, 'key'>>;
export type Move = -1 | 1;

export type BuilderAction =
  | { type: 'replace'; draft: PlanDraft }
  | { type: 'setHeader'; field: HeaderField; value: string }
  | { type: 'setPublic'; value: boolean }
  | { type: 'setDayCount'; count: number }
  | { type: 'addDay' }
  | { type: 'duplicateDay'; dayKey: string }
  | { type: 'removeDay'; dayKey: string }
  | { type: 'moveDay'; dayKey: string; by: Move }
  | { type: 'renameDay'; dayKey: string; name: string }
  | { type: 'addSlot'; dayKey: string }
  | { type: 'removeSlot'; slotKey: string }
  | { type: 'moveSlot'; slotKey: string; by: Move }
  | { type: 'updateSlot'; slotKey: string; patch: SlotPatch }
  | { type: 'quickEntry'; slotKey: string; sets: QuickEntrySet[] }
  | { type: 'addSet'; slotKey: string }
  | { type: 'removeSet'; setKey: string }
  | { type: 'moveSet'; setKey: string; by: Move }
  | { type: 'updateSet'; setKey: string; patch: SetPatch }
  | { type: 'addRule' }
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
    case 'setDayCount': {
      const count = Math.min(MAX_DAYS, Math.max(1, Math.trunc(action.count)));
      if (!Number.isFinite(count) || count === draft.days.length) return draft;
      if (count < draft.days.length) return { ...draft, days: draft.days.slice(0, count) };
      return { ...draft, days: [...draft.days, ...Array.from({ length: count - draft.days.length }, newDay)] };
    }
    case 'addDay':
      return draft.days.length >= MAX_DAYS ? draft : { ...draft, days: [...draft.days, newDay()] };
    case 'duplicateDay': {
      if (draft.days.length >= MAX_DAYS) return draft;
      const index = draft.days.findIndex((day) => day.key === action.dayKey);
      if (index === -1) return draft;
      const copy = copyDay(draft.days[index]!);
      return { ...draft, days: [...draft.days.slice(0, index + 1), copy, ...draft.days.slice(index + 1)] };
    }
    case 'removeDay':
      return draft.days.length <= 1 ? draft : { ...draft, days: draft.days.filter((day) => day.key !== action.dayKey) };
    case 'moveDay':
      return { ...draft, days: moveByKey(draft.days, action.dayKey, action.by) };
    case 'renameDay':
      return mapDays(draft, (day) => (day.key === action.dayKey ? { ...day, name: action.name } : day));
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
    case 'addSet':
      return mapSlot(draft, action.slotKey, (slot) => {
        const last = slot.sets.at(-1);
        return { ...slot, sets: [...slot.sets, last ? newSet(last.percent, last.reps) : newSet()] };
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
    case 'updateSet':
      return mapSlot(draft, slotKeyOfSet(draft, action.setKey), (slot) => ({
        ...slot,
        sets: slot.sets.map((set) => {
          if (set.key !== action.setKey) return set;
          const next = { ...set, ...action.patch };
          // Only an AMRAP set can drive progression (the API refuses anything else).
          if (!next.isAmrap) next.isProgression = false;
          return next;
        }),
      }));
    case 'addRule':
      return { ...draft, rules: [...draft.rules, followingRule(draft.rules.at(-1))] };
    case 'addStandardRules': {
      const missing = STANDARD_RULES.filter(
        (standard) =>
          !draft.rules.some(
            (rule) =>
              rule.scope === standard.scope && rule.minReps === standard.minReps && rule.maxReps === standard.maxReps,
          ),
      );
      return {
        ...draft,
        rules: [...draft.rules, ...missing.map((rule) => ({ ...rule, key: newKey('r'), exerciseId: null }))],
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

/** A new rule continues the previous one: same scope and unit, starting one rep above its range. */
function followingRule(previous: RuleRow | undefined): RuleRow {
  const rule = newRule(previous?.scope ?? 'upper', previous?.unit ?? 'kg');
  if (!previous) return rule;
  rule.exerciseId = previous.exerciseId;
  const max = parseWholeNumber(previous.maxReps);
  if (max !== null) rule.minReps = String(max + 1);
  return rule;
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

function mapDays(draft: PlanDraft, fn: (day: Day) => Day): PlanDraft {
  return { ...draft, days: draft.days.map(fn) };
}

/** Changes the one slot with this key; every other day and slot keeps its identity (cheap re-renders). */
function mapSlot(draft: PlanDraft, slotKey: string | undefined, fn: (slot: Slot) => Slot): PlanDraft {
  if (slotKey === undefined) return draft;
  return mapDays(draft, (day) =>
    day.slots.some((slot) => slot.key === slotKey)
      ? { ...day, slots: day.slots.map((slot) => (slot.key === slotKey ? fn(slot) : slot)) }
      : day,
  );
}

function slotKeyOfSet(draft: PlanDraft, setKey: string): string | undefined {
  for (const day of draft.days)
    for (const slot of day.slots) if (slot.sets.some((set) => set.key === setKey)) return slot.key;
  return undefined;
}
