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
  for (const day of draft.days) draft = run(draft, { type: 'addSlot', dayKey: day.key });
  const parsed = parseQuickEntry('60x5, 70x3, 80x1+');
  if (!parsed.ok) throw new Error(parsed.error);
  draft.days.forEach((day, d) =>
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
  return { ...newRule(scope), exerciseId, minReps: String(min), maxReps: String(max), increase: '2.5' };
}

describe('mapping API error paths onto builder fields', () => {
  it('puts days.0.exercises.1.sets.2.percentage on that set’s percentage field', () => {
    const draft = aDraft();
    const set = draft.days[0]!.slots[1]!.sets[2]!;

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
    const set = sent.days[1]!.slots[0]!.sets[0]!;
    const slot = sent.days[1]!.slots[0]!;
    const moved = run(
      sent,
      { type: 'moveDay', dayKey: sent.days[1]!.key, by: -1 },
      { type: 'moveSlot', slotKey: slot.key, by: 1 },
      { type: 'moveSet', setKey: set.key, by: 1 },
    );
    // Same ids: the fields render them wherever they are now (day 1, exercise 2, set 2).
    expect(moved.days[0]!.slots[1]!.sets[1]!.key).toBe(set.key);
    expect(Object.keys(fields)).toEqual([fieldId('set', set.key, 'reps'), fieldId('slot', slot.key, 'exerciseId')]);
    expect(describeField(moved, fieldId('set', set.key, 'reps'), () => undefined)).toBe(
      'Day 1 · exercise 2 · set 2 · reps',
    );
  });

  it('maps header, day, slot, rule and preview (plan.…) paths; fields without a control go on their item', () => {
    const draft = run(aDraft(), { type: 'addStandardRules' });
    const [day0, day1] = draft.days;
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
      fieldId('day', draft.days[0]!.key, 'exercises'),
      fieldId('slot', draft.days[0]!.slots[0]!.key, 'sets'),
    ]);
  });
});

describe('client-side validation (mirrors the API) and error order', () => {
  it('accepts a complete plan', () => {
    expect(validateDraft(aDraft())).toEqual({});
  });

  it('finds what the API would refuse, keyed like the API’s mapped errors, in page order', () => {
    let draft = aDraft();
    const [day0, day1] = draft.days;
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
    const newSlot = draft.days[1]!.slots[2]!;

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
    expect(draftToPlanBody(draft).days[1]!.exercises[0]!.sets[0]).toMatchObject({ percentage: 1.51, reps: 0 });
  });

  it('rejects more than 2 decimals of a percent (the API takes 4 decimals of a fraction)', () => {
    let draft = aDraft();
    const set = draft.days[0]!.slots[0]!.sets[0]!;
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
