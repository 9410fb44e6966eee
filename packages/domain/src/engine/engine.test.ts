import {
  computeProgression,
  convertWeight,
  dec,
  estimatedOneRepMax,
  findOverlappingRules,
  formatQuickEntry,
  generateWorkoutSets,
  MAX_ONE_REP_MAX,
  MAX_STORED_WEIGHT,
  MAX_TRAINING_MAX,
  parseQuickEntry,
  plateBreakdown,
  prescribedWeight,
  progressionIncrease,
  raiseTrainingMax,
  roundToIncrement,
  toStoredWeight,
  trainingMaxFromOneRepMax,
  type ProgressionRule,
} from './index';

const str = (d: { toString(): string }) => dec(d).toFixed();

describe('prescribedWeight: TM × percentage, half-up to the increment', () => {
  it.each([
    // tm, pct, increment, expected
    ['125', '0.85', '2.5', '107.5'], // 106.25 is an exact half: rounds up
    ['100', '0.65', '2.5', '65'],
    ['100', '0.95', '2.5', '95'],
    ['102.5', '0.65', '2.5', '67.5'], // 66.625 → 67.5
    ['101', '0.75', '2.5', '75'], // 75.75 → 75
    ['110', '0.75', '2.5', '82.5'], // 82.5 exact
    ['103', '0.75', '2.5', '77.5'], // 77.25 → 77.5 (nearest)
    ['100', '0.7125', '2.5', '72.5'], // 71.25 exact half → up
    ['90', '0.85', '1', '77'], // 76.5 exact half at 1 kg → 77
    ['90', '0.85', '0.5', '76.5'],
    ['225', '0.65', '5', '145'], // lb: 146.25 → 145
    ['225', '0.7', '5', '160'], // 157.5 exact half → 160
    ['315', '0.85', '5', '270'], // 267.75 → 270
    ['0.1', '3', '0.1', '0.3'], // binary float would give 0.30000000000000004
  ])('TM %s × %s at %s → %s', (tm, pct, inc, expected) => {
    expect(str(prescribedWeight(tm, pct, inc))).toBe(expected);
  });

  it('exact decimals: 0.85 × 125 = 106.25 before rounding', () => {
    expect(str(dec('125').mul('0.85'))).toBe('106.25');
  });

  it('rejects a non-positive increment', () => {
    expect(() => roundToIncrement(100, 0)).toThrow(RangeError);
  });
});

describe('training max from a one-rep max', () => {
  it.each([
    ['100', '90'],
    ['142.5', '128.25'],
    ['101.15', '91.04'], // 91.035 → 91.04 (half up at 2 decimals)
    ['315', '283.5'],
  ])('1RM %s → TM %s (90 %, 2 decimals, not plate-rounded)', (orm, tm) => {
    expect(str(trainingMaxFromOneRepMax(orm))).toBe(tm);
  });
});

describe('units', () => {
  it.each([
    ['100', 'kg', 'lb', '220.46'],
    ['220.46', 'lb', 'kg', '100'],
    ['45', 'lb', 'kg', '20.41'],
    ['20', 'kg', 'kg', '20'],
  ] as const)('%s %s → %s %s', (value, from, to, expected) => {
    expect(str(toStoredWeight(convertWeight(value, from, to)))).toBe(expected);
  });
});

const NSUNS_RULES: ProgressionRule[] = [
  { exerciseId: null, category: 'upper', minReps: 0, maxReps: 1, increase: 0, unit: 'kg' },
  { exerciseId: null, category: 'upper', minReps: 2, maxReps: 3, increase: 2.5, unit: 'kg' },
  { exerciseId: null, category: 'upper', minReps: 4, maxReps: 5, increase: 2.5, unit: 'kg' },
  { exerciseId: null, category: 'upper', minReps: 6, maxReps: 99, increase: 5, unit: 'kg' },
  { exerciseId: null, category: 'lower', minReps: 0, maxReps: 1, increase: 0, unit: 'kg' },
  { exerciseId: null, category: 'lower', minReps: 2, maxReps: 3, increase: 2.5, unit: 'kg' },
  { exerciseId: null, category: 'lower', minReps: 4, maxReps: 5, increase: 5, unit: 'kg' },
  { exerciseId: null, category: 'lower', minReps: 6, maxReps: 99, increase: 7.5, unit: 'kg' },
];
const BENCH = 1;
const SQUAT = 2;

describe('progression rules: inclusive ranges, exercise rule before category rule, else +0', () => {
  const kg = { lifterUnit: 'kg' as const, lifterIncrement: '2.5' };
  it.each([
    [BENCH, true, 0, '0'],
    [BENCH, true, 1, '0'],
    [BENCH, true, 2, '2.5'],
    [BENCH, true, 3, '2.5'],
    [BENCH, true, 5, '2.5'],
    [BENCH, true, 6, '5'],
    [BENCH, true, 99, '5'],
    [BENCH, true, 100, '0'], // outside every range
    [SQUAT, false, 1, '0'],
    [SQUAT, false, 3, '2.5'],
    [SQUAT, false, 4, '5'],
    [SQUAT, false, 5, '5'],
    [SQUAT, false, 6, '7.5'],
  ])('exercise %s (upper=%s), %s reps → +%s kg', (id, upper, reps, expected) => {
    expect(
      str(progressionIncrease(NSUNS_RULES, { tmExerciseId: id, tmExerciseIsUpperBody: upper, amrapReps: reps, ...kg })),
    ).toBe(expected);
  });

  it('an exercise-specific rule wins over the category rule', () => {
    const rules: ProgressionRule[] = [
      ...NSUNS_RULES,
      { exerciseId: BENCH, category: null, minReps: 6, maxReps: 99, increase: 1.25, unit: 'kg' },
    ];
    expect(
      str(progressionIncrease(rules, { tmExerciseId: BENCH, tmExerciseIsUpperBody: true, amrapReps: 8, ...kg })),
    ).toBe('1.25');
    // outside the exercise rule's range the category rule still applies
    expect(
      str(progressionIncrease(rules, { tmExerciseId: BENCH, tmExerciseIsUpperBody: true, amrapReps: 3, ...kg })),
    ).toBe('2.5');
  });

  it('no rules → +0', () => {
    expect(
      str(progressionIncrease([], { tmExerciseId: BENCH, tmExerciseIsUpperBody: true, amrapReps: 10, ...kg })),
    ).toBe('0');
  });

  it.each([
    ['2.5', '5', '5'],
    ['5', '5', '10'],
    ['7.5', '5', '15'], // 16.53 lb → 15 at 5 lb
    ['2.5', '2.5', '5'], // 5.51 → 5
  ])('a kg rule of +%s applied to a lb lifter (increment %s lb) → +%s lb', (increase, inc, expected) => {
    const rules: ProgressionRule[] = [
      { exerciseId: null, category: 'lower', minReps: 0, maxReps: 99, increase, unit: 'kg' },
    ];
    expect(
      str(
        progressionIncrease(rules, {
          tmExerciseId: SQUAT,
          tmExerciseIsUpperBody: false,
          amrapReps: 5,
          lifterUnit: 'lb',
          lifterIncrement: inc,
        }),
      ),
    ).toBe(expected);
  });

  it('a lb rule applied to a kg lifter converts back: +10 lb → +5 kg, +5 lb → +2.5 kg', () => {
    const rule = (increase: string): ProgressionRule[] => [
      { exerciseId: null, category: 'upper', minReps: 0, maxReps: 99, increase, unit: 'lb' },
    ];
    expect(
      str(progressionIncrease(rule('10'), { tmExerciseId: BENCH, tmExerciseIsUpperBody: true, amrapReps: 5, ...kg })),
    ).toBe('5');
    expect(
      str(progressionIncrease(rule('5'), { tmExerciseId: BENCH, tmExerciseIsUpperBody: true, amrapReps: 5, ...kg })),
    ).toBe('2.5');
  });

  it('finds overlapping ranges within a scope only', () => {
    expect(findOverlappingRules(NSUNS_RULES)).toEqual([]);
    const overlapping = [
      { exerciseId: null, category: 'upper' as const, minReps: 0, maxReps: 3 },
      { exerciseId: null, category: 'upper' as const, minReps: 3, maxReps: 5 }, // shares 3 (inclusive)
      { exerciseId: null, category: 'lower' as const, minReps: 0, maxReps: 5 },
      { exerciseId: 7, category: null, minReps: 0, maxReps: 5 },
    ];
    expect(findOverlappingRules(overlapping)).toEqual([{ first: 0, second: 1 }]);
  });
});

describe('workout generation', () => {
  const templates = [
    {
      exerciseId: 5,
      tmExerciseId: BENCH,
      exerciseOrder: 2,
      displayName: null,
      tier: 'T2',
      setOrder: 1,
      percentage: '0.4',
      reps: 6,
      isAmrap: false,
      isProgression: false,
    },
    {
      exerciseId: BENCH,
      tmExerciseId: BENCH,
      exerciseOrder: 1,
      displayName: null,
      tier: 'T1',
      setOrder: 2,
      percentage: '0.95',
      reps: 1,
      isAmrap: true,
      isProgression: true,
    },
    {
      exerciseId: BENCH,
      tmExerciseId: BENCH,
      exerciseOrder: 1,
      displayName: null,
      tier: 'T1',
      setOrder: 1,
      percentage: '0.85',
      reps: 3,
      isAmrap: false,
      isProgression: false,
    },
  ].map((t) => ({ ...t, kind: 'main' as const, repsMax: null, incrementOffset: 0, restSeconds: null }));
  it('prescribes every set from the TM exercise and orders by slot then set', () => {
    const result = generateWorkoutSets(templates, new Map([[BENCH, '125']]), { increment: '2.5' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.sets.map((s) => [s.exerciseOrder, s.setOrder, str(s.prescribedWeight!), s.prescribedReps])).toEqual([
      [1, 1, '107.5', 3],
      [1, 2, '120', 1], // 118.75 is an exact half at 2.5 → 120
      [2, 1, '50', 6],
    ]);
  });
  it('reports the TM exercises without a TM', () => {
    expect(generateWorkoutSets(templates, new Map(), { increment: '2.5' })).toEqual({
      ok: false,
      missingTmExerciseIds: [BENCH],
    });
  });
});

describe('completion progression', () => {
  const tms = new Map([
    [BENCH, { slug: 'bench-press', isUpperBody: true, currentTm: '100' }],
    [SQUAT, { slug: 'squat', isUpperBody: false, currentTm: '140' }],
  ]);
  it('raises each TM exercise once, from its first progression set; unlogged sets are skipped', () => {
    const outcomes = computeProgression(
      [
        { tmExerciseId: SQUAT, exerciseOrder: 1, setOrder: 3, actualReps: 6 },
        { tmExerciseId: BENCH, exerciseOrder: 2, setOrder: 9, actualReps: null },
        { tmExerciseId: SQUAT, exerciseOrder: 3, setOrder: 1, actualReps: 2 },
      ],
      NSUNS_RULES,
      tms,
      { unit: 'kg', increment: '2.5' },
    );
    expect(
      outcomes.map((o) => [o.slug, str(o.previousTM), str(o.newTM), str(o.increase), o.amrapReps, o.capped]),
    ).toEqual([['squat', '140', '147.5', '7.5', 6, false]]);
  });

  it('stops at the training max limit and says so', () => {
    const nearLimit = new Map([[SQUAT, { slug: 'squat', isUpperBody: false, currentTm: '995' }]]);
    const [outcome] = computeProgression(
      [{ tmExerciseId: SQUAT, exerciseOrder: 1, setOrder: 1, actualReps: 6 }],
      NSUNS_RULES,
      nearLimit,
      { unit: 'kg', increment: '2.5' },
    );
    expect([str(outcome!.previousTM), str(outcome!.newTM), str(outcome!.increase), outcome!.capped]).toEqual([
      '995',
      '1000',
      '5',
      true,
    ]);
  });
});

describe('training max limit', () => {
  it.each<[string, string, 'kg' | 'lb', string, string, boolean]>([
    // previous, increase, unit → newTM, increase, capped
    ['100', '7.5', 'kg', '107.5', '7.5', false],
    ['992.5', '7.5', 'kg', '1000', '7.5', false], // lands exactly on the limit
    ['995', '7.5', 'kg', '1000', '5', true],
    ['1000', '2.5', 'kg', '1000', '0', true],
    ['1000', '0', 'kg', '1000', '0', false], // nothing was cut
    ['9999.99', '7.5', 'kg', '9999.99', '0', true], // stored before the limit: stays, never lowered
    ['1500', '5', 'lb', '1505', '5', false], // 1500 is above the kg limit, not the lb one
    ['2190', '15', 'lb', '2200', '10', true],
  ])('%s + %s %s → %s (+%s), capped %s', (previous, increase, unit, newTM, applied, capped) => {
    const raise = raiseTrainingMax(previous, increase, unit);
    expect([str(raise.newTM), str(raise.increase), raise.capped]).toEqual([newTM, applied, capped]);
  });

  it.each(['kg', 'lb'] as const)(
    'MAX_ONE_REP_MAX (%s) is the heaviest 1RM whose 90 %% stays within MAX_TRAINING_MAX',
    (unit) => {
      expect(str(trainingMaxFromOneRepMax(MAX_ONE_REP_MAX[unit]))).toBe(str(MAX_TRAINING_MAX[unit]));
      expect(trainingMaxFromOneRepMax(MAX_ONE_REP_MAX[unit].plus('0.01')).gt(MAX_TRAINING_MAX[unit])).toBe(true);
    },
  );

  it.each(['kg', 'lb'] as const)(
    'every weight prescribed from a %s TM at the limit fits Decimal(6,2), also converted',
    (unit) => {
      // Plans allow percentages up to 1.5 and increments up to 50.
      const heaviest = prescribedWeight(MAX_TRAINING_MAX[unit], '1.5', '50');
      expect(heaviest.lte(MAX_STORED_WEIGHT)).toBe(true);
      const other = unit === 'kg' ? 'lb' : 'kg';
      expect(toStoredWeight(convertWeight(MAX_TRAINING_MAX[unit], unit, other)).lte(MAX_STORED_WEIGHT)).toBe(true);
    },
  );
});

describe('plates per side', () => {
  it.each([
    ['100', '20', ['25', '20', '15', '10', '5', '2.5', '1.25'], ['25', '15'], '0'],
    ['107.5', '20', ['25', '20', '15', '10', '5', '2.5', '1.25'], ['25', '15', '2.5', '1.25'], '0'],
    ['225', '45', ['45', '35', '25', '10', '5', '2.5'], ['45', '45'], '0'],
    ['61', '20', ['20', '10', '5'], ['20'], '0.5'],
  ])('%s on a %s bar', (total, bar, plates, perSide, remainder) => {
    const b = plateBreakdown(total, bar, plates);
    expect(b.perSide.map(str)).toEqual(perSide);
    expect(str(b.remainderPerSide)).toBe(remainder);
  });
  it('flags a weight below the bar', () => {
    expect(plateBreakdown('15', '20', ['5']).belowBar).toBe(true);
  });
});

describe('estimated one-rep max (Epley)', () => {
  it.each([
    ['100', 1, '100'],
    ['100', 5, '116.67'],
    ['60', 10, '80'],
  ])('%s × %s → %s', (w, reps, expected) => {
    expect(str(estimatedOneRepMax(w, reps))).toBe(expected);
  });
});

describe('quick entry', () => {
  it('parses the nSuns bench volume shorthand', () => {
    const parsed = parseQuickEntry('65x8, 75x6, 85x4x3, 80x5, 75x6, 70x7, 65x8+');
    expect(parsed.ok && parsed.sets.map((s) => `${s.percentage}/${s.reps}/${s.isAmrap}`)).toEqual([
      '0.65/8/false',
      '0.75/6/false',
      '0.85/4/false',
      '0.85/4/false',
      '0.85/4/false',
      '0.8/5/false',
      '0.75/6/false',
      '0.7/7/false',
      '0.65/8/true',
    ]);
  });
  it('round-trips through the formatter', () => {
    const text = '65x8, 75x6, 85x4x3, 80x5, 75x6, 70x7, 65x8+';
    const parsed = parseQuickEntry(text);
    expect(parsed.ok && formatQuickEntry(parsed.sets)).toBe(text);
  });
  it.each(['', '65', '65x', 'x8', '160x5', '65x0', 'abc'])('rejects %p', (text) => {
    expect(parseQuickEntry(text).ok).toBe(false);
  });
});
