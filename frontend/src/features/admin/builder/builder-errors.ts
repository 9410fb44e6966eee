/**
 * Errors in the builder are keyed by *field id*: `name`, `slug`, `week:<key>:name`, `day:<key>:name`,
 * `slot:<key>:exerciseId`, `set:<key>:percentage`, `rule:<key>:minReps`, … — tied to the item's stable key, not its
 * position, so an error stays on its field when the admin reorders things. Client checks (mirroring the API's plan
 * schema) and the API's `details[].path` (`weeks.2.days.0.exercises.1.sets.3.kind`, or seed 003's
 * `days.0.exercises.1.sets.2.percentage` for the first week) both end up in this one shape.
 */
import type { FieldIssue } from '@liftplan/domain';
import { capitalize } from '@/lib/format';
import {
  allowsTargetProgression,
  canDriveProgression,
  dayCount,
  MAX_DAYS,
  MAX_WEEKS,
  parseDecimal,
  parseOffset,
  parsePercent,
  parseWholeNumber,
  type Day,
  type PlanDraft,
  type RuleKind,
  type RuleRow,
  type SetRow,
  type Slot,
  type Week,
} from './builder-state';

export type FieldErrors = Record<string, string>;
export type EntityKind = 'week' | 'day' | 'slot' | 'set' | 'rule';

export const fieldId = (kind: EntityKind, key: string, field = ''): string => `${kind}:${key}:${field}`;
/** The DOM id of a field's control, so an error summary can link to it and focus can move there. */
export const domIdOf = (id: string): string => `pb-${id.replace(/[^\w-]/g, '-')}`;

const HEADER_FIELDS = [
  'name',
  'slug',
  'description',
  'daysPerWeek',
  'isPublic',
  'tmPercent',
  'cycleWeeks',
  'weeks',
  'days',
  'progressionRules',
];
/** Header paths shown on another control: days/week on `days`, the number of weeks on the week strip. */
const HEADER_ALIASES: Record<string, string> = { daysPerWeek: 'days', cycleWeeks: 'weeks' };
/** The fields each kind of item renders a control (or a message line) for; anything else goes on the item. */
const RENDERED: Record<EntityKind, string[]> = {
  week: ['name', 'isDeload', 'days'],
  day: ['name', 'exercises'],
  slot: ['exerciseId', 'tmExerciseId', 'tier', 'displayName', 'restSeconds', 'sets'],
  set: ['kind', 'percentage', 'reps', 'repsMax', 'incrementOffset', 'isAmrap', 'isProgression'],
  rule: ['exerciseId', 'category', 'minReps', 'maxReps', 'increase', 'unit', 'maxSteps', 'failures', 'factor'],
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// ---------- mapping the API's paths ----------

export type MappedIssues = { fields: FieldErrors; unmapped: string[] };

/**
 * Puts each API issue on the field it concerns, resolving positions against the draft that was sent. Preview
 * paths (`plan.weeks.…`) are understood too. Issues that name no field of the builder are returned as `unmapped`.
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
  if (head === 'weeks' && index !== undefined && isIndex(index)) {
    const week = sent.weeks[Number(index)];
    return week ? weekFieldId(week, rest) : null;
  }
  // Seed 003's flat body: the days of the first (only) week.
  if (head === 'days' && index !== undefined && isIndex(index)) {
    const day = sent.weeks[0]?.days[Number(index)];
    return day ? dayFieldId(day, rest) : null;
  }
  if (head === 'progressionRules' && index !== undefined && isIndex(index)) {
    const rule = sent.rules[Number(index)];
    return rule ? entityField('rule', rule.key, rest) : null;
  }
  if (segments.length === 1 && HEADER_FIELDS.includes(head)) return HEADER_ALIASES[head] ?? head;
  return null;
}

function weekFieldId(week: Week, rest: string[]): string {
  const [field, index, ...deeper] = rest;
  if (field === 'days' && index !== undefined && isIndex(index)) {
    const day = week.days[Number(index)];
    if (!day) return fieldId('week', week.key, 'days');
    return dayFieldId(day, deeper);
  }
  return entityField('week', week.key, rest);
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
  const problem = tmPercentProblem(draft.tmPercent);
  if (problem) errors.tmPercent = problem;
  Object.assign(errors, validateStructure(draft));
  return errors;
}

/** Everything but the header (name, slug, description): what a preview or projection of the plan needs. */
export function validateStructure(draft: PlanDraft): FieldErrors {
  const errors: FieldErrors = {};
  const days = dayCount(draft);
  if (days < 1 || days > MAX_DAYS) errors.days = `A plan has 1 to ${MAX_DAYS} days a week`;
  if (draft.weeks.length < 1 || draft.weeks.length > MAX_WEEKS) errors.weeks = `A cycle has 1 to ${MAX_WEEKS} weeks`;
  const targetProgression = allowsTargetProgression(draft.rules);

  for (const week of draft.weeks) {
    if (week.name.trim().length > 100) errors[fieldId('week', week.key, 'name')] = 'Use at most 100 characters';
    if (week.days.length === 0) errors[fieldId('week', week.key, 'days')] = 'Add at least one day';
    for (const day of week.days) {
      if (day.name.trim().length > 100) errors[fieldId('day', day.key, 'name')] = 'Use at most 100 characters';
      if (day.slots.length === 0) errors[fieldId('day', day.key, 'exercises')] = 'Add at least one exercise';
      for (const slot of day.slots) validateSlot(slot, errors, targetProgression);
    }
  }
  validateRules(draft.rules, errors);
  return errors;
}

export function tmPercentProblem(text: string): string | undefined {
  const percent = parsePercent(text);
  if (percent === null || percent < 50 || percent > 100) return 'Enter 50 to 100 (%)';
  if (!hasAtMostDecimals(percent, 2)) return 'Use at most 2 decimals';
  return undefined;
}

function validateSlot(slot: Slot, errors: FieldErrors, targetProgression: boolean) {
  if (slot.exerciseId === null) errors[fieldId('slot', slot.key, 'exerciseId')] = 'Choose an exercise';
  const tier = slot.tier.trim();
  if (!tier) errors[fieldId('slot', slot.key, 'tier')] = 'Enter a tier, e.g. T1';
  else if (tier.length > 10) errors[fieldId('slot', slot.key, 'tier')] = 'Use at most 10 characters';
  if (slot.displayName.trim().length > 100)
    errors[fieldId('slot', slot.key, 'displayName')] = 'Use at most 100 characters';
  if (slot.restSeconds.trim() !== '') {
    const rest = parseWholeNumber(slot.restSeconds);
    if (rest === null || rest > 3600) errors[fieldId('slot', slot.key, 'restSeconds')] = 'Enter 0 to 3600 seconds';
  }
  if (slot.sets.length === 0)
    errors[fieldId('slot', slot.key, 'sets')] = 'Add at least one set (quick entry: 65x8, 75x6, 85x4x3, 65x8+)';
  else if (slot.sets.length > 50) errors[fieldId('slot', slot.key, 'sets')] = 'Use at most 50 sets';
  for (const set of slot.sets) {
    for (const [field, message] of Object.entries(setProblems(set, targetProgression)))
      errors[fieldId('set', set.key, field)] = message;
  }
}

export type SetProblems = Partial<
  Record<'percentage' | 'reps' | 'repsMax' | 'incrementOffset' | 'isProgression', string>
>;

/**
 * What is wrong with one row of the set grid. `targetProgression`: the plan has a reps-over-target or stall-reset
 * rule, so a progression set needs no AMRAP.
 */
export function setProblems(set: SetRow, targetProgression = false): SetProblems {
  const problems: SetProblems = {};
  const percent = parsePercent(set.percent);
  if (set.percent.trim() === '') {
    if (set.kind !== 'accessory') problems.percentage = 'Enter a percentage (only an accessory set may go without)';
  } else if (percent === null || percent <= 0 || percent > 150)
    problems.percentage = 'Enter a percentage above 0 and at most 150';
  else if (!hasAtMostDecimals(percent, 2)) problems.percentage = 'Use at most 2 decimals';
  const reps = parseWholeNumber(set.reps);
  if (reps === null || reps < 1 || reps > 100) problems.reps = 'Enter 1 to 100 reps';
  if (set.repsMax.trim() !== '') {
    const top = parseWholeNumber(set.repsMax);
    if (top === null || top < 1 || top > 100) problems.repsMax = 'Enter 1 to 100 reps, or leave empty';
    else if (reps !== null && top < reps) problems.repsMax = 'Must be at least the reps';
  }
  const offset = parseOffset(set.offset);
  if (offset === null || offset < -20 || offset > 20) problems.incrementOffset = 'Enter a whole number from −20 to 20';
  if (set.isProgression) {
    if (!canDriveProgression(set.kind))
      problems.isProgression = 'Only a main or supplemental set can drive progression';
    else if (set.percent.trim() === '') problems.isProgression = 'A progression set needs a percentage';
    else if (!set.isAmrap && !targetProgression)
      problems.isProgression =
        'Only an AMRAP set can drive progression (or add a reps-over-target or stall-reset rule)';
  }
  return problems;
}

const hasAtMostDecimals = (value: number, decimals: number) => {
  const scaled = value * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) < 1e-9;
};

export const RULE_KIND_LABELS: Record<RuleKind, string> = {
  amrap_table: 'AMRAP table',
  reps_over_target: 'reps over target',
  cycle_increment: 'cycle increase',
  stall_reset: 'stall reset',
};

function validateRules(rules: RuleRow[], errors: FieldErrors) {
  const set = (rule: RuleRow, field: string, message: string) => {
    errors[fieldId('rule', rule.key, field)] ??= message;
  };
  const seen = new Set<string>();
  for (const rule of rules) {
    if (rule.scope === 'exercise' && rule.exerciseId === null) set(rule, 'exerciseId', 'Choose an exercise');
    if (rule.kind !== 'stall_reset') {
      const increase = parseDecimal(rule.increase);
      if (increase === null || increase > 100) set(rule, 'increase', 'Enter 0 to 100');
      else if (!hasAtMostDecimals(increase, 2)) set(rule, 'increase', 'Use at most 2 decimals');
      else if (rule.kind === 'cycle_increment' && rule.unit === 'percent' && increase > 20)
        set(rule, 'increase', 'A percentage increase must be at most 20 %');
      if (rule.unit === 'percent' && rule.kind !== 'cycle_increment') set(rule, 'unit', 'Choose kg or lb');
    }
    if (rule.kind === 'amrap_table') {
      const min = parseWholeNumber(rule.minReps);
      const max = parseWholeNumber(rule.maxReps);
      if (min === null || min > 999) set(rule, 'minReps', 'Enter 0 to 999');
      if (max === null || max > 999) set(rule, 'maxReps', 'Enter 0 to 999');
      else if (min !== null && max < min) set(rule, 'maxReps', 'Must be at least the minimum');
    }
    if (rule.kind === 'reps_over_target' && rule.maxSteps.trim() !== '') {
      const steps = parseWholeNumber(rule.maxSteps);
      if (steps === null || steps < 1 || steps > 100) set(rule, 'maxSteps', 'Enter 1 to 100, or leave empty');
    }
    if (rule.kind === 'stall_reset') {
      const failures = parseWholeNumber(rule.failures);
      if (failures === null || failures < 1 || failures > 20) set(rule, 'failures', 'Enter 1 to 20');
      const factor = parseDecimal(rule.factor);
      if (factor === null || factor < 0.5 || factor > 0.99) set(rule, 'factor', 'Enter 0.5 to 0.99, e.g. 0.9');
      else if (!hasAtMostDecimals(factor, 4)) set(rule, 'factor', 'Use at most 4 decimals');
    }
    // One rule of each other kind per scope (the API refuses a second one).
    if (rule.kind !== 'amrap_table' && (rule.scope !== 'exercise' || rule.exerciseId !== null)) {
      const scope = `${rule.kind}:${rule.scope === 'exercise' ? rule.exerciseId : rule.scope}`;
      if (seen.has(scope))
        set(
          rule,
          rule.scope === 'exercise' ? 'exerciseId' : 'category',
          `Only one ${RULE_KIND_LABELS[rule.kind]} rule per ${rule.scope === 'exercise' ? 'exercise' : 'body part'}`,
        );
      seen.add(scope);
    }
  }
  for (const [key, others] of findRuleOverlaps(rules)) {
    errors[fieldId('rule', key, 'minReps')] ??= overlapMessage(rules, others);
  }
}

// ---------- overlapping rep ranges ----------

/**
 * AMRAP-table rules whose inclusive rep ranges overlap another of the same scope (an exercise, or upper / lower):
 * every rule of a clashing pair is flagged, with the positions (0-based, in all the rules) of the rules it clashes
 * with. The API runs the same check (engine/progression.ts findOverlappingRules) and refuses the save.
 */
export function findRuleOverlaps(rules: RuleRow[]): Map<string, number[]> {
  const overlaps = new Map<string, number[]>();
  const add = (key: string, other: number) => overlaps.set(key, [...(overlaps.get(key) ?? []), other]);
  const ranges = rules.map((rule) => ({
    scope:
      rule.kind !== 'amrap_table'
        ? null
        : rule.scope === 'exercise'
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

/** Error field ids in the order the fields appear on the page (week by week). */
export function orderedErrorIds(draft: PlanDraft, errors: FieldErrors): string[] {
  const order: string[] = ['name', 'slug', 'tmPercent', 'description', 'days', 'weeks'];
  for (const week of draft.weeks) {
    for (const field of ['', ...RENDERED.week]) order.push(fieldId('week', week.key, field));
    for (const day of week.days) {
      order.push(fieldId('day', day.key, ''), fieldId('day', day.key, 'name'), fieldId('day', day.key, 'exercises'));
      for (const slot of day.slots) {
        for (const field of ['', ...RENDERED.slot]) order.push(fieldId('slot', slot.key, field));
        for (const set of slot.sets)
          for (const field of ['', ...RENDERED.set]) order.push(fieldId('set', set.key, field));
      }
    }
  }
  order.push('progressionRules');
  for (const rule of draft.rules)
    for (const field of ['', ...RENDERED.rule]) order.push(fieldId('rule', rule.key, field));
  const known = order.filter((id) => errors[id] !== undefined);
  const rest = Object.keys(errors).filter((id) => !order.includes(id));
  return [...known, ...rest];
}

/** The week a field belongs to (its key), or null for the header and the rules. */
export function weekKeyOfField(draft: PlanDraft, id: string): string | null {
  const [kind, key] = id.split(':');
  if (key === undefined) return null;
  for (const week of draft.weeks) {
    if (kind === 'week' && week.key === key) return week.key;
    for (const day of week.days) {
      if (kind === 'day' && day.key === key) return week.key;
      for (const slot of day.slots) {
        if (kind === 'slot' && slot.key === key) return week.key;
        if (kind === 'set' && slot.sets.some((set) => set.key === key)) return week.key;
      }
    }
  }
  return null;
}

/** The keys of the weeks that hold at least one of these errors (for a mark on their tab). */
export function weeksWithErrors(draft: PlanDraft, errors: FieldErrors): Set<string> {
  const weeks = new Set<string>();
  for (const id of Object.keys(errors)) {
    const week = weekKeyOfField(draft, id);
    if (week) weeks.add(week);
  }
  return weeks;
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
  tmPercent: 'training max %',
  days: 'days',
  weeks: 'weeks',
  isDeload: 'deload',
  progressionRules: 'progression rules',
  exercises: 'exercises',
  exerciseId: 'exercise',
  tmExerciseId: 'training max',
  tier: 'tier',
  displayName: 'display name',
  restSeconds: 'rest',
  sets: 'sets',
  kind: 'kind',
  percentage: 'percentage',
  reps: 'reps',
  repsMax: 'rep range top',
  incrementOffset: 'increment offset',
  isAmrap: 'AMRAP',
  isProgression: 'progression',
  category: 'applies to',
  minReps: 'min reps',
  maxReps: 'max reps',
  increase: 'increase',
  unit: 'unit',
  maxSteps: 'max steps',
  failures: 'failures',
  factor: 'factor',
};

/**
 * Where a field is, in words, for the error summary: "Week 2 · Day 1 · Squat · set 3 · percentage" ("Week N" only
 * when the plan has more than one week).
 */
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
    const several = draft.weeks.length > 1;
    draft.weeks.forEach((week, w) => {
      const weekLabel = `Week ${w + 1}`;
      const prefix = several ? [weekLabel] : [];
      if (kind === 'week' && week.key === key) parts.push(weekLabel);
      week.days.forEach((day, d) => {
        const dayLabel = `Day ${d + 1}`;
        if (kind === 'day' && day.key === key) parts.push(...prefix, dayLabel);
        day.slots.forEach((slot, s) => {
          const slotLabel = (slot.exerciseId !== null && exerciseName(slot.exerciseId)) || `exercise ${s + 1}`;
          if (kind === 'slot' && slot.key === key) parts.push(...prefix, dayLabel, slotLabel);
          const setIndex = slot.sets.findIndex((set) => set.key === key);
          if (kind === 'set' && setIndex !== -1) parts.push(...prefix, dayLabel, slotLabel, `set ${setIndex + 1}`);
        });
      });
    });
  }
  if (label) parts.push(label);
  return parts.join(' · ');
}
