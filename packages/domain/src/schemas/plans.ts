import { z } from 'zod';
import { idInput, idParam, multilineTextInput, onlyWhenValid, textInput, unitSchema, whenValidAt } from './common';
import { findOverlappingRules } from '../engine/progression';
import { slugInput } from './exercises';

export const RULE_CATEGORIES = ['upper', 'lower'] as const;
export const SET_KIND_VALUES = ['warmup', 'main', 'supplemental', 'accessory'] as const;
export const RULE_KIND_VALUES = ['amrap_table', 'reps_over_target', 'cycle_increment', 'stall_reset'] as const;
export const CYCLE_INCREMENT_UNITS = ['kg', 'lb', 'percent'] as const;
export const PLAN_LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export const PLAN_GOALS = ['strength', 'hypertrophy', 'peaking'] as const;

/** Size limits: a plan body can't make the server (or a 52-week projection of it) do more than milliseconds of work. */
export const PLAN_STATUSES = ['draft', 'published', 'archived'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_LIMITS = { maxCycleWeeks: 52, maxCycles: 52, maxSetsPerWeek: 250, maxSetsPerPlan: 3000 } as const;

export const planSetInput = z.strictObject({
  setOrder: z.number().int().min(1).max(100),
  kind: z.enum(SET_KIND_VALUES).default('main'),
  // null only on accessory sets: the lifter enters the weight (checked with the set's kind below).
  percentage: z
    .number()
    .gt(0, 'percentage must be above 0')
    .max(1.5, 'percentage must be at most 1.5 (150 %)')
    .multipleOf(0.0001)
    .nullable(),
  reps: z.number().int().min(1, 'reps must be at least 1').max(100),
  repsMax: z
    .number()
    .int()
    .min(1)
    .max(100)
    .nullish()
    .transform((v) => v ?? null),
  incrementOffset: z.number().int().min(-20).max(20).default(0),
  isAmrap: z.boolean().default(false),
  isProgression: z.boolean().default(false),
});

export const planExerciseInput = z.strictObject({
  exerciseId: idInput,
  tier: textInput(10).pipe(z.string().min(1)),
  sortOrder: z.number().int().min(1).max(100),
  tmExerciseId: idInput.optional(),
  displayName: textInput(100)
    .nullish()
    .transform((v) => v || null),
  restSeconds: z
    .number()
    .int()
    .min(0)
    .max(3600)
    .nullish()
    .transform((v) => v ?? null),
  sets: z.array(planSetInput).min(1, 'add at least one set').max(50),
});

export const planDayInput = z.strictObject({
  dayNumber: z.number().int().min(1).max(7),
  name: textInput(100)
    .nullish()
    .transform((v) => v || null),
  exercises: z.array(planExerciseInput).min(1, 'add at least one exercise').max(30),
});

export const planWeekInput = z.strictObject({
  weekNumber: z.number().int().min(1).max(PLAN_LIMITS.maxCycleWeeks),
  name: textInput(100)
    .nullish()
    .transform((v) => v || null),
  isDeload: z.boolean().default(false),
  days: z.array(planDayInput).min(1, 'add at least one day').max(7),
});

const ruleScope = {
  exerciseId: idInput.nullish().transform((v) => v ?? null),
  category: z
    .enum(RULE_CATEGORIES)
    .nullish()
    .transform((v) => v ?? null),
};
const ruleIncrease = z.number().min(0).max(100).multipleOf(0.01);

const amrapTableRule = z.strictObject({
  kind: z.literal('amrap_table'),
  ...ruleScope,
  minReps: z.number().int().min(0).max(999),
  maxReps: z.number().int().min(0).max(999),
  increase: ruleIncrease,
  unit: unitSchema.default('kg'),
});
const repsOverTargetRule = z.strictObject({
  kind: z.literal('reps_over_target'),
  ...ruleScope,
  increase: ruleIncrease,
  unit: unitSchema.default('kg'),
  maxSteps: z
    .number()
    .int()
    .min(1)
    .max(100)
    .nullish()
    .transform((v) => v ?? null),
});
const cycleIncrementRule = z.strictObject({
  kind: z.literal('cycle_increment'),
  ...ruleScope,
  increase: ruleIncrease,
  /** kg / lb: added per cycle; percent: TM × increase / 100, rounded to the lifter's increment. */
  unit: z.enum(CYCLE_INCREMENT_UNITS).default('kg'),
});
const stallResetRule = z.strictObject({
  kind: z.literal('stall_reset'),
  ...ruleScope,
  failures: z.number().int().min(1).max(20),
  factor: z.number().min(0.5).max(0.99).multipleOf(0.0001),
});

/** A rule without `kind` is an AMRAP-table rule (seed 003's shape). */
export const progressionRuleInput = z
  .preprocess(
    (value) =>
      typeof value === 'object' && value !== null && !Array.isArray(value) && !('kind' in value)
        ? { ...value, kind: 'amrap_table' }
        : value,
    z.discriminatedUnion('kind', [amrapTableRule, repsOverTargetRule, cycleIncrementRule, stallResetRule]),
  )
  .superRefine((rule, ctx) => {
    if ((rule.exerciseId === null) === (rule.category === null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['category'],
        message: 'give either an exerciseId or a category (upper/lower)',
      });
    }
    if (rule.kind === 'amrap_table' && rule.maxReps < rule.minReps)
      ctx.addIssue({ code: 'custom', path: ['maxReps'], message: 'maxReps must be ≥ minReps' });
    if (rule.kind === 'cycle_increment' && rule.unit === 'percent' && rule.increase > 20)
      ctx.addIssue({ code: 'custom', path: ['increase'], message: 'a percentage increase must be at most 20 %' });
  }, onlyWhenValid);

export const progressionRulesInput = z
  .array(progressionRuleInput)
  .max(100)
  .superRefine((rules, ctx) => {
    for (const { second } of findOverlappingRules(rules.filter((r) => r.kind === 'amrap_table'))) {
      const index = rules.indexOf(rules.filter((r) => r.kind === 'amrap_table')[second]!);
      ctx.addIssue({
        code: 'custom',
        path: [index, 'minReps'],
        message: 'rep range overlaps another rule of the same scope',
      });
    }
    const seen = new Set<string>();
    rules.forEach((rule, i) => {
      if (rule.kind === 'amrap_table') return;
      const key = `${rule.kind}:${rule.exerciseId ?? rule.category}`;
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: [i, 'kind'], message: `only one ${rule.kind} rule per scope` });
      seen.add(key);
    });
  }, onlyWhenValid);

/**
 * Where a plan comes from and how far to trust its numbers: the author's credit, the source, level and goal for
 * browsing, each number's source with its verification, and what the model approximates. Program files carry it as
 * `meta`; admins may set it on any plan.
 */
export const planLibraryInput = z.strictObject({
  author: textInput(100)
    .nullish()
    .transform((v) => v || null),
  sourceUrl: z
    .string()
    .trim()
    .max(500)
    .regex(/^https?:\/\/\S+$/, 'use an http(s) address')
    .nullish()
    .transform((v) => v || null),
  level: z
    .enum(PLAN_LEVELS)
    .nullish()
    .transform((v) => v ?? null),
  goal: z
    .enum(PLAN_GOALS)
    .nullish()
    .transform((v) => v ?? null),
  recommendedRounding: z
    .enum(['nearest', 'down'])
    .nullish()
    .transform((v) => v ?? null),
  sources: z
    .array(
      z.strictObject({
        what: textInput(300).pipe(z.string().min(1)),
        url: z
          .string()
          .trim()
          .max(500)
          .regex(/^https?:\/\/\S+$/, 'use an http(s) address'),
        verified: textInput(300).pipe(z.string().min(1)),
      }),
    )
    .max(30)
    .default([]),
  approximations: z
    .array(textInput(500).pipe(z.string().min(1)))
    .max(30)
    .default([]),
});
export type PlanLibraryInput = z.output<typeof planLibraryInput>;

/**
 * Admin create/replace. Either `weeks` (plan model v2) or seed 003's flat `days` (one week). The parsed body always
 * carries `weeks`, `cycleWeeks` and `tmPercent`.
 */
export const planBody = z
  .strictObject({
    name: textInput(100).pipe(z.string().min(1)),
    slug: slugInput,
    description: multilineTextInput(2000)
      .nullish()
      .transform((v) => v || null),
    daysPerWeek: z.number().int().min(1).max(7),
    isPublic: z.boolean().default(true),
    cycleWeeks: z.number().int().min(1).max(PLAN_LIMITS.maxCycleWeeks).optional(),
    /** How many times the cycle runs (Smolov Jr, Candito: 1); omitted or null repeats until the lifter stops. */
    cycles: z
      .number()
      .int()
      .min(1)
      .max(PLAN_LIMITS.maxCycles)
      .nullish()
      .transform((v) => v ?? null),
    tmPercent: z
      .number()
      .min(0.5, 'tmPercent must be between 0.50 and 1.00')
      .max(1, 'tmPercent must be between 0.50 and 1.00')
      .multipleOf(0.0001)
      .default(0.9),
    weeks: z.array(planWeekInput).min(1).max(PLAN_LIMITS.maxCycleWeeks).optional(),
    days: z.array(planDayInput).min(1).max(7).optional(),
    progressionRules: progressionRulesInput.default([]),
    /** Omitted on a replace: the plan keeps its description; null clears it. */
    library: planLibraryInput.nullish(),
  })
  .superRefine(checkPlanStructure, whenValidAt('daysPerWeek', 'cycleWeeks', 'weeks', 'days', 'progressionRules'))
  .transform(({ days, weeks, cycleWeeks, ...header }) => {
    const allWeeks = weeks ?? [{ weekNumber: 1, name: null, isDeload: false, days: days! }];
    // `shape` lets later checks (unknown exercises) name paths the way the body was written.
    return {
      ...header,
      cycleWeeks: cycleWeeks ?? allWeeks.length,
      weeks: allWeeks,
      shape: weeks ? 'weeks' : 'days',
    } as const;
  });
export type PlanBody = z.output<typeof planBody>;
export type PlanBodyInput = z.input<typeof planBody>;
export type PlanWeekInput = z.infer<typeof planWeekInput>;
export type PlanDayInput = z.infer<typeof planDayInput>;
export type PlanSetInput = z.infer<typeof planSetInput>;
export type ProgressionRuleInput = z.infer<typeof progressionRuleInput>;

/** `PUT ?expectedUpdatedAt=<the plan's updatedAt when the editor loaded it>` → 409 PLAN_CHANGED if it moved on. */
export const updatePlanQuery = z.object({
  expectedUpdatedAt: z.iso
    .datetime()
    .transform((v) => new Date(v))
    .optional(),
});

export const replaceRulesBody = z.strictObject({ progressionRules: progressionRulesInput });

type RawPlan = {
  daysPerWeek: number;
  cycleWeeks?: number;
  weeks?: PlanWeekInput[];
  days?: PlanDayInput[];
  progressionRules: ProgressionRuleInput[];
};
type Issue = (path: PropertyKey[], message: string) => void;

/**
 * Runs only when the fields it reads passed their own bounds. Weeks 1..cycleWeeks without gaps; each week's days
 * 1..n (n ≤ daysPerWeek) without gaps, and some week has all daysPerWeek days; unique sortOrder / setOrder; set
 * kinds, weights and progression flags consistent; size limits.
 */
function checkPlanStructure(plan: RawPlan, ctx: z.RefinementCtx) {
  const issue: Issue = (path, message) => ctx.addIssue({ code: 'custom', path, message });
  if ((plan.weeks === undefined) === (plan.days === undefined)) {
    issue(['weeks'], 'give either weeks (plan model v2) or days (one week), not both or neither');
    return;
  }
  const weeks = plan.weeks ?? [{ weekNumber: 1, name: null, isDeload: false, days: plan.days! }];
  const pathOf = (w: number): PropertyKey[] => (plan.weeks ? ['weeks', w, 'days'] : ['days']);
  const cycleWeeks = plan.cycleWeeks ?? weeks.length;
  checkNumbering(
    weeks.map((w) => w.weekNumber),
    cycleWeeks,
    (i, message) => issue(i === null ? ['weeks'] : ['weeks', i, 'weekNumber'], message),
    'week',
  );
  const allowsTargetProgression = plan.progressionRules.some(
    (r) => r.kind === 'reps_over_target' || r.kind === 'stall_reset',
  );
  let totalSets = 0;
  let fullWeek = false;
  weeks.forEach((week, w) => {
    const dayNumbers = week.days.map((d) => d.dayNumber);
    // A flat one-week body has every day; a week of a cycle may have fewer (never more) than daysPerWeek.
    const dayCount = plan.weeks ? Math.min(Math.max(...dayNumbers), plan.daysPerWeek) : plan.daysPerWeek;
    checkNumbering(
      dayNumbers,
      dayCount,
      (d, message) => issue(d === null ? pathOf(w) : [...pathOf(w), d, 'dayNumber'], message),
      'day',
    );
    if (dayCount === plan.daysPerWeek) fullWeek = true;
    week.days.forEach((day, d) => {
      checkDay(day, [...pathOf(w), d], issue, allowsTargetProgression);
    });
    const weekSets = week.days.reduce((n, day) => n + day.exercises.reduce((m, slot) => m + slot.sets.length, 0), 0);
    if (weekSets > PLAN_LIMITS.maxSetsPerWeek)
      issue(plan.weeks ? ['weeks', w] : ['days'], `at most ${PLAN_LIMITS.maxSetsPerWeek} sets per week (${weekSets})`);
    totalSets += weekSets;
  });
  if (!fullWeek) issue(plan.weeks ? ['weeks'] : ['days'], `no week has all ${plan.daysPerWeek} days (daysPerWeek)`);
  if (totalSets > PLAN_LIMITS.maxSetsPerPlan)
    issue(['weeks'], `at most ${PLAN_LIMITS.maxSetsPerPlan} sets in a plan (${totalSets})`);
}

/** Numbers 1..count, each once: reports repeats at their index and missing numbers (index null). */
function checkNumbering(
  numbers: number[],
  count: number,
  report: (index: number | null, message: string) => void,
  what: 'week' | 'day',
) {
  const seen = new Set<number>();
  numbers.forEach((n, i) => {
    if (n > count) report(i, `${what} number must be between 1 and ${count}`);
    else if (seen.has(n)) report(i, `${what} number repeated`);
    seen.add(n);
  });
  for (let n = 1; n <= count; n++) {
    if (!seen.has(n)) report(null, `${what} ${n} is missing (${what}s must be 1..${count})`);
  }
}

function checkDay(day: PlanDayInput, path: PropertyKey[], issue: Issue, allowsTargetProgression: boolean) {
  checkUnique(
    day.exercises.map((e) => e.sortOrder),
    (i) => issue([...path, 'exercises', i, 'sortOrder'], 'sortOrder repeated in this day'),
  );
  day.exercises.forEach((exercise, e) => {
    const slotPath = [...path, 'exercises', e];
    checkUnique(
      exercise.sets.map((s) => s.setOrder),
      (i) => issue([...slotPath, 'sets', i, 'setOrder'], 'setOrder repeated in this exercise'),
    );
    exercise.sets.forEach((set, s) => checkSet(set, [...slotPath, 'sets', s], issue, allowsTargetProgression));
  });
}

function checkSet(set: PlanSetInput, path: PropertyKey[], issue: Issue, allowsTargetProgression: boolean) {
  if (set.percentage === null && set.kind !== 'accessory')
    issue([...path, 'percentage'], 'only an accessory set may leave the percentage empty');
  if (set.repsMax !== null && set.repsMax < set.reps) issue([...path, 'repsMax'], 'repsMax must be ≥ reps');
  if (!set.isProgression) return;
  if (set.kind !== 'main' && set.kind !== 'supplemental')
    issue([...path, 'kind'], 'only a main or supplemental set can drive progression');
  else if (set.percentage === null) issue([...path, 'percentage'], 'a progression set needs a percentage');
  else if (!set.isAmrap && !allowsTargetProgression)
    issue(
      [...path, 'isProgression'],
      'only an AMRAP set can drive progression (or a set with a target under a reps_over_target / stall_reset rule)',
    );
}

function checkUnique(values: number[], onRepeat: (index: number) => void) {
  const seen = new Set<number>();
  values.forEach((v, i) => {
    if (seen.has(v)) onRepeat(i);
    seen.add(v);
  });
}

// ---------- responses ----------

const exerciseRef = z.object({ id: z.number(), slug: z.string(), name: z.string(), isUpperBody: z.boolean() });

export const planSetDto = z.object({
  id: z.number(),
  setOrder: z.number(),
  kind: z.enum(SET_KIND_VALUES),
  percentage: z.number().nullable(),
  reps: z.number(),
  repsMax: z.number().nullable(),
  incrementOffset: z.number(),
  isAmrap: z.boolean(),
  isProgression: z.boolean(),
});
export const planExerciseDto = z.object({
  id: z.number(),
  exerciseId: z.number(),
  exercise: exerciseRef,
  tier: z.string(),
  sortOrder: z.number(),
  tmExerciseId: z.number(),
  tmExercise: exerciseRef,
  displayName: z.string().nullable(),
  restSeconds: z.number().nullable(),
  sets: z.array(planSetDto),
});
export const planDayDto = z.object({
  id: z.number(),
  weekNumber: z.number(),
  dayNumber: z.number(),
  name: z.string().nullable(),
  exercises: z.array(planExerciseDto),
});
export const planWeekDto = z.object({
  weekNumber: z.number(),
  name: z.string().nullable(),
  isDeload: z.boolean(),
  days: z.array(planDayDto),
});
export const progressionRuleDto = z.object({
  id: z.number(),
  kind: z.enum(RULE_KIND_VALUES),
  exerciseId: z.number().nullable(),
  exercise: exerciseRef.nullable(),
  category: z.enum(RULE_CATEGORIES).nullable(),
  minReps: z.number().nullable(),
  maxReps: z.number().nullable(),
  increase: z.number().nullable(),
  unit: z.enum(CYCLE_INCREMENT_UNITS).nullable(),
  maxSteps: z.number().nullable(),
  failures: z.number().nullable(),
  factor: z.number().nullable(),
});
export const planLibraryDto = z.object({
  author: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  level: z.enum(PLAN_LEVELS).nullable(),
  goal: z.enum(PLAN_GOALS).nullable(),
  recommendedRounding: z.enum(['nearest', 'down']).nullable(),
  sources: z.array(z.object({ what: z.string(), url: z.string(), verified: z.string() })),
  approximations: z.array(z.string()),
});
export type PlanLibraryDto = z.infer<typeof planLibraryDto>;
/** What a plan's detail and its summary card both show about it (the newest or the pinned version). */
const planHeaderDto = {
  id: z.number(),
  slug: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  daysPerWeek: z.number(),
  cycleWeeks: z.number(),
  /** How many times the cycle runs; null (or absent) repeats until the lifter stops. */
  cycles: z.number().nullable().optional(),
  tmPercent: z.number(),
  isPublic: z.boolean(),
  version: z.number(),
  /** Author credit, source, level and goal (null on plans nobody described). */
  library: planLibraryDto.nullable(),
  /** draft (never published) | published | archived (hidden from browsing; subscribers keep training). */
  status: z.enum(PLAN_STATUSES).optional(),
};
export const planDetailDto = z.object({
  ...planHeaderDto,
  /** When this version was published; null: it is the plan's draft (admins only see it). */
  publishedAt: z.string().nullable().optional(),
  /**
   * Admins' view of a draft of a published plan: false when its weeks, days, sets and rules are the published
   * version's (publishing it changes only the plan's details, no new version). Absent otherwise.
   */
  draftChangesStructure: z.boolean().optional(),
  /**
   * Admins' view of a draft of a built-in plan: true when LiftPlan's program file for it changed and its update waits
   * for this draft (it is published as a new version at the first start after the draft is published or discarded).
   */
  builtInUpdateWaiting: z.boolean().optional(),
  versionId: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  weeks: z.array(planWeekDto),
  /** Week 1's days (every day of a one-week plan): what clients written for seed 003's shape read. */
  days: z.array(planDayDto),
  progressionRules: z.array(progressionRuleDto),
  requiredExercises: z.array(exerciseRef),
});
export type PlanSetDto = z.infer<typeof planSetDto>;
export type PlanExerciseDto = z.infer<typeof planExerciseDto>;
export type PlanDayDto = z.infer<typeof planDayDto>;
export type PlanWeekDto = z.infer<typeof planWeekDto>;
export type ProgressionRuleDto = z.infer<typeof progressionRuleDto>;
export type PlanDetailDto = z.infer<typeof planDetailDto>;
export type ExerciseRefDto = z.infer<typeof exerciseRef>;

export const planSummaryDto = z.object({
  ...planHeaderDto,
  mainLifts: z.array(exerciseRef),
  setsPerDay: z.array(z.number()),
  totalSets: z.number(),
  activeSubscribers: z.number(),
  isCurrent: z.boolean(),
  /** Admin list only: a built-in program update waits for the plan's unpublished draft (see planDetailDto). */
  builtInUpdateWaiting: z.boolean().optional(),
  /** Admin list only: every version, newest first, with who is on it. */
  versions: z
    .array(
      z.object({
        version: z.number(),
        publishedAt: z.string().nullable(),
        activeSubscribers: z.number(),
        recommendedUpgrade: z.boolean(),
        upgradeNote: z.string().nullable(),
      }),
    )
    .optional(),
  updatedAt: z.string(),
});
export type PlanSummaryDto = z.infer<typeof planSummaryDto>;

/** One readable difference between two versions of a plan ("Week 1 · Day 2 · Squat (T1) · set 1: 85 % × 5 → …"). */
export const planChangeDto = z.object({
  change: z.enum(['added', 'removed', 'changed']),
  where: z.string(),
  detail: z.string(),
});
export type PlanChangeDto = z.infer<typeof planChangeDto>;

/** `POST /api/admin/plans/:id/publish/preview` (body: the builder's plan, saved or not): what publishing it does. */
export const publishPreviewResponse = z.object({
  preview: z.object({
    /** The version lifters are on now; null: never published. */
    publishedVersion: z.number().nullable(),
    /** The version lifters see once it is published. */
    version: z.number(),
    /** false: the weeks, days, sets and rules are the published version's; only its details (name…) change. */
    newVersion: z.boolean(),
    /** Against the published version, as its lifters review them before upgrading; empty when never published. */
    changes: z.array(planChangeDto),
  }),
});
export type PublishPreviewResponse = z.infer<typeof publishPreviewResponse>;
export type PublishPreview = PublishPreviewResponse['preview'];

/** `POST /api/admin/plans/:id/publish`: the draft becomes the newest version, optionally recommended to lifters. */
export const publishPlanBody = z.strictObject({
  recommendedUpgrade: z.boolean().default(false),
  upgradeNote: multilineTextInput(500)
    .nullish()
    .transform((v) => v || null),
});
export type PublishPlanBody = z.infer<typeof publishPlanBody>;

export const updateVersionBody = z
  .strictObject({
    recommendedUpgrade: z.boolean().optional(),
    upgradeNote: multilineTextInput(500)
      .nullish()
      .transform((v) => (v === undefined ? undefined : v || null)),
  })
  .refine((body) => body.recommendedUpgrade !== undefined || body.upgradeNote !== undefined, 'nothing to update');
export type UpdateVersionBody = z.infer<typeof updateVersionBody>;

export const versionParams = z.object({ id: idParam, version: idParam });

export const adminPlansQuery = z.strictObject({ status: z.enum(PLAN_STATUSES).optional() });
export const createPlanQuery = z.strictObject({ draft: z.enum(['true', 'false']).optional() });

const programSlot = z.looseObject({ exercise: z.string().max(100), tmExercise: z.string().max(100).optional() });
const programDay = z.looseObject({ exercises: z.array(programSlot).max(30) });
/**
 * A program file (`liftplan-program/1`, prisma/programs/*.json): the envelope is checked here; the plan inside is
 * checked as an admin body once its exercise slugs are resolved.
 */
export const programFileInput = z.strictObject({
  format: z.literal('liftplan-program/1'),
  meta: z.looseObject({ name: z.string().max(100).optional() }),
  plan: z.looseObject({
    slug: z.string().max(100),
    weeks: z
      .array(z.looseObject({ days: z.array(programDay).max(7) }))
      .max(PLAN_LIMITS.maxCycleWeeks)
      .optional(),
    days: z.array(programDay).max(7).optional(),
    progressionRules: z
      .array(z.looseObject({ exercise: z.string().max(100).optional() }))
      .max(200)
      .optional(),
  }),
});
export type ProgramFileInput = z.infer<typeof programFileInput>;
