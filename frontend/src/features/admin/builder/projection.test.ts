import type { ProjectedSetDto, ProjectionResponse } from '@liftplan/domain';
import { describe, expect, it } from 'vitest';
import { builderReducer, draftToPlanBody, emptyDraft, type BuilderAction, type PlanDraft } from './builder-state';
import { buildProjectionBody, defaultProjectionWeeks, projectionTable } from './projection';

const run = (draft: PlanDraft, ...actions: BuilderAction[]) => actions.reduce(builderReducer, draft);

function set(
  tmExerciseId: number,
  slug: string,
  prescribedWeight: number | null,
  prescribedReps: number,
  extra: Partial<ProjectedSetDto> = {},
): ProjectedSetDto {
  return {
    exerciseId: tmExerciseId,
    exercise: { id: tmExerciseId, slug, name: slug },
    tmExerciseId,
    displayName: null,
    tier: 'T1',
    kind: 'main',
    exerciseOrder: 1,
    setOrder: 1,
    percentage: prescribedWeight === null ? null : 0.8,
    prescribedWeight,
    prescribedReps,
    repsMax: null,
    restSeconds: null,
    isAmrap: false,
    isProgression: false,
    actualReps: null,
    actualWeight: null,
    completed: false,
    plates: null,
    ...extra,
  };
}

describe('the projection', () => {
  it('defaults to two cycles, at most 52 weeks', () => {
    expect([1, 3, 4, 26, 40].map(defaultProjectionWeeks)).toEqual([2, 6, 8, 52, 52]);
  });

  it('sends the draft with placeholder header, the sample TMs and the weight settings', () => {
    let draft = emptyDraft();
    const slotKey = draft.weeks[0]!.days[0]!.slots[0]!.key;
    draft = run(draft, { type: 'updateSlot', slotKey, patch: { exerciseId: 3 } });
    const body = buildProjectionBody(
      draftToPlanBody(draft),
      draft,
      { trainingMaxes: { 3: '120' }, unit: 'lb', increment: '5', rounding: 'down' },
      8,
      -1,
    );
    expect(body).toMatchObject({
      plan: { name: 'Projection', slug: 'projection', description: null, cycleWeeks: 1 },
      trainingMaxes: [{ exerciseId: 3, trainingMax: 120 }],
      weeks: 8,
      amrapExtraReps: -1,
      unit: 'lb',
      increment: 5,
      rounding: 'down',
    });
  });

  it('one row per session: each lift’s top set (warm-ups aside) and TM, with the change since it last showed', () => {
    const tms = (squat: number, bench: number) => [
      { exerciseId: 2, slug: 'squat', trainingMax: squat },
      { exerciseId: 1, slug: 'bench-press', trainingMax: bench },
    ];
    const response: ProjectionResponse = {
      unit: 'kg',
      increment: 2.5,
      rounding: 'nearest',
      sessions: [
        {
          cycle: 1,
          weekNumber: 1,
          dayNumber: 1,
          dayName: 'Squat',
          isDeload: false,
          sets: [
            set(2, 'squat', 120, 5, { kind: 'warmup' }),
            set(2, 'squat', 100, 5),
            set(2, 'squat', 110, 3, { isAmrap: true }),
            set(9, 'chin-up', null, 10, { kind: 'accessory', repsMax: 12 }),
          ],
          trainingMaxes: tms(140, 100),
        },
        {
          cycle: 1,
          weekNumber: 2,
          dayNumber: 1,
          dayName: 'Squat',
          isDeload: true,
          sets: [set(2, 'squat', 60, 5)],
          trainingMaxes: tms(140, 100),
        },
        {
          cycle: 2,
          weekNumber: 1,
          dayNumber: 1,
          dayName: null,
          isDeload: false,
          sets: [set(2, 'squat', 115, 3, { isAmrap: true }), set(1, 'bench-press', 80, 8, { repsMax: 10 })],
          trainingMaxes: tms(145, 102.5),
        },
      ],
    };

    const table = projectionTable(response);

    expect(table.lifts).toEqual([
      { exerciseId: 2, slug: 'squat' },
      { exerciseId: 1, slug: 'bench-press' },
    ]);
    expect(
      table.rows.map((row) => [
        row.cycle,
        row.weekNumber,
        row.isDeload,
        row.cycleStart,
        row.cells[2]!.top && [row.cells[2]!.top.weight, row.cells[2]!.top.reps, row.cells[2]!.top.isAmrap],
        row.cells[2]!.trainingMax,
        row.cells[2]!.change,
        row.cells[1]!.top?.repsMax ?? null,
        row.cells[1]!.change,
      ]),
    ).toEqual([
      [1, 1, false, false, [110, 3, true], 140, null, null, null],
      [1, 2, true, false, [60, 5, false], 140, null, null, null],
      [2, 1, false, true, [115, 3, true], 145, 5, 10, 2.5],
    ]);
    expect(table.rows[0]!.cells[1]!.top).toBeNull();
  });
});
