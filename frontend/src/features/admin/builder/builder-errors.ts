/**
 * Errors in the builder are keyed by *field id*: `name`, `slug`, `day:<key>:name`, `slot:<key>:exerciseId`,
 * `set:<key>:percentage`, `rule:<key>:minReps`, … — tied to the item's stable key, not its position, so an error
 * stays on its field when the admin reorders things. Client checks (mirroring the API's plan schema) and the API's
 * `details[].path` (`days.0.exercises.1.sets.2.percentage`) both end up in this one shape.
 */
import type { FieldIssue } from '@liftplan/domain';
import { capitalize } from '@/lib/format';
import {
  MAX_DAYS,
  parseDecimal,
  parsePercent,
  parseWholeNumber,
  type Day,
  type PlanDraft,
  type RuleRow,
  type SetRow,
  type Slot,
} from './builder-state';

export type FieldErrors = Record<string, string>;
export type EntityKind = 'day' | 'slot' | 'set' | 'rule';

export const fieldId = (kind: EntityKind, key: string, field = ''): string => `${kind}:${key}:${field}`;
/** The DOM id of a field's control, so an error summary can link to it and focus can move there. */
export const domIdOf = (id: string): string => `pb-${id.replace(/[^\w-]/g, '-')}`;

const HEADER_FIELDS = ['name', 'slug', 'description', 'daysPerWeek', 'isPublic', 'days', 'progressionRules'];
/** The fields each kind of item renders a control (or a message line) for; anything else goes on the item. */
const RENDERED: Record<EntityKind, string[]> = {
  day: ['name', 'exercises'],
  slot: ['exerciseId', 'tmExerciseId', 'tier', 'displayName', 'sets'],
  set: ['percentage', 'reps', 'isAmrap', 'isProgression'],
  rule: ['exerciseId', 'category', 'minReps', 'maxReps', 'increase', 'unit'],
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// ---------- mapping the API's paths ----------

export type MappedIssues = { fields: FieldErrors; unmapped: string[] };

/**
 * Puts each API issue on the field it concerns, resolving positions against the draft that was sent. Preview
 * paths (`plan.days.…`) are understood too. Issues that name no field of the builder are returned as `unmapped`.
 */
export function mapApiIssues(sent: PlanDraft, issues: FieldIssue[]): MappedIssues {
  const fields: FieldErrors = {};
  const unmapped: string[] = [];
  for (const issue of issues) {
    const id = fieldIdForPath(sent, issue.path);
    const message = capitalize(issue.message);
    if (id === null) unmapped.push(issue.path ? `${issue.path}: ${message}` : message);
    else fields[id] ??= message;
  }
  return { fields, unmapped };
}

export function fieldIdForPath(sent: PlanDraft, path: string): string | null {
  const segments = path.split('.').filter(Boolean);
  if (segments[0] === 'plan') segments.shift();
  const [head, index, ...rest] = segments;
  if (head === undefined) return null;
  if (head === 'days' && index !== undefined && isIndex(index)) {
    const day = sent.days[Number(index)];
    if (!day) return null;
    return dayFieldId(day, rest);
  }
  if (head === 'progressionRules' && index !== undefined && isIndex(index)) {
    const rule = sent.rules[Number(index)];
    return rule ? entityField('rule', rule.key, rest) : null;
  }
  if (segments.length === 1 && HEADER_FIELDS.includes(head)) return head === 'daysPerWeek' ? 'days' : head;
  return null;
}

function dayFieldId(day: Day, rest: string[]): string {
  const [field, index, ...deeper] = rest;
  if (field === 'exercises' && index !== undefined && isIndex(index)) {
    const slot = day.slots[Number(index)];
    if (!slot) return fieldId('day', day.key, 'exercises');
    return slotFieldId(slot, deeper);
  }
  return entityField('day', day.key, rest);
}

function slotFieldId(slot: Slot, rest: string[]): string {
  const [field, index, ...deeper] = rest;
  if (field === 'sets' && index !== undefined && isIndex(index)) {
    const set = slot.sets[Number(index)];
    if (!set) return fieldId('slot', slot.key, 'sets');
    return entityField('set', set.key, deeper);
  }
  return entityField('slot', slot.key, rest);
}

function entityField(kind: EntityKind, key: string, rest: string[]): string {
  const field = rest.join('.');
  return fieldId(kind, key, RENDERED[kind].includes(field) ? field : '');
}

const isIndex = (segment: string) => /^\d+$/.test(segment);

// ---------- client-side checks ----------

/** What the API would refuse, found before a round trip. Same field ids as `mapApiIssues`. */
export function validateDraft(draft: PlanDraft): FieldErrors {
  const errors: FieldErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = 'Enter a name for the plan';
  else if (name.length > 100) errors.name = 'Use at most 100 characters';
  const slug = draft.slug.trim();
  if (slug.length < 2 || slug.length > 80) errors.slug = 'Use 2 to 80 characters';
  else if (!SLUG.test(slug)) errors.slug = 'Use lowercase letters, digits and single dashes';
  if (draft.description.trim().length > 2000) errors.description = 'Use at most 2000 characters';
  if (draft.days.length < 1 || draft.days.length > MAX_DAYS) errors.days = `A plan has 1 to ${MAX_DAYS} days`;

  for (const day of draft.days) {
    if (day.name.trim().length > 100) errors[fieldId('day', day.key, 'name')] = 'Use at most 100 characters';
    if (day.slots.length === 0) errors[fieldId('day', day.key, 'exercises')] = 'Add at least one exercise';
    for (const slot of day.slots) validateSlot(slot, errors);
  }
  validateRules(draft.rules, errors);
  return errors;
}

function validateSlot(slot: Slot, errors: FieldErrors) {
  if (slot.exerciseId === null) errors[fieldId('slot', slot.key, 'exerciseId')] = 'Choose an exercise';
  const tier = slot.tier.trim();
  if (!tier) errors[fieldId('slot', slot.key, 'tier')] = 'Enter a tier, e.g. T1';
  else if (tier.length > 10) errors[fieldId('slot', slot.key, 'tier')] = 'Use at most 10 characters';
  if (slot.displayName.trim().length > 100)
    errors[fieldId('slot', slot.key, 'displayName')] = 'Use at most 100 characters';
  if (slot.sets.length === 0)
    errors[fieldId('slot', slot.key, 'sets')] = 'Add at least one set (quick entry: 65x8, 75x6, 85x4x3, 65x8+)';
  else if (slot.sets.length > 50) errors[fieldId('slot', slot.key, 'sets')] = 'Use at most 50 sets';
  for (const set of slot.sets) validateSet(set, errors);
}

export function setProblems(set: SetRow): { percentage?: string; reps?: string; isProgression?: string } {
  const problems: { percentage?: string; reps?: string; isProgression?: string } = {};
  const percent = parsePercent(set.percent);
  if (percent === null || percent <= 0 || percent > 150)
    problems.percentage = 'Enter a percentage above 0 and at most 150';
  else if (Math.abs(percent * 100 - Math.round(percent * 100)) > 1e-9) problems.percentage = 'Use at most 2 decimals';
  const reps = parseWholeNumber(set.reps);
  if (reps === null || reps < 1 || reps > 100) problems.reps = 'Enter 1 to 100 reps';
  if (set.isProgression && !set.isAmrap) problems.isProgression = 'Only an AMRAP set can drive progression';
  return problems;
}

function validateSet(set: SetRow, errors: FieldErrors) {
  for (const [field, message] of Object.entries(setProblems(set))) errors[fieldId('set', set.key, field)] = message;
}

function validateRules(rules: RuleRow[], errors: FieldErrors) {
  for (const rule of rules) {
    if (rule.scope === 'exercise' && rule.exerciseId === null)
      errors[fieldId('rule', rule.key, 'exerciseId')] = 'Choose an exercise';
    const min = parseWholeNumber(rule.minReps);
    const max = parseWholeNumber(rule.maxReps);
    if (min === null || min > 999) errors[fieldId('rule', rule.key, 'minReps')] = 'Enter 0 to 999';
    if (max === null || max > 999) errors[fieldId('rule', rule.key, 'maxReps')] = 'Enter 0 to 999';
    else if (min !== null && max < min) errors[fieldId('rule', rule.key, 'maxReps')] = 'Must be at least the minimum';
    const increase = parseDecimal(rule.increase);
    if (increase === null || increase > 100) errors[fieldId('rule', rule.key, 'increase')] = 'Enter 0 to 100';
    else if (Math.abs(increase * 100 - Math.round(increase * 100)) > 1e-9)
      errors[fieldId('rule', rule.key, 'increase')] = 'Use at most 2 decimals';
  }
  for (const [key, others] of findRuleOverlaps(rules)) {
    errors[fieldId('rule', key, 'minReps')] ??= overlapMessage(rules, others);
  }
}

// ---------- overlapping rep ranges ----------

/**
 * Rules whose inclusive rep ranges overlap another rule of the same scope (an exercise, or upper / lower): every
 * rule of a clashing pair is flagged, with the positions (0-based) of the rules it clashes with. The API runs
 * the same check (engine/progression.ts findOverlappingRules) and refuses the save.
 */
export function findRuleOverlaps(rules: RuleRow[]): Map<string, number[]> {
  const overlaps = new Map<string, number[]>();
  const add = (key: string, other: number) => overlaps.set(key, [...(overlaps.get(key) ?? []), other]);
  const ranges = rules.map((rule) => ({
    scope:
      rule.scope === 'exercise'
        ? rule.exerciseId === null
          ? null
          : `exercise:${rule.exerciseId}`
        : `category:${rule.scope}`,
    min: parseWholeNumber(rule.minReps),
    max: parseWholeNumber(rule.maxReps),
  }));
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const a = ranges[i]!;
      const b = ranges[j]!;
      if (a.scope === null || a.scope !== b.scope) continue;
      if (a.min === null || a.max === null || b.min === null || b.max === null) continue;
      if (a.min <= b.max && b.min <= a.max) {
        add(rules[i]!.key, j);
        add(rules[j]!.key, i);
      }
    }
  }
  return overlaps;
}

export function overlapMessage(rules: RuleRow[], others: number[]): string {
  const describe = (index: number) => {
    const rule = rules[index]!;
    return `rule ${index + 1} (${rule.minReps}–${rule.maxReps} reps)`;
  };
  return `Rep range overlaps ${others.map(describe).join(' and ')}`;
}

// ---------- helpers for showing errors ----------

export function firstErrorId(draft: PlanDraft, errors: FieldErrors): string | undefined {
  return orderedErrorIds(draft, errors)[0];
}

/** Error field ids in the order the fields appear on the page. */
export function orderedErrorIds(draft: PlanDraft, errors: FieldErrors): string[] {
  const order: string[] = ['name', 'slug', 'description', 'days'];
  for (const day of draft.days) {
    order.push(fieldId('day', day.key, ''), fieldId('day', day.key, 'name'), fieldId('day', day.key, 'exercises'));
    for (const slot of day.slots) {
      for (const field of ['', ...RENDERED.slot]) order.push(fieldId('slot', slot.key, field));
      for (const set of slot.sets)
        for (const field of ['', ...RENDERED.set]) order.push(fieldId('set', set.key, field));
    }
  }
  order.push('progressionRules');
  for (const rule of draft.rules)
    for (const field of ['', ...RENDERED.rule]) order.push(fieldId('rule', rule.key, field));
  const known = order.filter((id) => errors[id] !== undefined);
  const rest = Object.keys(errors).filter((id) => !order.includes(id));
  return [...known, ...rest];
}

export function withoutField(errors: FieldErrors, id: string): FieldErrors {
  if (!(id in errors)) return errors;
  const next = { ...errors };
  delete next[id];
  return next;
}

const FIELD_LABELS: Record<string, string> = {
  name: 'name',
  slug: 'slug',
  description: 'description',
  days: 'days',
  progressionRules: 'progression rules',
  exercises: 'exercises',
  exerciseId: 'exercise',
  tmExerciseId: 'training max',
  tier: 'tier',
  displayName: 'display name',
  sets: 'sets',
  percentage: 'percentage',
  reps: 'reps',
  isAmrap: 'AMRAP',
  isProgression: 'progression',
  category: 'applies to',
  minReps: 'min reps',
  maxReps: 'max reps',
  increase: 'increase',
  unit: 'unit',
};

/** Where a field is, in words, for the error summary: "Day 2 · Squat · set 3 · percentage". */
export function describeField(
  draft: PlanDraft,
  id: string,
  exerciseName: (exerciseId: number) => string | undefined,
): string {
  const [kind, key, field = ''] = id.split(':');
  const label = field ? (FIELD_LABELS[field] ?? field) : '';
  const parts: string[] = [];
  if (key === undefined) return capitalize(FIELD_LABELS[id] ?? id);
  if (kind === 'rule') {
    const index = draft.rules.findIndex((rule) => rule.key === key);
    parts.push(`Progression rule ${index + 1}`);
  } else {
    draft.days.forEach((day, d) => {
      const dayLabel = `Day ${d + 1}`;
      if (kind === 'day' && day.key === key) parts.push(dayLabel);
      day.slots.forEach((slot, s) => {
        const slotLabel = (slot.exerciseId !== null && exerciseName(slot.exerciseId)) || `exercise ${s + 1}`;
        if (kind === 'slot' && slot.key === key) parts.push(dayLabel, slotLabel);
        const setIndex = slot.sets.findIndex((set) => set.key === key);
        if (kind === 'set' && setIndex !== -1) parts.push(dayLabel, slotLabel, `set ${setIndex + 1}`);
      });
    });
  }
  if (label) parts.push(label);
  return parts.join(' · ');
}
