import { formatQuickEntry, parseQuickEntry } from '@liftplan/domain';
import type { PlanDetailDto } from '@liftplan/domain';
import { describe, expect, it } from 'vitest';
import { planToBody } from '../api/plans-api';
import {
  builderReducer,
  draftFromPlan,
  draftToPlanBody,
  emptyDraft,
  newDay,
  rekeyDraft,
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
  draft.days.forEach((day, i) => {
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
  draft.days[day]!.slots[slot]!.sets.map((s) => [s.percent, s.reps, s.isAmrap, s.isProgression]);

describe('quick entry into the set grid', () => {
  it('fills the grid from the shorthand: x3 repeats, + marks an AMRAP, a T1’s AMRAP becomes the progression set', () => {
    const draft = emptyDraft();
    const slotKey = draft.days[0]!.slots[0]!.key;

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
    expect(draftToPlanBody(next).days[0]!.exercises[0]!.sets.map((s) => [s.setOrder, s.percentage, s.reps])).toEqual([
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
    const slotKey = draft.days[0]!.slots[0]!.key;
    const next = run(draft, { type: 'quickEntry', slotKey, sets: quick(NSUNS_DAY2_T1) });
    const sets = next.days[0]!.slots[0]!.sets;
    expect(sets.filter((s) => s.isAmrap).map((s) => s.percent)).toEqual(['95', '65']);
    expect(sets.filter((s) => s.isProgression).map((s) => `${s.percent}x${s.reps}`)).toEqual(['95x1']);
  });

  it('gives a T2 slot no progression set, and keeps an admin’s own choice while it is still an AMRAP', () => {
    let draft = emptyDraft();
    const dayKey = draft.days[0]!.key;
    draft = run(draft, { type: 'addSlot', dayKey });
    const t2 = draft.days[0]!.slots[1]!;
    expect(t2.tier).toBe('T2');
    draft = run(draft, { type: 'quickEntry', slotKey: t2.key, sets: quick('70x5+, 60x8+') });
    expect(rowsOf(draft, 0, 1).map((r) => r[3])).toEqual([false, false]);

    const t1 = draft.days[0]!.slots[0]!.key;
    draft = run(draft, { type: 'quickEntry', slotKey: t1, sets: quick(NSUNS_DAY2_T1) });
    const last = draft.days[0]!.slots[0]!.sets[8]!;
    draft = run(draft, { type: 'updateSet', setKey: last.key, patch: { isProgression: true } });
    const first = draft.days[0]!.slots[0]!.sets[2]!;
    draft = run(draft, { type: 'updateSet', setKey: first.key, patch: { isProgression: false } });
    // Re-entering a scheme with an AMRAP at the same position keeps the admin's choice.
    draft = run(draft, {
      type: 'quickEntry',
      slotKey: t1,
      sets: quick('75x5, 85x3, 95x1+, 90x3, 85x3, 80x3, 75x5, 70x5, 60x6+'),
    });
    expect(draft.days[0]!.slots[0]!.sets.map((s) => s.isProgression).indexOf(true)).toBe(8);
  });

  it('shows the grid back as shorthand (collapsing repeats), so typing it again is a no-op', () => {
    const draft = emptyDraft();
    const slotKey = draft.days[0]!.slots[0]!.key;
    const next = run(draft, { type: 'quickEntry', slotKey, sets: quick(NSUNS_DAY1_T1) });
    expect(formatQuickEntry(setsAsQuickEntry(next.days[0]!.slots[0]!.sets)!)).toBe(NSUNS_DAY1_T1);
  });

  it('keeps fractional percentages exact (72.5 % → 0.725)', () => {
    const draft = emptyDraft();
    const slotKey = draft.days[0]!.slots[0]!.key;
    const next = run(draft, { type: 'quickEntry', slotKey, sets: quick('72.5x5, 67.25x3') });
    expect(rowsOf(next).map((r) => r[0])).toEqual(['72.5', '67.25']);
    expect(draftToPlanBody(next).days[0]!.exercises[0]!.sets.map((s) => s.percentage)).toEqual([0.725, 0.6725]);
  });
});

describe('set grid edits', () => {
  it('un-ticking AMRAP also clears progression (only an AMRAP set can drive it)', () => {
    const draft = emptyDraft();
    const slotKey = draft.days[0]!.slots[0]!.key;
    let next = run(draft, { type: 'quickEntry', slotKey, sets: quick('65x8+') });
    const set = next.days[0]!.slots[0]!.sets[0]!;
    expect(set.isProgression).toBe(true);
    next = run(next, { type: 'updateSet', setKey: set.key, patch: { isAmrap: false } });
    expect(next.days[0]!.slots[0]!.sets[0]).toMatchObject({ isAmrap: false, isProgression: false });
  });

  it('adds a set as a copy of the last one, reorders and removes sets with setOrder renumbered', () => {
    const draft = emptyDraft();
    const slotKey = draft.days[0]!.slots[0]!.key;
    let next = run(draft, { type: 'quickEntry', slotKey, sets: quick('60x5, 70x3') }, { type: 'addSet', slotKey });
    expect(rowsOf(next)).toEqual([
      ['60', '5', false, false],
      ['70', '3', false, false],
      ['70', '3', false, false],
    ]);
    const [first] = next.days[0]!.slots[0]!.sets;
    next = run(
      next,
      { type: 'moveSet', setKey: first!.key, by: 1 },
      { type: 'updateSet', setKey: first!.key, patch: { reps: '8' } },
    );
    expect(draftToPlanBody(next).days[0]!.exercises[0]!.sets.map((s) => [s.setOrder, s.percentage, s.reps])).toEqual([
      [1, 0.7, 3],
      [2, 0.6, 8],
      [3, 0.7, 3],
    ]);
    next = run(next, { type: 'removeSet', setKey: first!.key });
    expect(draftToPlanBody(next).days[0]!.exercises[0]!.sets.map((s) => s.setOrder)).toEqual([1, 2]);
  });

  it('leaves every untouched day and slot as it was (same objects)', () => {
    const draft = draftWithDays(3);
    const set = draft.days[1]!.slots[0]!.sets[0]!;
    const next = run(draft, { type: 'updateSet', setKey: set.key, patch: { percent: '72.5' } });
    expect(next.days[0]).toBe(draft.days[0]);
    expect(next.days[2]).toBe(draft.days[2]);
    expect(next.days[1]).not.toBe(draft.days[1]);
  });
});

describe('days: add, remove, rename, reorder — renumbered 1..N, days/week in sync', () => {
  const body = (draft: PlanDraft) => draftToPlanBody(draft);
  const summary = (draft: PlanDraft) => body(draft).days.map((d) => [d.dayNumber, d.name, d.exercises[0]?.exerciseId]);

  it('moves a day and renumbers all of them', () => {
    const draft = draftWithDays(3);
    const next = run(draft, { type: 'moveDay', dayKey: draft.days[2]!.key, by: -1 });
    expect(summary(next)).toEqual([
      [1, 'Day 1', 1],
      [2, 'Day 3', 3],
      [3, 'Day 2', 2],
    ]);
    expect(body(next).daysPerWeek).toBe(3);
  });

  it('ignores a move past either end', () => {
    const draft = draftWithDays(2);
    expect(run(draft, { type: 'moveDay', dayKey: draft.days[0]!.key, by: -1 }).days).toBe(draft.days);
    expect(run(draft, { type: 'moveDay', dayKey: draft.days[1]!.key, by: 1 }).days).toBe(draft.days);
  });

  it('removes a day (never the last one) and closes the gap', () => {
    const draft = draftWithDays(3);
    const next = run(draft, { type: 'removeDay', dayKey: draft.days[0]!.key });
    expect(summary(next)).toEqual([
      [1, 'Day 2', 2],
      [2, 'Day 3', 3],
    ]);
    expect(body(next).daysPerWeek).toBe(2);
    const single = draftWithDays(1);
    expect(run(single, { type: 'removeDay', dayKey: single.days[0]!.key })).toBe(single);
  });

  it('days/week adds empty days or drops the last ones, between 1 and 7', () => {
    const draft = draftWithDays(2);
    expect(body(run(draft, { type: 'setDayCount', count: 4 })).daysPerWeek).toBe(4);
    expect(summary(run(draft, { type: 'setDayCount', count: 1 }))).toEqual([[1, 'Day 1', 1]]);
    expect(run(draft, { type: 'setDayCount', count: 12 }).days).toHaveLength(7);
    expect(run(draft, { type: 'addDay' }, { type: 'addDay' }).days).toHaveLength(4);
  });

  it('duplicates a day right after itself with its own keys', () => {
    const draft = draftWithDays(2);
    const next = run(draft, { type: 'duplicateDay', dayKey: draft.days[0]!.key });
    expect(summary(next)).toEqual([
      [1, 'Day 1', 1],
      [2, 'Day 1', 1],
      [3, 'Day 2', 2],
    ]);
    expect(next.days[1]!.key).not.toBe(next.days[0]!.key);
    expect(next.days[1]!.slots[0]!.sets[0]!.key).not.toBe(next.days[0]!.slots[0]!.sets[0]!.key);
  });

  it('reorders exercise slots within a day with sortOrder renumbered', () => {
    let draft = draftWithDays(1);
    const dayKey = draft.days[0]!.key;
    draft = run(draft, { type: 'addSlot', dayKey });
    const second = draft.days[0]!.slots[1]!;
    draft = run(
      draft,
      { type: 'updateSlot', slotKey: second.key, patch: { exerciseId: 9 } },
      { type: 'moveSlot', slotKey: second.key, by: -1 },
    );
    expect(body(draft).days[0]!.exercises.map((e) => [e.sortOrder, e.exerciseId, e.tier])).toEqual([
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
    const slotKey = draft.days[0]!.slots[0]!.key;
    let next = run(draft, { type: 'updateSlot', slotKey, patch: { exerciseId: 5, tmExerciseId: 5 } });
    expect(next.days[0]!.slots[0]!.tmExerciseId).toBeNull();
    next = run(next, { type: 'updateSlot', slotKey, patch: { exerciseId: 6 } });
    expect(draftToPlanBody(next).days[0]!.exercises[0]).toMatchObject({ exerciseId: 6, tmExerciseId: 6 });
  });

  it('turns a saved plan into a draft (days and sets in order, % as text) and back into a request body', () => {
    const draft = draftFromPlan(aPlanDetail());
    expect(draft.days.map((d) => d.name)).toEqual(['Bench day', '']);
    expect(rowsOf(draft)).toEqual([
      ['65', '8', false, false],
      ['72.5', '8', true, true],
    ]);
    expect(draft.days[1]!.slots[0]).toMatchObject({ exerciseId: 6, tmExerciseId: 4 });
    expect(draft.days[0]!.slots[0]).toMatchObject({ exerciseId: 1, tmExerciseId: null, displayName: 'Bench Volume' });

    const expected = planToBody(aPlanDetail());
    expected.days.sort((a, b) => a.dayNumber - b.dayNumber);
    for (const day of expected.days)
      for (const slot of day.exercises) slot.sets.sort((a, b) => a.setOrder - b.setOrder);
    expect(draftToPlanBody(draft)).toEqual(expected);
    expect(draftToPlanBody(rekeyDraft(draft))).toEqual(expected);
  });

  it('new days start with one empty T1 slot', () => {
    expect(newDay().slots).toEqual([expect.objectContaining({ tier: 'T1', exerciseId: null, sets: [] })]);
  });
});

export function aPlanDetail(): PlanDetailDto {
  const ref = (id: number, name: string, isUpperBody = true) => ({
    id,
    slug: name.toLowerCase().replace(/ /g, '-'),
    name,
    isUpperBody,
  });
  return {
    id: 7,
    slug: 'test-plan',
    name: 'Test plan',
    description: 'Two days',
    daysPerWeek: 2,
    isPublic: true,
    version: 3,
    versionId: 30,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-02T00:00:00.000Z',
    requiredExercises: [ref(1, 'Bench Press'), ref(4, 'Deadlift', false)],
    days: [
      {
        id: 2,
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
            sets: [{ id: 211, setOrder: 1, percentage: 0.5, reps: 5, isAmrap: false, isProgression: false }],
          },
        ],
      },
      {
        id: 1,
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
            sets: [
              { id: 112, setOrder: 2, percentage: 0.725, reps: 8, isAmrap: true, isProgression: true },
              { id: 111, setOrder: 1, percentage: 0.65, reps: 8, isAmrap: false, isProgression: false },
            ],
          },
        ],
      },
    ],
    progressionRules: [
      { id: 1, exerciseId: null, exercise: null, category: 'upper', minReps: 0, maxReps: 1, increase: 0, unit: 'kg' },
      {
        id: 2,
        exerciseId: 1,
        exercise: ref(1, 'Bench Press'),
        category: null,
        minReps: 2,
        maxReps: 99,
        increase: 2.5,
        unit: 'lb',
      },
    ],
  };
}
