import type { PlanPreview } from '@liftplan/domain';
import { parseQuickEntry } from '@liftplan/domain';
import { describe, expect, it } from 'vitest';
import { builderReducer, emptyDraft, type BuilderAction, type PlanDraft } from './builder-state';
import { buildPreviewRequest, weightsBySetKey } from './preview-request';

const run = (draft: PlanDraft, ...actions: BuilderAction[]) => actions.reduce(builderReducer, draft);
const sets = (text: string) => {
  const parsed = parseQuickEntry(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.sets;
};

describe('the live preview request', () => {
  it('sends only the complete parts, renumbered, with the sample TMs of the TM exercises', () => {
    let draft = run(emptyDraft(), { type: 'setDayCount', count: 3 });
    const [day1, day2, day3] = draft.days;
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
    draft = run(draft, { type: 'updateSlot', slotKey: draft.days[0]!.slots[1]!.key, patch: { exerciseId: 3 } });

    const request = buildPreviewRequest(draft, {
      trainingMaxes: { 1: '107.5', 4: '', 3: '60' },
      unit: 'kg',
      increment: '2.5',
    })!;

    expect(request.body.plan.daysPerWeek).toBe(2);
    expect(
      request.body.plan.days.map((d) => [
        d.dayNumber,
        d.exercises.map((e) => [e.sortOrder, e.exerciseId, e.tmExerciseId]),
      ]),
    ).toEqual([
      [1, [[1, 1, 1]]],
      [2, [[1, 6, 4]]],
    ]);
    expect(request.body.plan.progressionRules).toEqual([]);
    // Every TM exercise chosen gets its sample; the deadlift TM is blank, so it is left out (the server reports it missing).
    expect(request.body.sampleTrainingMaxes).toEqual([
      { exerciseId: 1, trainingMax: 107.5 },
      { exerciseId: 3, trainingMax: 60 },
    ]);
    expect(request.body).toMatchObject({ unit: 'kg', increment: 2.5 });
    expect(request.origin.map((o) => o.dayKey)).toEqual([day1!.key, day3!.key]);
    expect(day2).toBeDefined();
  });

  it('is null while nothing is complete, and skips a slot with an unfinished set', () => {
    let draft = emptyDraft();
    expect(buildPreviewRequest(draft, { trainingMaxes: {}, unit: 'kg', increment: '' })).toBeNull();
    const slotKey = draft.days[0]!.slots[0]!.key;
    draft = run(
      draft,
      { type: 'updateSlot', slotKey, patch: { exerciseId: 1 } },
      { type: 'quickEntry', slotKey, sets: sets('65x8') },
      { type: 'addSet', slotKey },
    );
    draft = run(draft, { type: 'updateSet', setKey: draft.days[0]!.slots[0]!.sets[1]!.key, patch: { reps: '' } });
    expect(buildPreviewRequest(draft, { trainingMaxes: {}, unit: 'kg', increment: '' })).toBeNull();
  });

  it('maps the server’s weights back onto the grid’s sets', () => {
    let draft = emptyDraft();
    const slotKey = draft.days[0]!.slots[0]!.key;
    draft = run(
      draft,
      { type: 'updateSlot', slotKey, patch: { exerciseId: 1 } },
      { type: 'quickEntry', slotKey, sets: sets('65x8, 75x6+') },
    );
    const request = buildPreviewRequest(draft, { trainingMaxes: { 1: '107.5' }, unit: 'kg', increment: '' })!;
    expect(request.body).not.toHaveProperty('increment');
    const preview: PlanPreview = {
      unit: 'kg',
      increment: 2.5,
      missingTrainingMaxes: [],
      days: [
        {
          dayNumber: 1,
          name: null,
          exercises: [
            {
              sortOrder: 1,
              exerciseId: 1,
              tmExerciseId: 1,
              tier: 'T1',
              displayName: null,
              sets: [
                { setOrder: 1, percentage: 0.65, reps: 8, isAmrap: false, isProgression: false, weight: 70 },
                { setOrder: 2, percentage: 0.75, reps: 6, isAmrap: true, isProgression: true, weight: 80 },
              ],
            },
          ],
        },
      ],
    };
    const [first, second] = draft.days[0]!.slots[0]!.sets;
    expect(weightsBySetKey(request, preview)).toEqual({ [first!.key]: 70, [second!.key]: 80 });
  });
});
