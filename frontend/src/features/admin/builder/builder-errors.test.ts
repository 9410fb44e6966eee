import { findOverlappingRules } from '@liftplan/domain';
import { parseQuickEntry } from '@liftplan/domain';
import { describe, expect, it } from 'vitest';
import {
  describeField,
  fieldId,
  findRuleOverlaps,
  mapApiIssues,
  orderedErrorIds,
  validateDraft,
  weekKeyOfField,
  weeksWithErrors,
} from './builder-errors';
import {
  builderReducer,
  draftToPlanBody,
  emptyDraft,
  newRule,
  type BuilderAction,
  type PlanDraft,
  type RuleRow,
} from './builder-state';

const run = (draft: PlanDraft, ...actions: BuilderAction[]) => actions.reduce(builderReducer, draft);

/** 2 days × 2 slots × 3 sets, every slot with an exercise: a valid plan. */
function aDraft(): PlanDraft {
  let draft = run(emptyDraft(), { type: 'setHeader', field: 'name', value: 'Plan' }, { type: 'setDayCount', count: 2 });
  for (const day of draft.weeks[0]!.days) draft = run(draft, { type: 'addSlot', dayKey: day.key });
  const parsed = parseQuickEntry('60x5, 70x3, 80x1+');
  if (!parsed.ok) throw new Error(parsed.error);
  draft.weeks[0]!.days.forEach((day, d) =>
    day.slots.forEach((slot, s) => {
      draft = run(
        draft,
        { type: 'updateSlot', slotKey: slot.key, patch: { exerciseId: 10 * d + s + 1 } },
        { type: 'quickEntry', slotKey: slot.key, sets: parsed.sets },
      );
    }),
  );
  return draft;
}

function rule(
  scope: RuleRow['scope'],
  min: number | string,
  max: number | string,
  exerciseId: number | null = null,
): RuleRow {
  return { ...newRule('amrap_table', scope), exerciseId, minReps: String(min), maxReps: String(max), increase: '2.5' };
}

describe('mapping API error paths onto builder fields', () => {
  it('puts days.0.exercises.1.sets.2.percentage on that set’s percentage field', () => {
    const draft = aDraft();
    const set = draft.weeks[0]!.days[0]!.slots[1]!.sets[2]!;

    const { fields, unmapped } = mapApiIssues(draft, [
      { path: 'days.0.exercises.1.sets.2.percentage', message: 'percentage must be at most 1.5 (150 %)' },
    ]);

    expect(fields).toEqual({ [fieldId('set', set.key, 'percentage')]: 'Percentage must be at most 1.5 (150 %)' });
    expect(unmapped).toEqual([]);
  });

  it('keeps an error on its field when the admin then reorders days, slots and sets', () => {
    const sent = aDraft();
    const { fields } = mapApiIssues(sent, [
      { path: 'days.1.exercises.0.sets.0.reps', message: 'reps must be at least 1' },
      { path: 'days.1.exercises.0.exerciseId', message: 'exercise 99 does not exist' },
    ]);
    const set = sent.weeks[0]!.days[1]!.slots[0]!.sets[0]!;
    const slot = sent.weeks[0]!.days[1]!.slots[0]!;
    const moved = run(
      sent,
      { type: 'moveDay', dayKey: sent.weeks[0]!.days[1]!.key, by: -1 },
      { type: 'moveSlot', slotKey: slot.key, by: 1 },
      { type: 'moveSet', setKey: set.key, by: 1 },
    );
    // Same ids: the fields render them wherever they are now (day 1, exercise 2, set 2).
    expect(moved.weeks[0]!.days[0]!.slots[1]!.sets[1]!.key).toBe(set.key);
    expect(Object.keys(fields)).toEqual([fieldId('set', set.key, 'reps'), fieldId('slot', slot.key, 'exerciseId')]);
    expect(describeField(moved, fieldId('set', set.key, 'reps'), () => undefined)).toBe(
      'Day 1 · exercise 2 · set 2 · reps',
    );
  });

  it('maps header, day, slot, rule and preview (plan.…) paths; fields without a control go on their item', () => {
    const draft = run(aDraft(), { type: 'addStandardRules' });
    const [day0, day1] = draft.weeks[0]!.days;
    const issues = [
      { path: 'slug', message: 'already taken' },
      { path: 'daysPerWeek', message: 'too many' },
      { path: 'days', message: 'day 3 is missing (days must be 1..2)' },
      { path: 'days.0.name', message: 'too long' },
      { path: 'days.1.dayNumber', message: 'day number repeated' },
      { path: 'days.1.exercises', message: 'add at least one exercise' },
      { path: 'days.0.exercises.0.sortOrder', message: 'sortOrder repeated in this day' },
      { path: 'days.0.exercises.1.tmExerciseId', message: 'exercise 5 does not exist' },
      { path: 'days.0.exercises.0.sets.1.setOrder', message: 'setOrder repeated in this exercise' },
      { path: 'days.0.exercises.0.sets.2.isProgression', message: 'only an AMRAP set can drive progression' },
      { path: 'progressionRules.3.minReps', message: 'rep range overlaps another rule of the same scope' },
      { path: 'progressionRules.5.category', message: 'give either an exerciseId or a category (upper/lower)' },
      { path: 'plan.days.1.exercises.1.sets.0.reps', message: 'reps must be at least 1' },
    ];

    const { fields, unmapped } = mapApiIssues(draft, issues);

    const slot00 = day0!.slots[0]!;
    expect(Object.keys(fields)).toEqual([
      'slug',
      'days',
      fieldId('day', day0!.key, 'name'),
      fieldId('day', day1!.key, ''),
      fieldId('day', day1!.key, 'exercises'),
      fieldId('slot', slot00.key, ''),
      fieldId('slot', day0!.slots[1]!.key, 'tmExerciseId'),
      fieldId('set', slot00.sets[1]!.key, ''),
      fieldId('set', slot00.sets[2]!.key, 'isProgression'),
      fieldId('rule', draft.rules[3]!.key, 'minReps'),
      fieldId('rule', draft.rules[5]!.key, 'category'),
      fieldId('set', day1!.slots[1]!.sets[0]!.key, 'reps'),
    ]);
    // daysPerWeek is shown on the days/week control, which 'days' already holds: first message wins.
    expect(fields.days).toBe('Too many');
    expect(unmapped).toEqual([]);
  });

  it('reports paths that name nothing in the builder (or positions it doesn’t have) as unmapped', () => {
    const draft = aDraft();
    const { fields, unmapped } = mapApiIssues(draft, [
      { path: 'days.5.name', message: 'too long' },
      { path: 'progressionRules.0.minReps', message: 'x' },
      { path: 'sampleTrainingMaxes.0.trainingMax', message: 'use at most 2 decimals' },
      { path: '', message: 'nothing to update' },
    ]);
    expect(fields).toEqual({});
    expect(unmapped).toEqual([
      'days.5.name: Too long',
      'progressionRules.0.minReps: X',
      'sampleTrainingMaxes.0.trainingMax: Use at most 2 decimals',
      'Nothing to update',
    ]);
  });

  it('a slot or set index past the end still lands on the enclosing item', () => {
    const draft = aDraft();
    const { fields } = mapApiIssues(draft, [
      { path: 'days.0.exercises.7.tier', message: 'x' },
      { path: 'days.0.exercises.0.sets.9.reps', message: 'y' },
    ]);
    expect(Object.keys(fields)).toEqual([
      fieldId('day', draft.weeks[0]!.days[0]!.key, 'exercises'),
      fieldId('slot', draft.weeks[0]!.days[0]!.slots[0]!.key, 'sets'),
    ]);
  });
});

describe('client-side validation (mirrors the API) and error order', () => {
  it('accepts a complete plan', () => {
    expect(validateDraft(aDraft())).toEqual({});
  });

  it('finds what the API would refuse, keyed like the API’s mapped errors, in page order', () => {
    let draft = aDraft();
    const [day0, day1] = draft.weeks[0]!.days;
    const set = day1!.slots[0]!.sets[0]!;
    draft = run(
      draft,
      { type: 'setHeader', field: 'slug', value: 'Bad Slug' },
      { type: 'updateSet', setKey: set.key, patch: { percent: '151', reps: '0' } },
      { type: 'removeSlot', slotKey: day0!.slots[0]!.key },
      { type: 'removeSlot', slotKey: day0!.slots[1]!.key },
      { type: 'addSlot', dayKey: day1!.key },
      { type: 'addRule' },
    );
    const newSlot = draft.weeks[0]!.days[1]!.slots[2]!;

    const errors = validateDraft(draft);

    expect(orderedErrorIds(draft, errors)).toEqual([
      'slug',
      fieldId('day', day0!.key, 'exercises'),
      fieldId('set', set.key, 'percentage'),
      fieldId('set', set.key, 'reps'),
      fieldId('slot', newSlot.key, 'exerciseId'),
      fieldId('slot', newSlot.key, 'sets'),
      fieldId('rule', draft.rules[0]!.key, 'minReps'),
      fieldId('rule', draft.rules[0]!.key, 'maxReps'),
      fieldId('rule', draft.rules[0]!.key, 'increase'),
    ]);
    expect(errors[fieldId('set', set.key, 'percentage')]).toBe('Enter a percentage above 0 and at most 150');
    // The body it would have sent has the same positions the mapping resolves.
    expect(draftToPlanBody(draft).weeks[0]!.days[1]!.exercises[0]!.sets[0]).toMatchObject({
      percentage: 1.51,
      reps: 0,
    });
  });

  it('rejects more than 2 decimals of a percent (the API takes 4 decimals of a fraction)', () => {
    let draft = aDraft();
    const set = draft.weeks[0]!.days[0]!.slots[0]!.sets[0]!;
    draft = run(draft, { type: 'updateSet', setKey: set.key, patch: { percent: '72.125' } });
    expect(validateDraft(draft)[fieldId('set', set.key, 'percentage')]).toBe('Use at most 2 decimals');
    draft = run(draft, { type: 'updateSet', setKey: set.key, patch: { percent: '72.12' } });
    expect(validateDraft(draft)).toEqual({});
  });
});

describe('overlapping rep ranges are flagged before saving', () => {
  it('flags both rules of an overlapping pair within one scope, with the rules they clash with', () => {
    const rules = [
      rule('upper', 0, 1),
      rule('upper', 2, 5),
      rule('lower', 2, 5),
      rule('upper', 5, 99),
      rule('exercise', 3, 4, 1),
      rule('exercise', 4, 6, 2),
    ];

    const overlaps = findRuleOverlaps(rules);

    expect([...overlaps.entries()]).toEqual([
      [rules[1]!.key, [3]],
      [rules[3]!.key, [1]],
    ]);
    const errors = validateDraft({ ...aDraft(), rules });
    expect(errors[fieldId('rule', rules[3]!.key, 'minReps')]).toBe('Rep range overlaps rule 2 (2–5 reps)');
    expect(errors[fieldId('rule', rules[1]!.key, 'minReps')]).toBe('Rep range overlaps rule 4 (5–99 reps)');
  });

  it('the standard table has no overlap; adding it twice adds nothing', () => {
    const draft = run(aDraft(), { type: 'addStandardRules' }, { type: 'addStandardRules' });
    expect(draft.rules).toHaveLength(8);
    expect(findRuleOverlaps(draft.rules).size).toBe(0);
    expect(validateDraft(draft)).toEqual({});
  });

  it('a new rule continues the previous range; incomplete rows are not compared yet', () => {
    let draft = run(aDraft(), { type: 'addRule' });
    draft = run(
      draft,
      { type: 'updateRule', ruleKey: draft.rules[0]!.key, patch: { minReps: '0', maxReps: '3', increase: '0' } },
      { type: 'addRule' },
    );
    expect(draft.rules[1]).toMatchObject({ scope: 'upper', minReps: '4', maxReps: '' });
    expect(findRuleOverlaps(draft.rules).size).toBe(0);
  });

  it('agrees with the API’s own check on every pair the API would refuse', () => {
    const cases: RuleRow[][] = [
      [rule('upper', 0, 1), rule('upper', 1, 2)],
      [rule('upper', 0, 10), rule('upper', 3, 4)],
      [rule('upper', 0, 1), rule('lower', 0, 1)],
      [rule('exercise', 0, 5, 1), rule('exercise', 5, 9, 1), rule('exercise', 5, 9, 2)],
      [rule('upper', 6, 99), rule('upper', 0, 5), rule('upper', 5, 6)],
      [rule('lower', 2, 3), rule('lower', 4, 5), rule('lower', 6, 99)],
    ];
    for (const rules of cases) {
      const body = draftToPlanBody({ ...aDraft(), rules }).progressionRules;
      const serverFlagged = new Set(findOverlappingRules(body).flatMap(({ first, second }) => [first, second]));
      const clientFlagged = new Set(
        [...findRuleOverlaps(rules).keys()].map((key) => rules.findIndex((r) => r.key === key)),
      );
      expect(clientFlagged).toEqual(serverFlagged);
    }
  });
});

describe('plan model v2: weeks. paths, week-aware descriptions, new fields', () => {
  /** aDraft() with a copy of its week as week 2, and week 3 a deload. */
  function threeWeeks(): PlanDraft {
    let draft = aDraft();
    draft = run(draft, { type: 'duplicateWeek', weekKey: draft.weeks[0]!.key });
    draft = run(draft, { type: 'duplicateWeek', weekKey: draft.weeks[1]!.key });
    return run(draft, { type: 'setDeload', weekKey: draft.weeks[2]!.key, value: true });
  }

  it('puts weeks.2.days.0.exercises.1.sets.2.kind on that set’s kind, in week 3 — not week 1', () => {
    const draft = threeWeeks();
    const set = draft.weeks[2]!.days[0]!.slots[1]!.sets[2]!;
    const { fields, unmapped } = mapApiIssues(draft, [
      {
        path: 'weeks.2.days.0.exercises.1.sets.2.kind',
        message: 'only a main or supplemental set can drive progression',
      },
    ]);
    expect(fields).toEqual({
      [fieldId('set', set.key, 'kind')]: 'Only a main or supplemental set can drive progression',
    });
    expect(unmapped).toEqual([]);
    expect(weekKeyOfField(draft, Object.keys(fields)[0]!)).toBe(draft.weeks[2]!.key);
    expect(describeField(draft, fieldId('set', set.key, 'kind'), () => undefined)).toBe(
      'Week 3 · Day 1 · exercise 2 · set 3 · kind',
    );
  });

  it('maps week, day, slot and set paths of every level, the new set and slot fields, and header fields', () => {
    const draft = run(
      threeWeeks(),
      { type: 'addRule', kind: 'stall_reset' },
      { type: 'addRule', kind: 'cycle_increment' },
    );
    const week2 = draft.weeks[1]!;
    const slot = week2.days[1]!.slots[0]!;
    const { fields, unmapped } = mapApiIssues(draft, [
      { path: 'tmPercent', message: 'tmPercent must be between 0.50 and 1.00' },
      { path: 'cycleWeeks', message: 'too many' },
      { path: 'weeks', message: 'no week has all 2 days (daysPerWeek)' },
      { path: 'weeks.1', message: 'at most 250 sets per week (300)' },
      { path: 'weeks.1.weekNumber', message: 'week number repeated' },
      { path: 'weeks.1.name', message: 'too long' },
      { path: 'weeks.1.days', message: 'add at least one day' },
      { path: 'weeks.1.days.1.dayNumber', message: 'day number repeated' },
      { path: 'weeks.1.days.1.exercises.0.restSeconds', message: 'at most 3600' },
      { path: 'weeks.1.days.1.exercises.0.sets.0.repsMax', message: 'repsMax must be ≥ reps' },
      { path: 'weeks.1.days.1.exercises.0.sets.1.incrementOffset', message: 'at most 20' },
      { path: 'weeks.1.days.1.exercises.0.sets.9.reps', message: 'x' },
      { path: 'weeks.1.days.5.name', message: 'y' },
      { path: 'progressionRules.1.kind', message: 'only one cycle_increment rule per scope' },
      { path: 'progressionRules.0.factor', message: 'too small' },
      { path: 'plan.weeks.0.days.0.exercises.0.sets.0.percentage', message: 'preview path' },
      { path: 'weeks.7.name', message: 'no such week' },
    ]);
    expect(fields).toEqual({
      tmPercent: 'TmPercent must be between 0.50 and 1.00',
      weeks: 'Too many',
      [fieldId('week', week2.key, '')]: 'At most 250 sets per week (300)',
      [fieldId('week', week2.key, 'name')]: 'Too long',
      [fieldId('week', week2.key, 'days')]: 'Add at least one day',
      [fieldId('day', week2.days[1]!.key, '')]: 'Day number repeated',
      [fieldId('slot', slot.key, 'restSeconds')]: 'At most 3600',
      [fieldId('set', slot.sets[0]!.key, 'repsMax')]: 'RepsMax must be ≥ reps',
      [fieldId('set', slot.sets[1]!.key, 'incrementOffset')]: 'At most 20',
      [fieldId('slot', slot.key, 'sets')]: 'X',
      [fieldId('rule', draft.rules[1]!.key, '')]: 'Only one cycle_increment rule per scope',
      [fieldId('rule', draft.rules[0]!.key, 'factor')]: 'Too small',
      [fieldId('set', draft.weeks[0]!.days[0]!.slots[0]!.sets[0]!.key, 'percentage')]: 'Preview path',
    });
    expect(unmapped).toEqual(['weeks.7.name: No such week']);
  });

  it('keeps seed 003’s days.N paths working: they name the first week', () => {
    const draft = threeWeeks();
    const set = draft.weeks[0]!.days[1]!.slots[0]!.sets[1]!;
    const { fields } = mapApiIssues(draft, [{ path: 'days.1.exercises.0.sets.1.reps', message: 'too many' }]);
    expect(Object.keys(fields)).toEqual([fieldId('set', set.key, 'reps')]);
    expect(weekKeyOfField(draft, fieldId('set', set.key, 'reps'))).toBe(draft.weeks[0]!.key);
  });

  it('orders errors week by week, and marks the weeks that have one', () => {
    let draft = threeWeeks();
    const late = draft.weeks[2]!.days[0]!.slots[0]!.sets[0]!;
    const early = draft.weeks[0]!.days[1]!.slots[0]!.sets[0]!;
    draft = run(
      draft,
      { type: 'updateSet', setKey: late.key, patch: { reps: '' } },
      { type: 'updateSet', setKey: early.key, patch: { percent: '' } },
      { type: 'setTmPercent', value: '45' },
    );
    const errors = validateDraft(draft);
    expect(orderedErrorIds(draft, errors)).toEqual([
      'tmPercent',
      fieldId('set', early.key, 'percentage'),
      fieldId('set', late.key, 'reps'),
    ]);
    expect(errors.tmPercent).toBe('Enter 50 to 100 (%)');
    expect([...weeksWithErrors(draft, errors)]).toEqual([draft.weeks[0]!.key, draft.weeks[2]!.key]);
  });

  it('checks kinds, rep ranges, offsets and rest like the API does', () => {
    let draft = aDraft();
    const slot = draft.weeks[0]!.days[0]!.slots[0]!;
    const [a, b, c] = slot.sets;
    draft = run(
      draft,
      { type: 'updateSlot', slotKey: slot.key, patch: { restSeconds: '4000' } },
      { type: 'updateSet', setKey: a!.key, patch: { kind: 'accessory', percent: '', repsMax: '3' } },
      { type: 'updateSet', setKey: b!.key, patch: { percent: '', offset: '+21' } },
      { type: 'updateSet', setKey: c!.key, patch: { isAmrap: false } },
    );
    // c was the progression AMRAP: un-ticking AMRAP (no target rule) cleared progression, so flag it by hand.
    draft = run(draft, { type: 'updateSet', setKey: c!.key, patch: { isProgression: true } });
    const errors = validateDraft(draft);
    expect(errors).toEqual({
      [fieldId('slot', slot.key, 'restSeconds')]: 'Enter 0 to 3600 seconds',
      [fieldId('set', a!.key, 'repsMax')]: 'Must be at least the reps',
      [fieldId('set', b!.key, 'percentage')]: 'Enter a percentage (only an accessory set may go without)',
      [fieldId('set', b!.key, 'incrementOffset')]: 'Enter a whole number from −20 to 20',
      [fieldId('set', c!.key, 'isProgression')]:
        'Only an AMRAP set can drive progression (or add a reps-over-target or stall-reset rule)',
    });
    // A stall-reset rule lets a set with a target drive progression.
    const withRule = run(draft, { type: 'addRule', kind: 'stall_reset' });
    expect(validateDraft(withRule)[fieldId('set', c!.key, 'isProgression')]).toBeUndefined();
  });

  it('checks each rule kind’s own fields, and one rule of a non-table kind per scope', () => {
    let draft = run(
      aDraft(),
      { type: 'addRule', kind: 'reps_over_target' },
      { type: 'addRule', kind: 'cycle_increment' },
      { type: 'addRule', kind: 'stall_reset' },
      { type: 'addRule', kind: 'stall_reset' },
    );
    const [over, cycle, stall, stall2] = draft.rules;
    draft = run(
      draft,
      { type: 'updateRule', ruleKey: over!.key, patch: { increase: '1', maxSteps: '0' } },
      { type: 'updateRule', ruleKey: cycle!.key, patch: { increase: '25', unit: 'percent' } },
      { type: 'updateRule', ruleKey: stall!.key, patch: { failures: '0', factor: '0.95' } },
      { type: 'updateRule', ruleKey: stall2!.key, patch: { scope: 'upper', factor: '1.1' } },
    );
    expect(validateDraft(draft)).toEqual({
      [fieldId('rule', over!.key, 'maxSteps')]: 'Enter 1 to 100, or leave empty',
      [fieldId('rule', cycle!.key, 'increase')]: 'A percentage increase must be at most 20 %',
      [fieldId('rule', stall!.key, 'failures')]: 'Enter 1 to 20',
      [fieldId('rule', stall2!.key, 'factor')]: 'Enter 0.5 to 0.99, e.g. 0.9',
      [fieldId('rule', stall2!.key, 'category')]: 'Only one stall reset rule per body part',
    });
    expect(describeField(draft, fieldId('rule', stall2!.key, 'factor'), () => undefined)).toBe(
      'Progression rule 4 · factor',
    );
  });

  it('single-week plans keep their descriptions without a week', () => {
    const draft = aDraft();
    const set = draft.weeks[0]!.days[0]!.slots[0]!.sets[0]!;
    expect(describeField(draft, fieldId('set', set.key, 'repsMax'), () => 'Squat')).toBe(
      'Day 1 · Squat · set 1 · rep range top',
    );
  });
});
