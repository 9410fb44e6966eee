import {
  computeSessionProgression,
  findOverlappingRules,
  type AnyProgressionRule,
  type SessionProgressionInput,
  type SessionProgressionSet,
  type TmExerciseInfo,
} from './index';
import { BENCH, SQUAT, str } from './test-helpers';

const tmsOf = (bench: string, squat: string): Map<number, TmExerciseInfo> =>
  new Map([
    [BENCH, { slug: 'bench-press', isUpperBody: true, currentTm: bench }],
    [SQUAT, { slug: 'squat', isUpperBody: false, currentTm: squat }],
  ]);

const logged = (tmExerciseId: number, actualReps: number | null, prescribedReps = 5): SessionProgressionSet => ({
  tmExerciseId,
  exerciseOrder: tmExerciseId,
  setOrder: 1,
  actualReps,
  prescribedReps,
});

const run = (overrides: Partial<SessionProgressionInput>) =>
  computeSessionProgression({
    sets: [],
    rules: [],
    tmExercises: tmsOf('100', '140'),
    lifter: { unit: 'kg', increment: '2.5' },
    isDeload: false,
    stallCounts: new Map(),
    cycleEnd: null,
    ...overrides,
  });

/** [exerciseId, previousTM, newTM, increase, kind, amrapReps] */
const summary = (result: ReturnType<typeof run>) =>
  result.outcomes.map((o) => [o.exerciseId, str(o.previousTM), str(o.newTM), str(o.increase), o.kind, o.amrapReps]);

const upper = { exerciseId: null, category: 'upper' as const };
const lower = { exerciseId: null, category: 'lower' as const };
const bench = { exerciseId: BENCH, category: null };
const cycleEnd = { cycle: 1, trainedTmExerciseIds: [BENCH, SQUAT] };

describe('computeSessionProgression: one workout, every rule kind', () => {
  it.each<[string, Partial<SessionProgressionInput>, unknown[][]]>([
    [
      'amrap_table: reps in range → +increase',
      {
        sets: [logged(BENCH, 8)],
        rules: [{ ...upper, minReps: 6, maxReps: 99, increase: 5, unit: 'kg' }],
      },
      [[BENCH, '100', '105', '5', 'amrap_table', 8]],
    ],
    [
      'amrap_table: no range holds the reps → outcome +0, kind null',
      { sets: [logged(BENCH, 3)], rules: [{ ...upper, minReps: 6, maxReps: 99, increase: 5, unit: 'kg' }] },
      [[BENCH, '100', '100', '0', null, 3]],
    ],
    [
      'reps_over_target: (9 − 5) × 1.25',
      {
        sets: [logged(BENCH, 9)],
        rules: [{ ...upper, kind: 'reps_over_target', increase: 1.25, unit: 'kg', maxSteps: null }],
      },
      [[BENCH, '100', '105', '5', 'reps_over_target', 9]],
    ],
    [
      'reps_over_target: steps capped at maxSteps 2',
      {
        sets: [logged(BENCH, 9)],
        rules: [{ ...upper, kind: 'reps_over_target', increase: 1.25, unit: 'kg', maxSteps: 2 }],
      },
      [[BENCH, '100', '102.5', '2.5', 'reps_over_target', 9]],
    ],
    [
      'reps_over_target in lb for a kg lifter: (8 − 5) × 2.5 lb = 7.5 lb = 3.40 kg → 2.5 kg (rounded once, not per rep)',
      {
        sets: [logged(BENCH, 8)],
        rules: [{ ...upper, kind: 'reps_over_target', increase: 2.5, unit: 'lb', maxSteps: 10 }],
      },
      [[BENCH, '100', '102.5', '2.5', 'reps_over_target', 8]],
    ],
    [
      'reps_over_target in lb for a kg lifter: (15 − 5) × 5 lb = 50 lb = 22.68 kg → 22.5 kg',
      {
        sets: [logged(SQUAT, 15)],
        rules: [{ ...lower, kind: 'reps_over_target', increase: 5, unit: 'lb', maxSteps: 10 }],
      },
      [[SQUAT, '140', '162.5', '22.5', 'reps_over_target', 15]],
    ],
    [
      'reps_over_target: below target is +0, never negative',
      {
        sets: [logged(BENCH, 3)],
        rules: [{ ...upper, kind: 'reps_over_target', increase: 1.25, unit: 'kg', maxSteps: null }],
      },
      [[BENCH, '100', '100', '0', null, 3]],
    ],
    [
      'reps_over_target in lb for a kg lifter: 5 lb → 2.5 kg per step',
      {
        sets: [logged(BENCH, 7)],
        rules: [{ ...upper, kind: 'reps_over_target', increase: 5, unit: 'lb', maxSteps: null }],
      },
      [[BENCH, '100', '105', '5', 'reps_over_target', 7]],
    ],
    [
      'amrap_table and reps_over_target add up; kind is the last applied',
      {
        sets: [logged(BENCH, 7)],
        rules: [
          { ...upper, minReps: 0, maxReps: 99, increase: 2.5, unit: 'kg' },
          { ...upper, kind: 'reps_over_target', increase: 1.25, unit: 'kg', maxSteps: null },
        ],
      },
      [[BENCH, '100', '105', '5', 'reps_over_target', 7]],
    ],
    [
      'precedence is per kind: the exercise rule of a kind beats its category rule, other kinds still apply',
      {
        sets: [logged(BENCH, 7)],
        rules: [
          { ...upper, minReps: 0, maxReps: 99, increase: 5, unit: 'kg' },
          { ...bench, minReps: 0, maxReps: 99, increase: 1, unit: 'kg' },
          { ...upper, kind: 'reps_over_target', increase: 1.25, unit: 'kg', maxSteps: null },
        ],
      },
      [[BENCH, '100', '103.5', '3.5', 'reps_over_target', 7]],
    ],
    [
      '5/3/1 cycle end in lb for a kg lifter: +5 lb upper → +2.5 kg, +10 lb lower → +5 kg',
      {
        rules: [
          { ...upper, kind: 'cycle_increment', increase: 5, unit: 'lb' },
          { ...lower, kind: 'cycle_increment', increase: 10, unit: 'lb' },
        ],
        cycleEnd,
      },
      [
        [BENCH, '100', '102.5', '2.5', 'cycle_increment', null],
        [SQUAT, '140', '145', '5', 'cycle_increment', null],
      ],
    ],
    [
      'cycle end in kg for a lb lifter (5 lb increment): +2.5 kg → +5 lb, +5 kg → +10 lb',
      {
        rules: [
          { ...upper, kind: 'cycle_increment', increase: 2.5, unit: 'kg' },
          { ...lower, kind: 'cycle_increment', increase: 5, unit: 'kg' },
        ],
        tmExercises: tmsOf('225', '315'),
        lifter: { unit: 'lb', increment: '5' },
        cycleEnd,
      },
      [
        [BENCH, '225', '230', '5', 'cycle_increment', null],
        [SQUAT, '315', '325', '10', 'cycle_increment', null],
      ],
    ],
    [
      'percent cycle increment: TM × % rounded to the increment (100 × 5 % = 5; 140 × 2.5 % = 3.5 → 2.5)',
      {
        rules: [
          { ...upper, kind: 'cycle_increment', increase: 5, unit: 'percent' },
          { ...lower, kind: 'cycle_increment', increase: 2.5, unit: 'percent' },
        ],
        cycleEnd,
      },
      [
        [BENCH, '100', '105', '5', 'cycle_increment', null],
        [SQUAT, '140', '142.5', '2.5', 'cycle_increment', null],
      ],
    ],
    [
      'exercise cycle rule beats the category one; an exercise the cycle did not train gets nothing',
      {
        rules: [
          { ...upper, kind: 'cycle_increment', increase: 5, unit: 'kg' },
          { ...bench, kind: 'cycle_increment', increase: 1, unit: 'kg' },
        ],
        cycleEnd: { cycle: 1, trainedTmExerciseIds: [BENCH] },
      },
      [[BENCH, '100', '101', '1', 'cycle_increment', null]],
    ],
    [
      'cycle end adds to the session increase of the same workout',
      {
        sets: [logged(SQUAT, 8)],
        rules: [
          { ...lower, minReps: 6, maxReps: 99, increase: 5, unit: 'kg' },
          { ...lower, kind: 'cycle_increment', increase: 2.5, unit: 'kg' },
        ],
        cycleEnd,
      },
      [[SQUAT, '140', '147.5', '7.5', 'cycle_increment', 8]],
    ],
    [
      'deload week: sets move nothing, but a cycle ending on the deload still adds its increment',
      {
        sets: [logged(SQUAT, 8)],
        rules: [
          { ...lower, minReps: 0, maxReps: 99, increase: 5, unit: 'kg' },
          { ...lower, kind: 'cycle_increment', increase: 2.5, unit: 'kg' },
        ],
        isDeload: true,
        cycleEnd,
      },
      [[SQUAT, '140', '142.5', '2.5', 'cycle_increment', 8]],
    ],
    [
      'a cycle increment stops at the TM limit and says so',
      {
        rules: [{ ...lower, kind: 'cycle_increment', increase: 5, unit: 'kg' }],
        tmExercises: tmsOf('100', '998'),
        cycleEnd: { cycle: 3, trainedTmExerciseIds: [SQUAT] },
      },
      [[SQUAT, '998', '1000', '2', 'cycle_increment', null]],
    ],
  ])('%s', (_what, input, expected) => {
    expect(summary(run(input))).toEqual(expected);
  });

  it('flags a capped increase', () => {
    const result = run({
      rules: [{ ...lower, kind: 'cycle_increment', increase: 5, unit: 'kg' }],
      tmExercises: tmsOf('100', '998'),
      cycleEnd: { cycle: 3, trainedTmExerciseIds: [SQUAT] },
    });
    expect(result.outcomes[0]!.capped).toBe(true);
  });
});

describe('stall_reset', () => {
  const stall: AnyProgressionRule = { ...upper, kind: 'stall_reset', failures: 2, factor: '0.9' };
  const cycleBench: AnyProgressionRule = { ...upper, kind: 'cycle_increment', increase: 2.5, unit: 'kg' };

  it.each<[string, Partial<SessionProgressionInput>, unknown[][], Array<[number, number]>]>([
    [
      'a first miss counts 1, the TM is unchanged',
      { sets: [logged(BENCH, 3)], rules: [stall] },
      [[BENCH, '100', '100', '0', null, 3]],
      [[BENCH, 1]],
    ],
    [
      'the second miss resets (100 × 0.9) instead of the cycle increment, the count goes back to 0',
      { sets: [logged(BENCH, 4)], rules: [stall, cycleBench], stallCounts: new Map([[BENCH, 1]]), cycleEnd },
      [[BENCH, '100', '90', '-10', 'stall_reset', 4]],
      [[BENCH, 0]],
    ],
    [
      'a hit clears the count',
      { sets: [logged(BENCH, 5)], rules: [stall], stallCounts: new Map([[BENCH, 1]]) },
      [[BENCH, '100', '100', '0', null, 5]],
      [[BENCH, 0]],
    ],
    [
      'a deload miss does not count',
      { sets: [logged(BENCH, 1)], rules: [stall], stallCounts: new Map([[BENCH, 1]]), isDeload: true },
      [[BENCH, '100', '100', '0', null, 1]],
      [[BENCH, 1]],
    ],
    [
      'without a logged set the count stays (the squat keeps its input count)',
      { sets: [logged(BENCH, null)], rules: [stall], stallCounts: new Map([[SQUAT, 4]]) },
      [],
      [[SQUAT, 4]],
    ],
    [
      'the exercise stall rule beats the category one (1 failure, 0.8)',
      {
        sets: [logged(BENCH, 4)],
        rules: [stall, { ...bench, kind: 'stall_reset', failures: 1, factor: '0.8' }],
      },
      [[BENCH, '100', '80', '-20', 'stall_reset', 4]],
      [[BENCH, 0]],
    ],
    [
      'a reset is kept to 2 decimals (102.5 × 0.9 = 92.25; 101.15 × 0.9 = 91.035 → 91.04)',
      {
        sets: [logged(BENCH, 4), logged(SQUAT, 4)],
        rules: [stall, { ...lower, kind: 'stall_reset', failures: 1, factor: '0.9' }],
        tmExercises: tmsOf('102.5', '101.15'),
        stallCounts: new Map([[BENCH, 1]]),
      },
      [
        [BENCH, '102.5', '92.25', '-10.25', 'stall_reset', 4],
        [SQUAT, '101.15', '91.04', '-10.11', 'stall_reset', 4],
      ],
      [
        [BENCH, 0],
        [SQUAT, 0],
      ],
    ],
  ])('%s', (_what, input, expected, counts) => {
    const result = run(input);
    expect(summary(result)).toEqual(expected);
    expect([...result.stallCounts]).toEqual(counts);
  });

  it('two misses reset, then a hit and a miss count from 0 again', () => {
    let tms = tmsOf('100', '140');
    let stallCounts: ReadonlyMap<number, number> = new Map();
    const history: Array<[string, number]> = [];
    for (const reps of [4, 4, 5, 4]) {
      const result = run({ sets: [logged(BENCH, reps)], rules: [stall], tmExercises: tms, stallCounts });
      const newTM = result.outcomes[0]!.newTM;
      tms = tmsOf(newTM.toFixed(), '140');
      stallCounts = result.stallCounts;
      history.push([str(newTM), stallCounts.get(BENCH)!]);
    }
    expect(history).toEqual([
      ['100', 1],
      ['90', 0],
      ['90', 0],
      ['90', 1],
    ]);
  });
});

describe('findOverlappingRules with rule kinds', () => {
  it('compares only AMRAP-table rules (no kind counts as one)', () => {
    const rules: AnyProgressionRule[] = [
      { ...upper, minReps: 0, maxReps: 5, increase: 1, unit: 'kg' },
      { ...upper, kind: 'reps_over_target', increase: 1, unit: 'kg', maxSteps: null },
      { ...upper, kind: 'amrap_table', minReps: 5, maxReps: 9, increase: 1, unit: 'kg' },
      { ...upper, kind: 'stall_reset', failures: 2, factor: 0.9 },
    ];
    expect(findOverlappingRules(rules)).toEqual([{ first: 0, second: 2 }]);
  });
});

describe('progression judged on weight and reps: a set lighter than prescribed holds the TM', () => {
  const table = { ...upper, minReps: 6, maxReps: 99, increase: 5, unit: 'kg' as const };
  const stall: AnyProgressionRule = { ...upper, kind: 'stall_reset', failures: 2, factor: '0.9' };
  const weighed = (
    actualReps: number | null,
    actualWeight: string | null,
    prescribedWeight: string | null,
    setOrder = 1,
  ): SessionProgressionSet => ({ ...logged(BENCH, actualReps), setOrder, actualWeight, prescribedWeight });
  /** [newTM, increase, kind, amrapReps, held, stall count after] */
  it.each<[string, Partial<SessionProgressionInput>, unknown[]]>([
    [
      'at the prescribed weight → counts',
      { sets: [weighed(8, '85', '85')], rules: [table] },
      ['105', '5', 'amrap_table', 8, undefined, undefined],
    ],
    [
      'heavier than prescribed → counts',
      { sets: [weighed(8, '87.5', '85')], rules: [table] },
      ['105', '5', 'amrap_table', 8, undefined, undefined],
    ],
    [
      'no weight logged (done as prescribed) → counts',
      { sets: [weighed(8, null, '85')], rules: [table] },
      ['105', '5', 'amrap_table', 8, undefined, undefined],
    ],
    [
      '0.01 lighter → held',
      { sets: [weighed(12, '84.99', '85')], rules: [table] },
      ['100', '0', null, 12, 'lighter_than_prescribed', undefined],
    ],
    [
      'lighter and below the reps → no stall miss either',
      { sets: [weighed(2, '80', '85')], rules: [table, stall], stallCounts: new Map([[BENCH, 1]]) },
      ['100', '0', null, 2, 'lighter_than_prescribed', 1],
    ],
    [
      'lighter reps_over_target set → held',
      {
        sets: [weighed(10, '80', '85')],
        rules: [{ ...upper, kind: 'reps_over_target', increase: 1.25, unit: 'kg', maxSteps: null }],
      },
      ['100', '0', null, 10, 'lighter_than_prescribed', undefined],
    ],
    [
      'a lighter set first, a full-weight one later → the full-weight one decides',
      { sets: [weighed(12, '80', '85', 1), weighed(7, '85', '85', 2)], rules: [table] },
      ['105', '5', 'amrap_table', 7, undefined, undefined],
    ],
    [
      'held, but the cycle ends → the cycle increment still applies',
      {
        sets: [weighed(12, '80', '85')],
        rules: [table, { ...upper, kind: 'cycle_increment', increase: 2.5, unit: 'kg' }],
        cycleEnd: { cycle: 1, trainedTmExerciseIds: [BENCH] },
      },
      ['102.5', '2.5', 'cycle_increment', 12, 'lighter_than_prescribed', undefined],
    ],
    [
      'deload week: nothing judged, no held flag',
      { sets: [weighed(12, '60', '65')], rules: [table], isDeload: true },
      ['100', '0', null, 12, undefined, undefined],
    ],
  ])('%s', (_name, input, expected) => {
    const result = run(input);
    const o = result.outcomes.find((x) => x.exerciseId === BENCH)!;
    expect([str(o.newTM), str(o.increase), o.kind, o.amrapReps, o.held, result.stallCounts.get(BENCH)]).toEqual(
      expected,
    );
  });
});
