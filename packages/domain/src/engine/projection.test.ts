import { projectPlan, type ProjectionInput, type ProjectionPlan } from './index';
import { BENCH, ROWS, SQUAT, str, template } from './test-helpers';

const squatDay = (pcts: string[], reps: number, progression: boolean) =>
  pcts.map((percentage, i) =>
    template({
      tmExerciseId: SQUAT,
      setOrder: i + 1,
      percentage,
      reps,
      isAmrap: progression && i === pcts.length - 1,
      isProgression: progression && i === pcts.length - 1,
    }),
  );
const benchDay = (pcts: string[], reps: number) => [
  ...pcts.map((percentage, i) =>
    template({ tmExerciseId: BENCH, setOrder: i + 1, percentage, reps, ...(i === pcts.length - 1 && amrap) }),
  ),
  template({ tmExerciseId: ROWS, exerciseOrder: 2, kind: 'accessory', percentage: null, reps: 10, repsMax: 12 }),
];
const amrap = { isAmrap: true, isProgression: true };

/** A 3-week wave ending on a deload; squat gains per cycle, bench per rep over target. */
const wave: ProjectionPlan = {
  cycleWeeks: 3,
  weeks: [
    {
      weekNumber: 1,
      name: '5s',
      isDeload: false,
      days: [
        { dayNumber: 1, name: 'Squat', templates: squatDay(['0.65', '0.75', '0.85'], 5, true) },
        { dayNumber: 2, name: 'Bench', templates: benchDay(['0.7', '0.8'], 5) },
      ],
    },
    {
      weekNumber: 2,
      name: '3s',
      isDeload: false,
      days: [
        { dayNumber: 1, name: 'Squat', templates: squatDay(['0.7', '0.8', '0.9'], 3, true) },
        { dayNumber: 2, name: 'Bench', templates: benchDay(['0.75'], 3) },
      ],
    },
    {
      weekNumber: 3,
      name: 'Deload',
      isDeload: true,
      days: [
        {
          dayNumber: 1,
          name: 'Both',
          templates: [
            ...squatDay(['0.4', '0.5', '0.6'], 5, false),
            template({ tmExerciseId: BENCH, exerciseOrder: 2, percentage: '0.5' }),
          ],
        },
      ],
    },
  ],
  rules: [
    { exerciseId: null, category: 'lower', kind: 'cycle_increment', increase: 5, unit: 'kg' },
    { exerciseId: null, category: 'upper', kind: 'reps_over_target', increase: 1.25, unit: 'kg', maxSteps: 2 },
  ],
};

const input = (overrides: Partial<ProjectionInput> = {}): ProjectionInput => ({
  plan: wave,
  trainingMaxes: new Map([
    [SQUAT, '100'],
    [BENCH, '80'],
  ]),
  weeks: 6,
  amrapExtraReps: 2,
  lifter: { unit: 'kg', increment: '2.5', rounding: 'nearest' },
  exercises: new Map([
    [SQUAT, { slug: 'squat', isUpperBody: false }],
    [BENCH, { slug: 'bench-press', isUpperBody: true }],
  ]),
  ...overrides,
});

describe('projectPlan', () => {
  it('projects a 3-week cycle over 2 cycles: weights from the current TMs, TMs moved by the same progression', () => {
    const result = projectPlan(input());
    if (!result.ok) throw new Error('expected sessions');
    expect(
      result.sessions.map((s) => [
        `${s.cycle}.${s.weekNumber}.${s.dayNumber}`,
        s.sets.map((set) => (set.prescribedWeight === null ? '-' : str(set.prescribedWeight))).join(' '),
        [...s.trainingMaxes]
          .sort(([a], [b]) => a - b)
          .map(([id, tm]) => `${id}=${str(tm)}`)
          .join(' '),
        s.progression.map((o) => `${o.slug} ${str(o.newTM)} ${o.kind}`).join(', '),
      ]),
    ).toEqual([
      ['1.1.1', '65 75 85', '1=80 2=100', 'squat 100 null'], // 7 reps, squat has no per-session rule
      ['1.1.2', '55 65 -', '1=80 2=100', 'bench-press 82.5 reps_over_target'], // 7 vs 5 → 2 × 1.25
      ['1.2.1', '70 80 90', '1=82.5 2=100', 'squat 100 null'],
      ['1.2.2', '62.5 -', '1=82.5 2=100', 'bench-press 85 reps_over_target'], // 61.875 → 62.5
      ['1.3.1', '40 50 60 42.5', '1=85 2=100', 'squat 105 cycle_increment'], // deload ends the cycle
      ['2.1.1', '67.5 80 90', '1=85 2=105', 'squat 105 null'],
      ['2.1.2', '60 67.5 -', '1=85 2=105', 'bench-press 87.5 reps_over_target'],
      ['2.2.1', '72.5 85 95', '1=87.5 2=105', 'squat 105 null'],
      ['2.2.2', '65 -', '1=87.5 2=105', 'bench-press 90 reps_over_target'],
      ['2.3.1', '42.5 52.5 62.5 45', '1=90 2=105', 'squat 110 cycle_increment'],
    ]);
    expect(result.sessions.map((s) => s.dayName)).toEqual([
      'Squat',
      'Bench',
      'Squat',
      'Bench',
      'Both',
      'Squat',
      'Bench',
      'Squat',
      'Bench',
      'Both',
    ]);
  });

  it.each([
    [1, 2],
    [3, 5],
    [4, 7],
  ])('%s weeks of training → %s sessions (stops mid-cycle without a cycle end)', (weeks, count) => {
    const result = projectPlan(input({ weeks }));
    expect(result.ok && result.sessions.length).toBe(count);
  });

  it('AMRAPs missed by 3 reps raise no TM per session; the cycle increment still applies', () => {
    const result = projectPlan(input({ weeks: 3, amrapExtraReps: -3 }));
    if (!result.ok) throw new Error('expected sessions');
    expect(result.sessions.flatMap((s) => s.progression.map((o) => `${o.slug} ${str(o.newTM)}`))).toEqual([
      'squat 100',
      'bench-press 80',
      'squat 100',
      'bench-press 80',
      'squat 105',
    ]);
  });

  it('checks missing TMs up front over every week, but not for sets without percentage', () => {
    expect(projectPlan(input({ weeks: 1, trainingMaxes: new Map([[SQUAT, '100']]) }))).toEqual({
      ok: false,
      missingTmExerciseIds: [BENCH],
    });
  });

  it('uses the lifter rounding', () => {
    const result = projectPlan(input({ weeks: 1, lifter: { unit: 'kg', increment: '2.5', rounding: 'down' } }));
    if (!result.ok) throw new Error('expected sessions');
    expect(result.sessions[1]!.sets.map((s) => s.prescribedWeight && str(s.prescribedWeight))).toEqual([
      '55',
      '62.5',
      null,
    ]);
  });
});
