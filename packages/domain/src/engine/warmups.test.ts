import { generateWorkoutSets, projectPlan, type GeneratedSet } from './index';
import { BENCH, ROWS, SQUAT, str, template } from './test-helpers';

const tms = new Map([
  [BENCH, '100'],
  [SQUAT, '140'],
]);
const kg = { increment: '2.5', rounding: 'nearest' as const };
const view = (sets: GeneratedSet[]) =>
  sets.map(
    (s) =>
      `${s.exerciseOrder}.${s.setOrder} ${s.kind} ${s.prescribedWeight ? str(s.prescribedWeight) : '-'}×${s.prescribedReps}`,
  );

function generate(
  templates: Parameters<typeof generateWorkoutSets>[0],
  lifter: Parameters<typeof generateWorkoutSets>[2],
) {
  const result = generateWorkoutSets(templates, tms, lifter);
  if (!result.ok) throw new Error('missing TMs');
  return result.sets;
}

describe('standard warm-ups: 40 %×5, 50 %×5, 60 %×3 of the first work set', () => {
  const day = [
    template({ exerciseOrder: 1, setOrder: 1, percentage: '0.85', reps: 5 }), // 85 kg
    template({ exerciseOrder: 1, setOrder: 2, percentage: '0.9', reps: 3, isAmrap: true, isProgression: true }),
  ];

  it('off (and the default) adds nothing', () => {
    expect(view(generate(day, { ...kg, warmups: 'off' }))).toEqual(view(generate(day, kg)));
    expect(generate(day, kg)).toHaveLength(2);
  });

  it('standard: three warm-ups in front, work sets renumbered after them', () => {
    expect(view(generate(day, { ...kg, warmups: 'standard' }))).toEqual([
      '1.1 warmup 35×5', // 34 → 35 (nearest 2.5)
      '1.2 warmup 42.5×5', // 42.5 exact
      '1.3 warmup 50×3', // 51 → 50
      '1.4 main 85×5',
      '1.5 main 90×3',
    ]);
  });

  it('warm-ups never progress, are never AMRAP, and rest 60 s', () => {
    const warmups = generate(day, { ...kg, warmups: 'standard' }).filter((s) => s.kind === 'warmup');
    expect(warmups.every((w) => !w.isProgression && !w.isAmrap && w.restSeconds === 60 && w.repsMax === null)).toBe(
      true,
    );
    expect(warmups.map((w) => str(w.percentage!))).toEqual(['0.34', '0.425', '0.51']);
  });

  it.each([
    ['nearest', '2.5', ['35', '42.5', '50']],
    ['down', '2.5', ['32.5', '42.5', '50']],
    ['nearest', '1', ['34', '43', '51']], // 42.5 exact half → up
    ['down', '5', ['30', '40', '50']],
  ] as const)('rounding %s at %s: %j', (rounding, increment, expected) => {
    const sets = generate(day, { increment, rounding, warmups: 'standard' });
    expect(sets.filter((s) => s.kind === 'warmup').map((s) => str(s.prescribedWeight!))).toEqual(expected);
  });

  it('the plan’s own warm-ups win: no generated ones for that lift', () => {
    const planned = [
      template({ setOrder: 1, kind: 'warmup', percentage: '0.3', reps: 8 }),
      ...day.map((t) => ({ ...t, setOrder: t.setOrder + 1 })),
    ];
    expect(view(generate(planned, { ...kg, warmups: 'standard' }))).toEqual([
      '1.1 warmup 30×8',
      '1.2 main 85×5',
      '1.3 main 90×3',
    ]);
  });

  it('only the first slot using each TM exercise; never supplemental or accessory slots', () => {
    const sets = generate(
      [
        template({ exerciseOrder: 1, tmExerciseId: SQUAT, percentage: '0.8', reps: 5 }), // 112.5
        template({ exerciseOrder: 2, tmExerciseId: SQUAT, percentage: '0.6', reps: 10, kind: 'supplemental' }),
        template({ exerciseOrder: 3, tmExerciseId: SQUAT, tier: 'T2', percentage: '0.7', reps: 8 }), // same lift again
        template({ exerciseOrder: 4, tmExerciseId: BENCH, tier: 'T2', percentage: '0.7', reps: 8 }), // first bench: yes
        template({ exerciseOrder: 5, tmExerciseId: ROWS, kind: 'accessory', percentage: null, reps: 12 }),
      ],
      { ...kg, warmups: 'standard' },
    );
    expect(view(sets)).toEqual([
      '1.1 warmup 45×5',
      '1.2 warmup 57.5×5', // 56.25 → 57.5
      '1.3 warmup 67.5×3',
      '1.4 main 112.5×5',
      '2.1 supplemental 85×10', // 84 → 85
      '3.1 main 97.5×8',
      '4.1 warmup 27.5×5', // 70 × 0.4 = 28 → 27.5
      '4.2 warmup 35×5',
      '4.3 warmup 42.5×3',
      '4.4 main 70×8',
      '5.1 accessory -×12',
    ]);
  });

  it('a supplemental-first slot (e.g. a BBB-only day) gets none; tiny weights drop warm-ups that round to nothing', () => {
    const light = new Map([[BENCH, '5']]);
    const result = generateWorkoutSets([template({ percentage: '1', reps: 5 })], light, { ...kg, warmups: 'standard' });
    // 5 kg: 2 → 2.5, 2.5 → 2.5, 3 → 2.5: each below 5, kept
    expect(result.ok && result.sets.map((s) => str(s.prescribedWeight!))).toEqual(['2.5', '2.5', '2.5', '5']);
    const zero = generateWorkoutSets([template({ percentage: '0.1', reps: 5 })], light, {
      ...kg,
      rounding: 'down',
      warmups: 'standard',
    });
    expect(zero.ok && zero.sets.map((s) => s.kind)).toEqual(['main']); // 0.5 kg work set: every warm-up rounds to 0
    const supplementalOnly = generate([template({ kind: 'supplemental', percentage: '0.5' })], {
      ...kg,
      warmups: 'standard',
    });
    expect(supplementalOnly.map((s) => s.kind)).toEqual(['supplemental']);
  });

  describe('never below the bar', () => {
    const bar20 = { ...kg, warmups: 'standard' as const, barWeight: '20' };
    const warmupWeights = (sets: GeneratedSet[]) =>
      sets.filter((s) => s.kind === 'warmup').map((s) => `${str(s.prescribedWeight!)}×${s.prescribedReps}`);
    const workAt = (tm: string, percentage: string) => {
      const result = generateWorkoutSets([template({ percentage, reps: 5 })], new Map([[BENCH, tm]]), bar20);
      if (!result.ok) throw new Error('missing TMs');
      return result.sets;
    };

    it('a heavy work set keeps every warm-up: all are above the bar', () => {
      expect(warmupWeights(generate(day, bar20))).toEqual(['35×5', '42.5×5', '50×3']);
    });

    it('warm-ups below the bar become one bar-only warm-up, then those above it', () => {
      // 45 kg: 18 → 17.5 and 22.5 → 22.5, 27 → 27.5: the first is under the 20 kg bar.
      expect(warmupWeights(workAt('45', '1'))).toEqual(['20×5', '22.5×5', '27.5×3']);
      // 35 kg: 14 → 15, 17.5, 21 → 20: the first two under the bar, the third on it — one bar-only set.
      expect(warmupWeights(workAt('35', '1'))).toEqual(['20×5']);
    });

    it('the bar-only warm-up is the share of the TM the bar is', () => {
      const [barOnly] = workAt('35', '1');
      expect(str(barOnly!.percentage!)).toBe('0.5714'); // 20 / 35 of a 100 % work set
    });

    it('a work set at or under the bar gets no warm-ups at all', () => {
      expect(workAt('20', '1').map((s) => s.kind)).toEqual(['main']);
      expect(workAt('15', '1').map((s) => s.kind)).toEqual(['main']);
    });

    it('without a bar weight (or a 0 kg "bar") nothing is clamped', () => {
      expect(
        warmupWeights(generate([template({ percentage: '0.35', reps: 5 })], { ...kg, warmups: 'standard' })),
      ).toEqual(['15×5', '17.5×5', '20×3']);
      const noBar = generateWorkoutSets([template({ percentage: '1', reps: 5 })], new Map([[BENCH, '35']]), {
        ...bar20,
        barWeight: '0',
      });
      expect(noBar.ok && warmupWeights(noBar.sets)).toEqual(['15×5', '17.5×5', '20×3']);
    });

    it('in lb with a 45 lb bar', () => {
      const lb = { increment: '5', rounding: 'nearest' as const, warmups: 'standard' as const, barWeight: '45' };
      const result = generateWorkoutSets([template({ percentage: '1', reps: 5 })], new Map([[BENCH, '135']]), lb);
      // 54 → 55, 67.5 → 70 (half up), 81 → 80: all above the bar.
      expect(result.ok && warmupWeights(result.sets)).toEqual(['55×5', '70×5', '80×3']);
      const light = generateWorkoutSets([template({ percentage: '1', reps: 5 })], new Map([[BENCH, '95']]), lb);
      // 38 → 40 and 47.5 → 50 (half up), 57: 40 is under the bar → one 45 lb set, then 50 and 55.
      expect(light.ok && warmupWeights(light.sets)).toEqual(['45×5', '50×5', '55×3']);
    });
  });

  it('the projection shows the same warm-ups, and they move no TM', () => {
    const plan = {
      cycleWeeks: 1,
      weeks: [{ weekNumber: 1, name: null, isDeload: false, days: [{ dayNumber: 1, name: null, templates: day }] }],
      rules: [
        {
          kind: 'amrap_table' as const,
          exerciseId: BENCH,
          category: null,
          minReps: 0,
          maxReps: 99,
          increase: '2.5',
          unit: 'kg' as const,
        },
      ],
    };
    const input = {
      plan,
      trainingMaxes: tms,
      weeks: 2,
      amrapExtraReps: 2,
      exercises: new Map([[BENCH, { slug: 'bench', isUpperBody: true }]]),
    };
    const withWarmups = projectPlan({ ...input, lifter: { unit: 'kg', ...kg, warmups: 'standard' } });
    const without = projectPlan({ ...input, lifter: { unit: 'kg', ...kg } });
    if (!withWarmups.ok || !without.ok) throw new Error('projection failed');
    expect(view(withWarmups.sessions[0]!.sets)).toEqual(view(generate(day, { ...kg, warmups: 'standard' })));
    expect(withWarmups.sessions.map((s) => str(s.trainingMaxes.get(BENCH)!))).toEqual(
      without.sessions.map((s) => str(s.trainingMaxes.get(BENCH)!)),
    );
  });
});
