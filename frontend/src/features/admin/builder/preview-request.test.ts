import type { PlanPreview } from '@liftplan/domain';
import { parseQuickEntry } from '@liftplan/domain';
import { describe, expect, it } from 'vitest';
import { builderReducer, emptyDraft, type BuilderAction, type PlanDraft } from './builder-state';
import { buildPreviewRequest, previewOfWeek, weightsBySetKey, type PreviewSettings } from './preview-request';

const run = (draft: PlanDraft, ...actions: BuilderAction[]) => actions.reduce(builderReducer, draft);
const sets = (text: string) => {
  const parsed = parseQuickEntry(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.sets;
};
const settings = (overrides: Partial<PreviewSettings> = {}): PreviewSettings => ({
  trainingMaxes: {},
  unit: 'kg',
  increment: '',
  rounding: 'nearest',
  ...overrides,
});

describe('the live preview request', () => {
  it('sends only the complete parts, renumbered, with the sample TMs of the TM exercises', () => {
    let draft = run(emptyDraft(), { type: 'setDayCount', count: 3 });
    const [day1, day2, day3] = draft.weeks[0]!.days;
    draft = run(
      draft,
      // Day 1: bench (complete) + an exercise without sets (left out).
      { type: 'updateSlot', slotKey: day1!.slots[0]!.key, patch: { exerciseId: 1 } },
      { type: 'quickEntry', slotKey: day1!.slots[0]!.key, sets: sets('65x8, 75x6+') },
      { type: 'addSlot', dayKey: day1!.key },
      // Day 2: nothing chosen yet (left out entirely).
      // Day 3: sumo deadlift on the deadlift TM.
      { type: 'updateSlot', slotKey: day3!.slots[0]!.key, patch: { exerciseId: 6, tmExerciseId: 4 } },
      { type: 'quickEntry', slotKey: day3!.slots[0]!.key, sets: sets('50x5') },
    );
    draft = run(draft, {
      type: 'updateSlot',
      slotKey: draft.weeks[0]!.days[0]!.slots[1]!.key,
      patch: { exerciseId: 3 },
    });

    const request = buildPreviewRequest(
      draft,
      settings({ trainingMaxes: { 1: '107.5', 4: '', 3: '60' }, increment: '2.5', rounding: 'down' }),
    )!;

    expect(request.body.plan).toMatchObject({ daysPerWeek: 2, cycleWeeks: 1, progressionRules: [] });
    expect(
      request.body.plan.weeks[0]!.days.map((d) => [
        d.dayNumber,
        d.exercises.map((e) => [e.sortOrder, e.exerciseId, e.tmExerciseId]),
      ]),
    ).toEqual([
      [1, [[1, 1, 1]]],
      [2, [[1, 6, 4]]],
    ]);
    // Every TM exercise chosen gets its sample; the deadlift TM is blank, so it is left out (the server reports it missing).
    expect(request.body.sampleTrainingMaxes).toEqual([
      { exerciseId: 1, trainingMax: 107.5 },
      { exerciseId: 3, trainingMax: 60 },
    ]);
    expect(request.body).toMatchObject({ unit: 'kg', increment: 2.5, rounding: 'down' });
    expect(request.origin.map((o) => o.days.map((d) => d.dayKey))).toEqual([[day1!.key, day3!.key]]);
    expect(day2).toBeDefined();
  });

  it('sends every week with something complete (renumbered), accessory sets without a %, and no progression flags', () => {
    let draft = emptyDraft();
    const slotKey = draft.weeks[0]!.days[0]!.slots[0]!.key;
    draft = run(
      draft,
      { type: 'updateSlot', slotKey, patch: { exerciseId: 1 } },
      { type: 'quickEntry', slotKey, sets: sets('65x5, 75x5, 85x5+') },
      { type: 'addWeek' },
      { type: 'addWeek' },
    );
    const third = draft.weeks[2]!;
    draft = run(
      draft,
      { type: 'updateSlot', slotKey: third.days[0]!.slots[0]!.key, patch: { exerciseId: 9 } },
      { type: 'addSet', slotKey: third.days[0]!.slots[0]!.key },
      { type: 'setDeload', weekKey: third.key, value: true },
    );
    const accessory = draft.weeks[2]!.days[0]!.slots[0]!.sets[0]!;
    draft = run(draft, {
      type: 'updateSet',
      setKey: accessory.key,
      patch: { kind: 'accessory', reps: '10', repsMax: '12', offset: '+1' },
    });

    const request = buildPreviewRequest(draft, settings())!;

    // Week 2 has nothing complete: left out, week 3 becomes week 2.
    expect(request.body.plan.weeks.map((w) => [w.weekNumber, w.isDeload])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(request.origin.map((o) => o.weekKey)).toEqual([draft.weeks[0]!.key, third.key]);
    expect(request.body.plan.weeks[1]!.days[0]!.exercises[0]!.sets).toEqual([
      {
        setOrder: 1,
        kind: 'accessory',
        percentage: null,
        reps: 10,
        repsMax: 12,
        incrementOffset: 1,
        isAmrap: false,
        isProgression: false,
      },
    ]);
    expect(request.body.plan.weeks[0]!.days[0]!.exercises[0]!.sets.every((s) => !s.isProgression)).toBe(true);
    // An accessory-only exercise needs no TM.
    expect(request.body.sampleTrainingMaxes).toEqual([]);
  });

  it('is null while nothing is complete, and skips a slot with an unfinished set', () => {
    let draft = emptyDraft();
    expect(buildPreviewRequest(draft, settings())).toBeNull();
    const slotKey = draft.weeks[0]!.days[0]!.slots[0]!.key;
    draft = run(
      draft,
      { type: 'updateSlot', slotKey, patch: { exerciseId: 1 } },
      { type: 'quickEntry', slotKey, sets: sets('65x8') },
      { type: 'addSet', slotKey },
    );
    draft = run(draft, {
      type: 'updateSet',
      setKey: draft.weeks[0]!.days[0]!.slots[0]!.sets[1]!.key,
      patch: { reps: '' },
    });
    expect(buildPreviewRequest(draft, settings())).toBeNull();
  });

  it('maps the server’s weights back onto the grid’s sets, week by week', () => {
    let draft = emptyDraft();
    const slotKey = draft.weeks[0]!.days[0]!.slots[0]!.key;
    draft = run(
      draft,
      { type: 'updateSlot', slotKey, patch: { exerciseId: 1 } },
      { type: 'quickEntry', slotKey, sets: sets('65x8, 75x6+') },
      { type: 'duplicateWeek', weekKey: draft.weeks[0]!.key },
    );
    const request = buildPreviewRequest(draft, settings({ trainingMaxes: { 1: '107.5' } }))!;
    expect(request.body).not.toHaveProperty('increment');
    const set = (setOrder: number, percentage: number, reps: number, weight: number) => ({
      setOrder,
      kind: 'main' as const,
      percentage,
      reps,
      repsMax: null,
      incrementOffset: 0,
      isAmrap: false,
      isProgression: false,
      weight,
    });
    const day = (weights: [number, number]) => ({
      dayNumber: 1,
      name: null,
      exercises: [
        {
          sortOrder: 1,
          exerciseId: 1,
          tmExerciseId: 1,
          tier: 'T1',
          displayName: null,
          restSeconds: null,
          sets: [set(1, 0.65, 8, weights[0]), set(2, 0.75, 6, weights[1])],
        },
      ],
    });
    const preview: PlanPreview = {
      unit: 'kg',
      increment: 2.5,
      missingTrainingMaxes: [],
      weeks: [
        { weekNumber: 1, name: null, isDeload: false, days: [day([70, 80])] },
        { weekNumber: 2, name: null, isDeload: false, days: [day([71, 81])] },
      ],
      days: [day([70, 80])],
    };
    const [first, second] = draft.weeks[0]!.days[0]!.slots[0]!.sets;
    const [copyFirst, copySecond] = draft.weeks[1]!.days[0]!.slots[0]!.sets;
    expect(weightsBySetKey(request, preview)).toEqual({
      [first!.key]: 70,
      [second!.key]: 80,
      [copyFirst!.key]: 71,
      [copySecond!.key]: 81,
    });
    expect(previewOfWeek(request, preview, draft.weeks[1]!.key)?.week.weekNumber).toBe(2);
    expect(previewOfWeek(request, preview, 'nope')).toBeUndefined();
  });
});
