import {
  generateWorkoutSets,
  prescribedWeight,
  roundToIncrement,
  trainedTmExerciseIds,
  type RoundingMode,
} from './index';
import { BENCH, ROWS, SQUAT, str, template } from './test-helpers';

describe('roundToIncrement: nearest (halves up) vs down (never above the value)', () => {
  it.each([
    // value, increment, nearest, down, what it checks
    ['106.25', '2.5', '107.5', '105', 'an exact half'],
    ['85', '5', '85', '85', 'a value on a multiple stays'],
    ['157.5', '5', '160', '155', 'an exact half in lb'],
    ['77.25', '2.5', '77.5', '75', 'nearest is above, down below'],
    ['75.75', '2.5', '75', '75', 'nearest is below'],
    ['76.5', '1', '77', '76', 'a half at 1 kg'],
    ['0.3', '0.1', '0.3', '0.3', 'no binary float error'],
    ['2.49', '2.5', '2.5', '0', 'down can reach 0'],
  ])('%s at %s → nearest %s, down %s (%s)', (value, inc, nearest, down) => {
    expect(str(roundToIncrement(value, inc))).toBe(nearest);
    expect(str(roundToIncrement(value, inc, 'nearest'))).toBe(nearest);
    expect(str(roundToIncrement(value, inc, 'down'))).toBe(down);
  });
});

describe('prescribedWeight: rounding mode and increment offset', () => {
  it.each<[string, string, string, RoundingMode, number, string, string]>([
    // tm, pct, increment, mode, offset → weight, what it checks
    ['125', '0.85', '2.5', 'nearest', 0, '107.5', 'default behaviour'],
    ['125', '0.85', '2.5', 'down', 0, '105', 'down rounding'],
    ['100', '0.85', '5', 'nearest', 0, '85', 'lb, exact multiple'],
    ['100', '0.85', '5', 'down', 0, '85', 'lb, exact multiple, down'],
    ['225', '0.7', '5', 'down', 0, '155', 'lb tie rounded down'],
    ['100', '0.7', '2.5', 'nearest', 1, '72.5', '+1 increment after rounding'],
    ['100', '0.7', '2.5', 'nearest', -1, '67.5', '−1 increment'],
    ['103', '0.75', '2.5', 'down', 2, '80', 'offset added to the rounded-down weight'],
    ['100', '0.7', '1', 'nearest', 3, '73', 'offset counts the lifter increment'],
    ['10', '0.5', '2.5', 'nearest', -3, '0', 'never below 0'],
  ])('TM %s × %s at %s, %s, offset %s → %s (%s)', (tm, pct, inc, mode, offset, expected) => {
    expect(str(prescribedWeight(tm, pct, inc, mode, offset))).toBe(expected);
  });
});

describe('generateWorkoutSets with set kinds', () => {
  const day = [
    template({ exerciseOrder: 1, setOrder: 1, kind: 'warmup', percentage: '0.4' }),
    template({ exerciseOrder: 1, setOrder: 2, kind: 'main', percentage: '0.85', incrementOffset: 1 }),
    template({ exerciseOrder: 2, setOrder: 1, kind: 'accessory', tmExerciseId: ROWS, percentage: null, repsMax: 12 }),
    template({ exerciseOrder: 3, setOrder: 1, kind: 'supplemental', tmExerciseId: SQUAT, percentage: '0.5' }),
  ];
  const tms = new Map([
    [BENCH, '125'],
    [SQUAT, '101'],
  ]);

  it.each<[RoundingMode, Array<string | null>]>([
    ['nearest', ['50', '110', null, '50']], // 106.25 → 107.5 + 2.5; 50.5 → 50
    ['down', ['50', '107.5', null, '50']], // 106.25 → 105 + 2.5
  ])('%s: warm-ups prescribed from the TM, accessories without % get no weight', (rounding, weights) => {
    const result = generateWorkoutSets(day, tms, { increment: '2.5', rounding });
    if (!result.ok) throw new Error('expected sets');
    expect(result.sets.map((s) => (s.prescribedWeight === null ? null : str(s.prescribedWeight)))).toEqual(weights);
    expect(result.sets[2]).toMatchObject({ percentage: null, prescribedWeight: null, repsMax: 12, kind: 'accessory' });
  });

  it('needs no TM for an exercise used only by sets without percentage', () => {
    expect(generateWorkoutSets(day, tms, { increment: '2.5' }).ok).toBe(true);
  });

  it('reports the TMs of %-sets that are missing, in order of use', () => {
    expect(generateWorkoutSets(day, new Map(), { increment: '2.5' })).toEqual({
      ok: false,
      missingTmExerciseIds: [BENCH, SQUAT],
    });
  });

  it('trainedTmExerciseIds: weighted main and supplemental sets only, first use first', () => {
    const sets = [
      { tmExerciseId: 7, kind: 'warmup' as const, percentage: '0.4' },
      { tmExerciseId: SQUAT, kind: 'supplemental' as const, percentage: '0.5' },
      { tmExerciseId: ROWS, kind: 'accessory' as const, percentage: null },
      { tmExerciseId: 8, kind: 'accessory' as const, percentage: '0.5' },
      { tmExerciseId: BENCH, kind: 'main' as const, percentage: '0.8' },
      { tmExerciseId: SQUAT, kind: 'main' as const, percentage: '0.8' },
    ];
    expect(trainedTmExerciseIds(sets)).toEqual([SQUAT, BENCH]);
  });
});
