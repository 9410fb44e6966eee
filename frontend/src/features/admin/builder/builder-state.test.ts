import { formatQuickEntry, parseQuickEntry } from '@liftplan/domain';
import type { PlanDetailDto, ProgressionRuleDto } from '@liftplan/domain';
import { describe, expect, it } from 'vitest';
import { planToBody } from '../api/plans-api';
import {
  builderReducer,
  draftFromPlan,
  draftToPlanBody,
  emptyDraft,
  newDay,
  rekeyDraft,
  RULE_KIND_ORDER,
  setsAsQuickEntry,
  slugify,
  type BuilderAction,
  type PlanDraft,
} from './builder-state';

const NSUNS_DAY1_T1 = '65x8, 75x6, 85x4x3, 80x5, 75x6, 70x7, 65x8+';
const NSUNS_DAY2_T1 = '75x5, 85x3, 95x1+, 90x3, 85x3, 80x3, 75x5, 70x5, 65x5+';

function run(draft: PlanDraft, ...actions: BuilderAction[]): PlanDraft {
  return actions.reduce(builderReducer, draft);
}

function quick(text: string) {
  const parsed = parseQuickEntry(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.sets;
}

/** A draft with `n` days, each holding one slot of exercise `day number` with one set. */
function draftWithDays(n: number): PlanDraft {
  let draft = { ...emptyDraft(), name: 'Test', slug: 'test' };
  draft = run(draft, { type: 'setDayCount', count: n });
  draft.weeks[0]!.days.forEach((day, i) => {
    draft = run(
      draft,
      { type: 'renameDay', dayKey: day.key, name: `Day ${i + 1}` },
      { type: 'updateSlot', slotKey: day.slots[0]!.key, patch: { exerciseId: i + 1 } },
      { type: 'quickEntry', slotKey: day.slots[0]!.key, sets: quick('70x5') },
    );
  });
  return draft;
}

const rowsOf = (draft: PlanDraft, day = 0, slot = 0) =>
  draft.weeks[0]!.days[day]!.slots[slot]!.sets.map((s) => [s.percent, s.reps, s.isAmrap, s.isProgression]);

describe('quick entry into the set grid', () => {
  it('fills the grid from the shorthand: x3 repeats, + marks an AMRAP, a T1’s AMRAP becomes the progression set', () => {
    const draft = emptyDraft();
    const slotKey = draft.weeks[0]!.days[0]!.slots[0]!.key;

    const next = run(draft, { type: 'quickEntry', slotKey, sets: quick(NSUNS_DAY1_T1) });

    expect(rowsOf(next)).toEqual([
      ['65', '8', false, false],
      ['75', '6', false, false],
      ['85', '4', false, false],
      ['85', '4', false, false],
      ['85', '4', false, false],
      ['80', '5', false, false],
      ['75', '6', false, false],
      ['70', '7', false, false],
      ['65', '8', true, true],
    ]);
    expect(
      draftToPlanBody(next).weeks[0]!.days[0]!.exercises[0]!.sets.map((s) => [s.setOrder, s.percentage, s.reps]),
    ).toEqual([
      [1, 0.65, 8],
      [2, 0.75, 6],
      [3, 0.85, 4],
      [4, 0.85, 4],
      [5, 0.85, 4],
      [6, 0.8, 5],
      [7, 0.75, 6],
      [8, 0.7, 7],
      [9, 0.65, 8],
    ]);
  });

  it('picks the highest-% AMRAP of a T1 (95 % 1+, not the last 65 % 5+), as the seeded nSuns plan does', () => {
    const draft = emptyDraft();
    const slotKey = draft.weeks[0]!.days[0]!.slots[0]!.key;
    const next = run(draft, { type: 'quickEntry', slotKey, sets: quick(NSUNS_DAY2_T1) });
    const sets = next.weeks[0]!.days[0]!.slots[0]!.sets;
    expect(sets.filter((s) => s.isAmrap).map((s) => s.percent)).toEqual(['95', '65']);
    expect(sets.filter((s) => s.isProgression).map((s) => `${s.percent}x${s.reps}`)).toEqual(['95x1']);
  });

  it('gives a T2 slot no progression set, and keeps an admin’s own choice while it is still an AMRAP', () => {
    let draft = emptyDraft();
    const dayKey = draft.weeks[0]!.days[0]!.key;
    draft = run(draft, { type: 'addSlot', dayKey });
    const t2 = draft.weeks[0]!.days[0]!.slots[1]!;
    expect(t2.tier).toBe('T2');
    draft = run(draft, { type: 'quickEntry', slotKey: t2.key, sets: quick('70x5+, 60x8+') });
    expect(rowsOf(draft, 0, 1).map((r) => r[3])).toEqual([false, false]);

    const t1 = draft.weeks[0]!.days[0]!.slots[0]!.key;
    draft = run(draft, { type: 'quickEntry', slotKey: t1, sets: quick(NSUNS_DAY2_T1) });
    const last = draft.weeks[0]!.days[0]!.slots[0]!.sets[8]!;
    draft = run(draft, { type: 'updateSet', setKey: last.key, patch: { isProgression: true } });
    const first = draft.weeks[0]!.days[0]!.slots[0]!.sets[2]!;
    draft = run(draft, { type: 'updateSet', setKey: first.key, patch: { isProgression: false } });
    // Re-entering a scheme with an AMRAP at the same position keeps the admin's choice.
    draft = run(draft, {
      type: 'quickEntry',
      slotKey: t1,
      sets: quick('75x5, 85x3, 95x1+, 90x3, 85x3, 80x3, 75x5, 70x5, 60x6+'),
    });
    expect(draft.weeks[0]!.days[0]!.slots[0]!.sets.map((s) => s.isProgression).indexOf(true)).toBe(8);
  });

  it('shows the grid back as shorthand (collapsing repeats), so typing it again is a no-op', () => {
    const draft = emptyDraft();
    const slotKey = draft.weeks[0]!.days[0]!.slots[0]!.key;
    const next = run(draft, { type: 'quickEntry', slotKey, sets: quick(NSUNS_DAY1_T1) });
    expect(formatQuickEntry(setsAsQuickEntry(next.weeks[0]!.days[0]!.slots[0]!.sets)!)).toBe(NSUNS_DAY1_T1);
  });

  it('keeps fractional percentages exact (72.5 % → 0.725)', () => {
    const draft = emptyDraft();
    const slotKey = draft.weeks[0]!.days[0]!.slots[0]!.key;
    const next = run(draft, { type: 'quickEntry', slotKey, sets: quick('72.5x5, 67.25x3') });
    expect(rowsOf(next).map((r) => r[0])).toEqual(['72.5', '67.25']);
    expect(draftToPlanBody(next).weeks[0]!.days[0]!.exercises[0]!.sets.map((s) => s.percentage)).toEqual([
      0.725, 0.6725,
    ]);
  });
});

describe('set grid edits', () => {
  it('un-ticking AMRAP also clears progression (only an AMRAP set can drive it)', () => {
    const draft = emptyDraft();
    const slotKey = draft.weeks[0]!.days[0]!.slots[0]!.key;
    let next = run(draft, { type: 'quickEntry', slotKey, sets: quick('65x8+') });
    const set = next.weeks[0]!.days[0]!.slots[0]!.sets[0]!;
    expect(set.isProgression).toBe(true);
    next = run(next, { type: 'updateSet', setKey: set.key, patch: { isAmrap: false } });
    expect(next.weeks[0]!.days[0]!.slots[0]!.sets[0]).toMatchObject({ isAmrap: false, isProgression: false });
  });

  it('adds a set as a copy of the last one, reorders and removes sets with setOrder renumbered', () => {
    const draft = emptyDraft();
    const slotKey = draft.weeks[0]!.days[0]!.slots[0]!.key;
    let next = run(draft, { type: 'quickEntry', slotKey, sets: quick('60x5, 70x3') }, { type: 'addSet', slotKey });
    expect(rowsOf(next)).toEqual([
      ['60', '5', false, false],
      ['70', '3', false, false],
      ['70', '3', false, false],
    ]);
    const [first] = next.weeks[0]!.days[0]!.slots[0]!.sets;
    next = run(
      next,
      { type: 'moveSet', setKey: first!.key, by: 1 },
      { type: 'updateSet', setKey: first!.key, patch: { reps: '8' } },
    );
    expect(
      draftToPlanBody(next).weeks[0]!.days[0]!.exercises[0]!.sets.map((s) => [s.setOrder, s.percentage, s.reps]),
    ).toEqual([
      [1, 0.7, 3],
      [2, 0.6, 8],
      [3, 0.7, 3],
    ]);
    next = run(next, { type: 'removeSet', setKey: first!.key });
    expect(draftToPlanBody(next).weeks[0]!.days[0]!.exercises[0]!.sets.map((s) => s.setOrder)).toEqual([1, 2]);
  });

  it('leaves every untouched day and slot as it was (same objects)', () => {
    const draft = draftWithDays(3);
    const set = draft.weeks[0]!.days[1]!.slots[0]!.sets[0]!;
    const next = run(draft, { type: 'updateSet', setKey: set.key, patch: { percent: '72.5' } });
    expect(next.weeks[0]!.days[0]).toBe(draft.weeks[0]!.days[0]);
    expect(next.weeks[0]!.days[2]).toBe(draft.weeks[0]!.days[2]);
    expect(next.weeks[0]!.days[1]).not.toBe(draft.weeks[0]!.days[1]);
  });
});

describe('days: add, remove, rename, reorder — renumbered 1..N, days/week in sync', () => {
  const body = (draft: PlanDraft) => draftToPlanBody(draft);
  const summary = (draft: PlanDraft) =>
    body(draft).weeks[0]!.days.map((d) => [d.dayNumber, d.name, d.exercises[0]?.exerciseId]);

  it('moves a day and renumbers all of them', () => {
    const draft = draftWithDays(3);
    const next = run(draft, { type: 'moveDay', dayKey: draft.weeks[0]!.days[2]!.key, by: -1 });
    expect(summary(next)).toEqual([
      [1, 'Day 1', 1],
      [2, 'Day 3', 3],
      [3, 'Day 2', 2],
    ]);
    expect(body(next).daysPerWeek).toBe(3);
  });

  it('ignores a move past either end', () => {
    const draft = draftWithDays(2);
    expect(run(draft, { type: 'moveDay', dayKey: draft.weeks[0]!.days[0]!.key, by: -1 }).weeks[0]!.days).toBe(
      draft.weeks[0]!.days,
    );
    expect(run(draft, { type: 'moveDay', dayKey: draft.weeks[0]!.days[1]!.key, by: 1 }).weeks[0]!.days).toBe(
      draft.weeks[0]!.days,
    );
  });

  it('removes a day (never the last one) and closes the gap', () => {
    const draft = draftWithDays(3);
    const next = run(draft, { type: 'removeDay', dayKey: draft.weeks[0]!.days[0]!.key });
    expect(summary(next)).toEqual([
      [1, 'Day 2', 2],
      [2, 'Day 3', 3],
    ]);
    expect(body(next).daysPerWeek).toBe(2);
    const single = draftWithDays(1);
    expect(run(single, { type: 'removeDay', dayKey: single.weeks[0]!.days[0]!.key })).toBe(single);
  });

  it('days/week adds empty days or drops the last ones, between 1 and 7', () => {
    const draft = draftWithDays(2);
    expect(body(run(draft, { type: 'setDayCount', count: 4 })).daysPerWeek).toBe(4);
    expect(summary(run(draft, { type: 'setDayCount', count: 1 }))).toEqual([[1, 'Day 1', 1]]);
    expect(run(draft, { type: 'setDayCount', count: 12 }).weeks[0]!.days).toHaveLength(7);
  });

  it('Add day fills a week up to days/week and never past it (Days / week = 3, Add day twice: still 3)', () => {
    const three = run(draftWithDays(1), { type: 'setDayCount', count: 3 });
    const weekKey = three.weeks[0]!.key;
    expect(run(three, { type: 'addDay', weekKey }, { type: 'addDay', weekKey })).toBe(three);
    expect(body(three).daysPerWeek).toBe(3);
    // A week of the cycle with fewer days gets one more, up to the plan's days a week.
    const twoWeeks = run(three, { type: 'addWeek' });
    const uneven = {
      ...twoWeeks,
      weeks: [twoWeeks.weeks[0]!, { ...twoWeeks.weeks[1]!, days: twoWeeks.weeks[1]!.days.slice(0, 1) }],
    };
    const filled = run(uneven, { type: 'addDay', weekKey: uneven.weeks[1]!.key });
    expect(filled.weeks.map((w) => w.days.length)).toEqual([3, 2]);
  });

  it('duplicates a day right after itself with its own keys', () => {
    const draft = draftWithDays(2);
    const next = run(draft, { type: 'duplicateDay', dayKey: draft.weeks[0]!.days[0]!.key });
    expect(summary(next)).toEqual([
      [1, 'Day 1', 1],
      [2, 'Day 1', 1],
      [3, 'Day 2', 2],
    ]);
    expect(next.weeks[0]!.days[1]!.key).not.toBe(next.weeks[0]!.days[0]!.key);
    expect(next.weeks[0]!.days[1]!.slots[0]!.sets[0]!.key).not.toBe(next.weeks[0]!.days[0]!.slots[0]!.sets[0]!.key);
  });

  it('reorders exercise slots within a day with sortOrder renumbered', () => {
    let draft = draftWithDays(1);
    const dayKey = draft.weeks[0]!.days[0]!.key;
    draft = run(draft, { type: 'addSlot', dayKey });
    const second = draft.weeks[0]!.days[0]!.slots[1]!;
    draft = run(
      draft,
      { type: 'updateSlot', slotKey: second.key, patch: { exerciseId: 9 } },
      { type: 'moveSlot', slotKey: second.key, by: -1 },
    );
    expect(body(draft).weeks[0]!.days[0]!.exercises.map((e) => [e.sortOrder, e.exerciseId, e.tier])).toEqual([
      [1, 9, 'T2'],
      [2, 1, 'T1'],
    ]);
  });
});

describe('header and conversions', () => {
  it('suggests the slug from the name until the admin edits the slug', () => {
    let draft = run(emptyDraft(), { type: 'setHeader', field: 'name', value: 'nSuns 5/3/1 LP — 4 Day' });
    expect(draft.slug).toBe('nsuns-5-3-1-lp-4-day');
    draft = run(
      draft,
      { type: 'setHeader', field: 'slug', value: 'my-slug' },
      { type: 'setHeader', field: 'name', value: 'Other' },
    );
    expect(draft.slug).toBe('my-slug');
    expect(slugify('  Ünïcode  Plan!! ')).toBe('unicode-plan');
  });

  it('stores "TM = the exercise itself" as null, so the TM follows a change of exercise', () => {
    const draft = emptyDraft();
    const slotKey = draft.weeks[0]!.days[0]!.slots[0]!.key;
    let next = run(draft, { type: 'updateSlot', slotKey, patch: { exerciseId: 5, tmExerciseId: 5 } });
    expect(next.weeks[0]!.days[0]!.slots[0]!.tmExerciseId).toBeNull();
    next = run(next, { type: 'updateSlot', slotKey, patch: { exerciseId: 6 } });
    expect(draftToPlanBody(next).weeks[0]!.days[0]!.exercises[0]).toMatchObject({ exerciseId: 6, tmExerciseId: 6 });
  });

  it('turns a saved plan into a draft (weeks, days and sets in order, % as text) and back into a request body', () => {
    const draft = draftFromPlan(aPlanDetail());
    expect(draft.tmPercent).toBe('85');
    expect(draft.weeks.map((w) => [w.name, w.isDeload, w.days.length])).toEqual([
      ['', false, 2],
      ['Deload', true, 1],
    ]);
    expect(draft.weeks[0]!.days.map((d) => d.name)).toEqual(['Bench day', '']);
    expect(rowsOf(draft)).toEqual([
      ['65', '8', false, false],
      ['72.5', '8', true, true],
    ]);
    expect(draft.weeks[0]!.days[0]!.slots[0]!.sets.map((s) => [s.kind, s.offset])).toEqual([
      ['warmup', '−2'],
      ['main', ''],
    ]);
    expect(draft.weeks[0]!.days[1]!.slots[0]).toMatchObject({ exerciseId: 6, tmExerciseId: 4, restSeconds: '120' });
    expect(draft.weeks[0]!.days[1]!.slots[1]!.sets[0]).toMatchObject({
      kind: 'accessory',
      percent: '',
      reps: '10',
      repsMax: '12',
    });
    expect(draft.weeks[0]!.days[0]!.slots[0]).toMatchObject({
      exerciseId: 1,
      tmExerciseId: null,
      displayName: 'Bench Volume',
      restSeconds: '180',
    });
    // Grouped by kind, in the editor's order.
    expect(draft.rules.map((r) => r.kind)).toEqual([
      'amrap_table',
      'amrap_table',
      'reps_over_target',
      'cycle_increment',
      'stall_reset',
    ]);
    expect(draft.rules[3]).toMatchObject({ scope: 'upper', increase: '5', unit: 'percent' });
    expect(draft.rules[4]).toMatchObject({ scope: 'exercise', exerciseId: 1, failures: '3', factor: '0.9' });

    const saved = planToBody(aPlanDetail());
    const expected = {
      ...saved,
      progressionRules: RULE_KIND_ORDER.flatMap((kind) => saved.progressionRules.filter((rule) => rule.kind === kind)),
    };
    expected.weeks.sort((a, b) => a.weekNumber - b.weekNumber);
    for (const week of expected.weeks) {
      week.days.sort((a, b) => a.dayNumber - b.dayNumber);
      for (const day of week.days) for (const slot of day.exercises) slot.sets.sort((a, b) => a.setOrder - b.setOrder);
    }
    expect(draftToPlanBody(draft)).toEqual(expected);
    expect(draftToPlanBody(rekeyDraft(draft))).toEqual(expected);
  });

  it('new days start with one empty T1 slot', () => {
    expect(newDay().slots).toEqual([expect.objectContaining({ tier: 'T1', exerciseId: null, sets: [] })]);
  });
});

/** A saved two-week plan (week 2 a deload with one day) with every set field and every kind of rule. */
export function aPlanDetail(): PlanDetailDto {
  const ref = (id: number, name: string, isUpperBody = true) => ({
    id,
    slug: name.toLowerCase().replace(/ /g, '-'),
    name,
    isUpperBody,
  });
  const set = (id: number, setOrder: number, percentage: number | null, reps: number, extra: object = {}) => ({
    id,
    setOrder,
    kind: 'main' as const,
    percentage,
    reps,
    repsMax: null,
    incrementOffset: 0,
    isAmrap: false,
    isProgression: false,
    ...extra,
  });
  const week1 = [
    {
      id: 2,
      weekNumber: 1,
      dayNumber: 2,
      name: null,
      exercises: [
        {
          id: 21,
          exerciseId: 6,
          exercise: ref(6, 'Sumo Deadlift', false),
          tier: 'T2',
          sortOrder: 1,
          tmExerciseId: 4,
          tmExercise: ref(4, 'Deadlift', false),
          displayName: null,
          restSeconds: 120,
          sets: [set(211, 1, 0.5, 5, { kind: 'supplemental', incrementOffset: 1 })],
        },
        {
          id: 22,
          exerciseId: 9,
          exercise: ref(9, 'Chin Up'),
          tier: 'T3',
          sortOrder: 2,
          tmExerciseId: 9,
          tmExercise: ref(9, 'Chin Up'),
          displayName: null,
          restSeconds: null,
          sets: [set(221, 1, null, 10, { kind: 'accessory', repsMax: 12 })],
        },
      ],
    },
    {
      id: 1,
      weekNumber: 1,
      dayNumber: 1,
      name: 'Bench day',
      exercises: [
        {
          id: 11,
          exerciseId: 1,
          exercise: ref(1, 'Bench Press'),
          tier: 'T1',
          sortOrder: 1,
          tmExerciseId: 1,
          tmExercise: ref(1, 'Bench Press'),
          displayName: 'Bench Volume',
          restSeconds: 180,
          sets: [
            set(112, 2, 0.725, 8, { isAmrap: true, isProgression: true }),
            set(111, 1, 0.65, 8, { kind: 'warmup', incrementOffset: -2 }),
          ],
        },
      ],
    },
  ];
  const week2 = [
    {
      id: 3,
      weekNumber: 2,
      dayNumber: 1,
      name: 'Bench day',
      exercises: [{ ...week1[1]!.exercises[0]!, id: 31, sets: [set(311, 1, 0.4, 5)] }],
    },
  ];
  const rule = (id: number, kind: ProgressionRuleDto['kind'], fields: Partial<ProgressionRuleDto>) => ({
    id,
    kind,
    exerciseId: null,
    exercise: null,
    category: null,
    minReps: null,
    maxReps: null,
    increase: null,
    unit: null,
    maxSteps: null,
    failures: null,
    factor: null,
    ...fields,
  });
  return {
    library: null,
    id: 7,
    slug: 'test-plan',
    name: 'Test plan',
    description: 'Two days',
    daysPerWeek: 2,
    cycleWeeks: 2,
    tmPercent: 0.85,
    isPublic: true,
    version: 3,
    versionId: 30,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-02T00:00:00.000Z',
    requiredExercises: [ref(1, 'Bench Press'), ref(4, 'Deadlift', false)],
    weeks: [
      { weekNumber: 2, name: 'Deload', isDeload: true, days: week2 },
      { weekNumber: 1, name: null, isDeload: false, days: week1 },
    ],
    days: week1,
    progressionRules: [
      rule(5, 'cycle_increment', { category: 'upper', increase: 5, unit: 'percent' }),
      rule(1, 'amrap_table', { category: 'upper', minReps: 0, maxReps: 1, increase: 0, unit: 'kg' }),
      rule(2, 'amrap_table', {
        exerciseId: 1,
        exercise: ref(1, 'Bench Press'),
        minReps: 2,
        maxReps: 99,
        increase: 2.5,
        unit: 'lb',
      }),
      rule(3, 'stall_reset', { exerciseId: 1, exercise: ref(1, 'Bench Press'), failures: 3, factor: 0.9 }),
      rule(4, 'reps_over_target', { category: 'lower', increase: 2.5, unit: 'kg', maxSteps: 3 }),
    ],
  };
}

describe('weeks: add, duplicate, remove (renumbered), deload, rename — cycleWeeks = number of weeks', () => {
  const weekSummary = (draft: PlanDraft) =>
    draftToPlanBody(draft).weeks.map((w) => [
      w.weekNumber,
      w.name,
      w.isDeload,
      w.days.map((d) => d.exercises.map((e) => e.sets.map((s) => s.percentage))),
    ]);

  /** A two-day plan whose week 1 has squat 70 % on day 1 and bench 60 % on day 2. */
  function twoDays(): PlanDraft {
    let draft = draftWithDays(2);
    const [d1, d2] = draft.weeks[0]!.days;
    draft = run(
      draft,
      { type: 'quickEntry', slotKey: d1!.slots[0]!.key, sets: quick('70x5') },
      { type: 'quickEntry', slotKey: d2!.slots[0]!.key, sets: quick('60x5') },
    );
    return draft;
  }

  it('adds a week with the same days (their names, an empty slot each) and counts it in cycleWeeks', () => {
    const draft = run(twoDays(), { type: 'addWeek', key: 'wNew' });
    expect(draft.weeks.map((w) => w.key).at(-1)).toBe('wNew');
    expect(draft.weeks[1]!.days.map((d) => [d.name, d.slots.length, d.slots[0]!.exerciseId])).toEqual([
      ['Day 1', 1, null],
      ['Day 2', 1, null],
    ]);
    const body = draftToPlanBody(draft);
    expect([body.cycleWeeks, body.daysPerWeek, body.weeks.map((w) => w.weekNumber)]).toEqual([2, 2, [1, 2]]);
  });

  it('duplicates a week right after itself (name, deload and every set, with fresh keys)', () => {
    let draft = run(twoDays(), { type: 'addWeek' });
    const first = draft.weeks[0]!;
    draft = run(
      draft,
      { type: 'renameWeek', weekKey: first.key, name: '5s' },
      { type: 'setDeload', weekKey: first.key, value: true },
      { type: 'duplicateWeek', weekKey: first.key, key: 'wCopy' },
    );
    expect(draft.weeks.map((w) => w.key)).toEqual([first.key, 'wCopy', draft.weeks[2]!.key]);
    expect(weekSummary(draft)).toEqual([
      [1, '5s', true, [[[0.7]], [[0.6]]]],
      [2, '5s', true, [[[0.7]], [[0.6]]]],
      [3, null, false, [[[]], [[]]]],
    ]);
    const keys = (w: number) =>
      draft.weeks[w]!.days.flatMap((d) => [d.key, ...d.slots.flatMap((s) => [s.key, ...s.sets.map((x) => x.key)])]);
    expect(keys(1).some((key) => keys(0).includes(key))).toBe(false);
    // Editing the copy leaves the original alone.
    const copiedSet = draft.weeks[1]!.days[0]!.slots[0]!.sets[0]!;
    const edited = run(draft, { type: 'updateSet', setKey: copiedSet.key, patch: { percent: '75' } });
    expect(weekSummary(edited).map((w) => w[3])).toEqual([
      [[[0.7]], [[0.6]]],
      [[[0.75]], [[0.6]]],
      [[[]], [[]]],
    ]);
  });

  it('removes a week and renumbers the ones after it; never the last week', () => {
    let draft = twoDays();
    draft = run(draft, { type: 'duplicateWeek', weekKey: draft.weeks[0]!.key });
    draft = run(draft, { type: 'duplicateWeek', weekKey: draft.weeks[1]!.key });
    draft = run(draft, { type: 'renameWeek', weekKey: draft.weeks[2]!.key, name: 'third' });
    const set = draft.weeks[1]!.days[0]!.slots[0]!.sets[0]!;
    draft = run(draft, { type: 'updateSet', setKey: set.key, patch: { percent: '80' } });

    const next = run(draft, { type: 'removeWeek', weekKey: draft.weeks[1]!.key });
    expect(weekSummary(next).map((w) => [w[0], w[1], w[3]])).toEqual([
      [1, null, [[[0.7]], [[0.6]]]],
      [2, 'third', [[[0.7]], [[0.6]]]],
    ]);
    expect(draftToPlanBody(next).cycleWeeks).toBe(2);

    const single = twoDays();
    expect(run(single, { type: 'removeWeek', weekKey: single.weeks[0]!.key })).toBe(single);
  });

  it('toggles a deload week on and off', () => {
    let draft = run(twoDays(), { type: 'addWeek' }, { type: 'addWeek' });
    const third = draft.weeks[2]!.key;
    draft = run(draft, { type: 'setDeload', weekKey: third, value: true });
    expect(draftToPlanBody(draft).weeks.map((w) => w.isDeload)).toEqual([false, false, true]);
    draft = run(draft, { type: 'setDeload', weekKey: third, value: false });
    expect(draftToPlanBody(draft).weeks.map((w) => w.isDeload)).toEqual([false, false, false]);
  });

  it('adds, moves, removes and duplicates days in every week at once', () => {
    let draft = twoDays();
    draft = run(draft, { type: 'duplicateWeek', weekKey: draft.weeks[0]!.key });
    const names = (d: PlanDraft) => d.weeks.map((w) => w.days.map((day) => day.name));

    const moved = run(draft, { type: 'moveDay', dayKey: draft.weeks[1]!.days[1]!.key, by: -1 });
    expect(names(moved)).toEqual([
      ['Day 2', 'Day 1'],
      ['Day 2', 'Day 1'],
    ]);
    const duplicated = run(draft, { type: 'duplicateDay', dayKey: draft.weeks[0]!.days[0]!.key });
    expect(names(duplicated)).toEqual([
      ['Day 1', 'Day 1', 'Day 2'],
      ['Day 1', 'Day 1', 'Day 2'],
    ]);
    const removed = run(draft, { type: 'removeDay', dayKey: draft.weeks[1]!.days[0]!.key });
    expect(names(removed)).toEqual([['Day 2'], ['Day 2']]);
    expect(draftToPlanBody(run(draft, { type: 'setDayCount', count: 3 })).weeks.map((w) => w.days.length)).toEqual([
      3, 3,
    ]);
    // Renaming a day is per week.
    const renamed = run(draft, { type: 'renameDay', dayKey: draft.weeks[1]!.days[0]!.key, name: 'Heavy' });
    expect(names(renamed)).toEqual([
      ['Day 1', 'Day 2'],
      ['Heavy', 'Day 2'],
    ]);
  });

  it('copies a day over the same day of the chosen weeks (fresh keys), leaving other days and weeks alone', () => {
    let draft = twoDays();
    draft = run(draft, { type: 'addWeek' }, { type: 'addWeek' }, { type: 'addWeek' });
    const source = draft.weeks[0]!.days[1]!;
    const weekKeys = [draft.weeks[0]!.key, draft.weeks[1]!.key, draft.weeks[3]!.key];

    const next = run(draft, { type: 'copyDayToWeeks', dayKey: source.key, weekKeys });

    const day2 = (w: number) => next.weeks[w]!.days[1]!;
    expect([1, 2, 3].map((w) => day2(w).slots[0]!.exerciseId)).toEqual([2, null, 2]);
    expect(day2(3).slots[0]!.sets.map((s) => s.percent)).toEqual(['60']);
    expect(day2(3).key).not.toBe(source.key);
    expect(day2(3).slots[0]!.sets[0]!.key).not.toBe(source.slots[0]!.sets[0]!.key);
    // Day 1 of the targets, the source week and the week not chosen keep their identity.
    expect(next.weeks[1]!.days[0]).toBe(draft.weeks[1]!.days[0]);
    expect(next.weeks[0]).toBe(draft.weeks[0]);
    expect(next.weeks[2]).toBe(draft.weeks[2]);
  });

  it('types a 4-week wave once: `|` fills the same slot of the next weeks, adding weeks as copies', () => {
    let draft = twoDays();
    const squat = draft.weeks[0]!.days[0]!.slots[0]!;
    draft = run(draft, {
      type: 'quickEntryWave',
      slotKey: squat.key,
      weeks: [
        quick('65x5, 75x5, 85x5+'),
        quick('70x3, 80x3, 90x3+'),
        quick('75x5, 85x3, 95x1+'),
        quick('40x5, 50x5, 60x5'),
      ],
    });
    expect(draft.weeks).toHaveLength(4);
    expect(draft.weeks.map((w) => formatQuickEntry(setsAsQuickEntry(w.days[0]!.slots[0]!.sets)!))).toEqual([
      '65x5, 75x5, 85x5+',
      '70x3, 80x3, 90x3+',
      '75x5, 85x3, 95x1+',
      '40x5, 50x5, 60x5',
    ]);
    // The new weeks copy the rest of the week (day 2's bench) and the slot's exercise.
    expect(draft.weeks.map((w) => [w.days[0]!.slots[0]!.exerciseId, w.days[1]!.slots[0]!.sets[0]!.percent])).toEqual([
      [1, '60'],
      [1, '60'],
      [1, '60'],
      [1, '60'],
    ]);
    // Day 1's progression set in each week: the T1's top AMRAP.
    expect(draft.weeks.map((w) => w.days[0]!.slots[0]!.sets.findIndex((s) => s.isProgression))).toEqual([2, 2, 2, -1]);

    // A second lift's wave into existing weeks; an empty segment leaves that week alone.
    const bench = draft.weeks[0]!.days[1]!.slots[0]!;
    const next = run(draft, {
      type: 'quickEntryWave',
      slotKey: bench.key,
      weeks: [quick('65x5'), null, quick('75x5')],
    });
    expect(next.weeks).toHaveLength(4);
    expect(next.weeks.map((w) => w.days[1]!.slots[0]!.sets.map((s) => s.percent).join())).toEqual([
      '65',
      '60',
      '75',
      '60',
    ]);
  });

  it('a wave typed from a later week starts there', () => {
    let draft = run(twoDays(), { type: 'addWeek' });
    const slotKey = draft.weeks[1]!.days[0]!.slots[0]!.key;
    draft = run(draft, { type: 'quickEntryWave', slotKey, weeks: [quick('80x3'), quick('85x2')] });
    expect(draft.weeks.map((w) => w.days[0]!.slots[0]!.sets.map((s) => s.percent).join())).toEqual(['70', '80', '85']);
  });
});

describe('set kinds, rep ranges, increment offsets, rest, TM % and rule kinds in the body', () => {
  it('sends kind, an empty % only on an accessory set, the rep range top, the offset and the rest', () => {
    let draft = draftWithDays(1);
    const slot = draft.weeks[0]!.days[0]!.slots[0]!;
    draft = run(
      draft,
      { type: 'quickEntry', slotKey: slot.key, sets: quick('40x5, 70x5, 80x5+') },
      { type: 'updateSlot', slotKey: slot.key, patch: { restSeconds: '150' } },
      { type: 'addSet', slotKey: slot.key },
      { type: 'setTmPercent', value: '85' },
    );
    const [warmup, , top, accessory] = draft.weeks[0]!.days[0]!.slots[0]!.sets;
    draft = run(
      draft,
      { type: 'updateSet', setKey: warmup!.key, patch: { kind: 'warmup' } },
      { type: 'updateSet', setKey: top!.key, patch: { offset: '+1' } },
      {
        type: 'updateSet',
        setKey: accessory!.key,
        patch: { kind: 'accessory', percent: '', reps: '10', repsMax: '12', offset: '' },
      },
    );
    const body = draftToPlanBody(draft);
    expect(body.tmPercent).toBe(0.85);
    const exercise = body.weeks[0]!.days[0]!.exercises[0]!;
    expect(exercise.restSeconds).toBe(150);
    expect(
      exercise.sets.map((s) => [s.kind, s.percentage, s.reps, s.repsMax, s.incrementOffset, s.isProgression]),
    ).toEqual([
      ['warmup', 0.4, 5, null, 0, false],
      ['main', 0.7, 5, null, 0, false],
      ['main', 0.8, 5, null, 1, true],
      ['accessory', null, 10, 12, 0, false],
    ]);
    // "−2" (a typographic minus) is −2; an empty rest is none.
    draft = run(
      draft,
      { type: 'updateSet', setKey: top!.key, patch: { offset: '−2' } },
      { type: 'updateSlot', slotKey: slot.key, patch: { restSeconds: '' } },
    );
    expect(draftToPlanBody(draft).weeks[0]!.days[0]!.exercises[0]!).toMatchObject({ restSeconds: null });
    expect(draftToPlanBody(draft).weeks[0]!.days[0]!.exercises[0]!.sets[2]!.incrementOffset).toBe(-2);
  });

  it('a warm-up or accessory set can’t stay a progression set; without a target rule, neither can a non-AMRAP', () => {
    let draft = draftWithDays(1);
    const slotKey = draft.weeks[0]!.days[0]!.slots[0]!.key;
    draft = run(draft, { type: 'quickEntry', slotKey, sets: quick('80x5+') });
    const set = draft.weeks[0]!.days[0]!.slots[0]!.sets[0]!;
    expect(set.isProgression).toBe(true);
    const warm = run(draft, { type: 'updateSet', setKey: set.key, patch: { kind: 'warmup' } });
    expect(warm.weeks[0]!.days[0]!.slots[0]!.sets[0]!.isProgression).toBe(false);
    const notAmrap = run(draft, { type: 'updateSet', setKey: set.key, patch: { isAmrap: false } });
    expect(notAmrap.weeks[0]!.days[0]!.slots[0]!.sets[0]!.isProgression).toBe(false);
    // With a reps-over-target rule a set with a target drives progression.
    const withRule = run(
      draft,
      { type: 'addRule', kind: 'reps_over_target' },
      { type: 'updateSet', setKey: set.key, patch: { isAmrap: false } },
    );
    expect(withRule.weeks[0]!.days[0]!.slots[0]!.sets[0]).toMatchObject({ isAmrap: false, isProgression: true });
  });

  it('quick entry keeps each set’s kind and offset, and doesn’t make a warm-up the progression set', () => {
    let draft = draftWithDays(1);
    const slotKey = draft.weeks[0]!.days[0]!.slots[0]!.key;
    draft = run(draft, { type: 'quickEntry', slotKey, sets: quick('40x5, 85x3') });
    const [first, second] = draft.weeks[0]!.days[0]!.slots[0]!.sets;
    draft = run(
      draft,
      { type: 'updateSet', setKey: first!.key, patch: { kind: 'warmup' } },
      { type: 'updateSet', setKey: second!.key, patch: { offset: '+1' } },
      { type: 'quickEntry', slotKey, sets: quick('45x5+, 90x3+') },
    );
    expect(draft.weeks[0]!.days[0]!.slots[0]!.sets.map((s) => [s.kind, s.percent, s.offset, s.isProgression])).toEqual([
      ['warmup', '45', '', false],
      ['main', '90', '+1', true],
    ]);
  });

  it('sends each rule kind with its own fields, grouped by kind', () => {
    const draft = run(
      draftWithDays(1),
      { type: 'addRule', kind: 'stall_reset' },
      { type: 'addRule', kind: 'cycle_increment' },
      { type: 'addRule', kind: 'amrap_table' },
      { type: 'addRule', kind: 'reps_over_target' },
      { type: 'addRule', kind: 'cycle_increment' },
    );
    expect(draft.rules.map((r) => [r.kind, r.scope])).toEqual([
      ['amrap_table', 'upper'],
      ['reps_over_target', 'upper'],
      ['cycle_increment', 'upper'],
      ['cycle_increment', 'lower'],
      ['stall_reset', 'upper'],
    ]);
    const [amrap, overTarget, cycleUpper, cycleLower, stall] = draft.rules;
    const filled = run(
      draft,
      { type: 'updateRule', ruleKey: amrap!.key, patch: { minReps: '0', maxReps: '5', increase: '2.5' } },
      { type: 'updateRule', ruleKey: overTarget!.key, patch: { increase: '1', unit: 'lb', maxSteps: '' } },
      { type: 'updateRule', ruleKey: cycleUpper!.key, patch: { increase: '2.5' } },
      { type: 'updateRule', ruleKey: cycleLower!.key, patch: { increase: '5', unit: 'percent' } },
      {
        type: 'updateRule',
        ruleKey: stall!.key,
        patch: { scope: 'exercise', exerciseId: 1, failures: '3', factor: '0.9' },
      },
    );
    expect(draftToPlanBody(filled).progressionRules).toEqual([
      { kind: 'amrap_table', exerciseId: null, category: 'upper', minReps: 0, maxReps: 5, increase: 2.5, unit: 'kg' },
      { kind: 'reps_over_target', exerciseId: null, category: 'upper', increase: 1, unit: 'lb', maxSteps: null },
      { kind: 'cycle_increment', exerciseId: null, category: 'upper', increase: 2.5, unit: 'kg' },
      { kind: 'cycle_increment', exerciseId: null, category: 'lower', increase: 5, unit: 'percent' },
      { kind: 'stall_reset', exerciseId: 1, category: null, failures: 3, factor: 0.9 },
    ]);
  });
});

describe('program length (cycles, issue 13)', () => {
  it('keeps a finite plan finite through the builder and a duplicate, and repeats by default', () => {
    const finite = { ...aPlanDetail(), cycles: 1 };
    expect(draftToPlanBody(draftFromPlan(finite)).cycles).toBe(1);
    expect(planToBody(finite).cycles).toBe(1);
    expect(draftToPlanBody(draftFromPlan(aPlanDetail())).cycles).toBeNull();
    expect(draftToPlanBody(emptyDraft()).cycles).toBeNull();
    const draft = run(emptyDraft(), { type: 'setCycles', value: 3 });
    expect(draftToPlanBody(draft).cycles).toBe(3);
    expect(draftToPlanBody(run(draft, { type: 'setCycles', value: null })).cycles).toBeNull();
  });
});
