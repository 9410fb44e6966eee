import fc from 'fast-check';
import {
  advancePointer,
  computeSessionProgression,
  dec,
  generateWorkoutSets,
  projectPlan,
  trainedTmExerciseIds,
  type AnyProgressionRule,
  type Decimal,
  type GeneratedSet,
  type PlanPosition,
  type PrescribedSetTemplate,
  type ProjectionInput,
  type ProjectionPlan,
  type TmExerciseInfo,
} from './index';
import { template } from './test-helpers';

const TM_EXERCISES = [1, 2, 3];
const EXERCISES = new Map([
  [1, { slug: 'bench', isUpperBody: true }],
  [2, { slug: 'squat', isUpperBody: false }],
  [3, { slug: 'press', isUpperBody: true }],
]);

const weightedSet = fc.record({
  tmExerciseId: fc.constantFrom(...TM_EXERCISES),
  kind: fc.constantFrom('warmup' as const, 'main' as const, 'supplemental' as const, 'accessory' as const),
  percentage: fc.integer({ min: 3000, max: 11000 }).map((p) => dec(p).div(10000).toFixed()),
  reps: fc.integer({ min: 1, max: 10 }),
  incrementOffset: fc.integer({ min: -2, max: 2 }),
  isAmrap: fc.boolean(),
  isProgression: fc.boolean(),
});
const accessorySet = fc.record({ tmExerciseId: fc.integer({ min: 1, max: 9 }), reps: fc.integer({ min: 5, max: 15 }) });

const daySets = fc
  .array(
    fc.oneof(
      weightedSet,
      accessorySet.map((s) => ({ ...s, kind: 'accessory' as const, percentage: null })),
    ),
    {
      minLength: 1,
      maxLength: 4,
    },
  )
  .map((sets): PrescribedSetTemplate[] =>
    sets.map((s, i) => {
      const canProgress = (s.kind === 'main' || s.kind === 'supplemental') && s.percentage !== null;
      const progression = canProgress && 'isProgression' in s && s.isProgression;
      return template({ ...s, exerciseOrder: (i % 2) + 1, setOrder: i + 1, isProgression: progression });
    }),
  );

const scope = fc.oneof(
  fc.constantFrom(...TM_EXERCISES).map((exerciseId) => ({ exerciseId, category: null })),
  fc.constantFrom('upper' as const, 'lower' as const).map((category) => ({ exerciseId: null, category })),
);
const unit = fc.constantFrom('kg' as const, 'lb' as const);
const increase = fc.constantFrom('0', '1', '1.25', '2.5', '5', '10');
const rule: fc.Arbitrary<AnyProgressionRule> = fc.oneof(
  fc
    .record({ scope, minReps: fc.integer({ min: 0, max: 6 }), span: fc.integer({ min: 0, max: 10 }), increase, unit })
    .map(({ scope, minReps, span, ...r }) => ({ ...scope, ...r, minReps, maxReps: minReps + span })),
  fc.record({ scope, increase, unit, maxSteps: fc.option(fc.integer({ min: 1, max: 3 })) }).map(({ scope, ...r }) => ({
    ...scope,
    ...r,
    kind: 'reps_over_target' as const,
  })),
  fc
    .record({ scope, increase, unit: fc.constantFrom('kg' as const, 'lb' as const, 'percent' as const) })
    .map(({ scope, ...r }) => ({ ...scope, ...r, kind: 'cycle_increment' as const })),
  fc
    .record({ scope, failures: fc.integer({ min: 1, max: 3 }), factor: fc.constantFrom('0.9', '0.85', '0.5') })
    .map(({ scope, ...r }) => ({ ...scope, ...r, kind: 'stall_reset' as const })),
);

const plan: fc.Arbitrary<ProjectionPlan> = fc
  .record({
    weeks: fc.array(fc.record({ isDeload: fc.boolean(), days: fc.array(daySets, { minLength: 1, maxLength: 3 }) }), {
      minLength: 1,
      maxLength: 4,
    }),
    rules: fc.array(rule, { maxLength: 6 }),
  })
  .map(({ weeks, rules }) => ({
    cycleWeeks: weeks.length,
    rules,
    weeks: weeks.map((w, i) => ({
      weekNumber: i + 1,
      name: null,
      isDeload: w.isDeload,
      days: w.days.map((templates, d) => ({ dayNumber: d + 1, name: `D${d + 1}`, templates })),
    })),
  }));

const projectionInput: fc.Arbitrary<ProjectionInput> = fc.record({
  plan,
  trainingMaxes: fc
    .tuple(...TM_EXERCISES.map(() => fc.integer({ min: 40, max: 600 })))
    .map((tms) => new Map(tms.map((halfKg, i) => [TM_EXERCISES[i]!, dec(halfKg).div(2)]))),
  weeks: fc.integer({ min: 1, max: 9 }),
  amrapExtraReps: fc.integer({ min: -3, max: 5 }),
  lifter: fc.record({
    unit,
    increment: fc.constantFrom('1', '2.5', '5'),
    rounding: fc.constantFrom('nearest' as const, 'down' as const),
  }),
  exercises: fc.constant(EXERCISES),
});

/** The projection written out step by step with the engine's building blocks. */
function trainStepByStep(input: ProjectionInput) {
  const { plan } = input;
  const weekDays = plan.weeks.map((w) => w.days.length);
  const tms = new Map<number, Decimal>([...input.trainingMaxes].map(([id, tm]) => [id, dec(tm)]));
  let stallCounts: ReadonlyMap<number, number> = new Map();
  let done: string[] = [];
  let cycleSets: GeneratedSet[] = [];
  let pointer: PlanPosition = { cycle: 1, weekNumber: 1, dayNumber: 1 };
  const sessions = [];
  while ((pointer.cycle - 1) * plan.cycleWeeks + pointer.weekNumber <= input.weeks) {
    const week = plan.weeks[pointer.weekNumber - 1]!;
    const generated = generateWorkoutSets(week.days[pointer.dayNumber - 1]!.templates, tms, input.lifter);
    if (!generated.ok) throw new Error('TMs are given for every exercise');
    const tmsBefore = new Map(tms);
    cycleSets = [...cycleSets, ...generated.sets];
    done = [...done, `${pointer.weekNumber}:${pointer.dayNumber}`];
    const step = advancePointer(pointer, weekDays, (w, d) => done.includes(`${w}:${d}`));
    const tmExercises = new Map<number, TmExerciseInfo>(
      [...tms].map(([id, currentTm]) => [id, { ...EXERCISES.get(id)!, currentTm }]),
    );
    const progressionSets = generated.sets
      .filter((s) => s.isProgression)
      .map((s) => ({
        ...s,
        actualReps: s.isAmrap ? Math.max(0, s.prescribedReps + input.amrapExtraReps) : s.prescribedReps,
      }));
    const result = computeSessionProgression({
      sets: progressionSets,
      rules: plan.rules,
      tmExercises,
      lifter: input.lifter,
      isDeload: week.isDeload,
      stallCounts,
      cycleEnd:
        step.completedCycle === null
          ? null
          : { cycle: step.completedCycle, trainedTmExerciseIds: trainedTmExerciseIds(cycleSets) },
    });
    result.outcomes.forEach((o) => tms.set(o.exerciseId, o.newTM));
    stallCounts = result.stallCounts;
    if (step.completedCycle !== null) [done, cycleSets] = [[], []];
    sessions.push({ ...pointer, sets: generated.sets, tmsBefore, outcomes: result.outcomes });
    pointer = step.next;
  }
  return sessions;
}

const fixed = (d: Decimal | null) => (d === null ? null : d.toFixed());

describe('projectPlan property', () => {
  it('equals training the plan day by day with generateWorkoutSets, advancePointer and computeSessionProgression', () => {
    fc.assert(
      fc.property(projectionInput, (input) => {
        const projected = projectPlan(input);
        if (!projected.ok) throw new Error(`missing TMs ${projected.missingTmExerciseIds.join(', ')}`);
        const expected = trainStepByStep(input);
        expect(projected.sessions.length).toBe(expected.length);
        projected.sessions.forEach((session, i) => {
          const step = expected[i]!;
          expect([session.cycle, session.weekNumber, session.dayNumber]).toEqual([
            step.cycle,
            step.weekNumber,
            step.dayNumber,
          ]);
          expect(session.sets.map((s) => fixed(s.prescribedWeight))).toEqual(
            step.sets.map((s) => fixed(s.prescribedWeight)),
          );
          for (const [id, tm] of session.trainingMaxes) expect(tm.toFixed()).toBe(step.tmsBefore.get(id)!.toFixed());
          expect(session.progression.map((o) => [o.exerciseId, o.newTM.toFixed(), o.kind])).toEqual(
            step.outcomes.map((o) => [o.exerciseId, o.newTM.toFixed(), o.kind]),
          );
        });
      }),
      { numRuns: 150 },
    );
  });
});
