import {
  advancePointer,
  computeSessionProgression,
  convertWeight,
  toNumber,
  toStoredWeight,
  type AnyProgressionRule,
  type PlanPosition,
  type ProgressionOutcome,
  type ProgressionResultDto,
  type SessionProgressionSet,
  type Unit,
} from '@liftplan/domain';
import type { Tx } from '../db/prisma';
import { writeProgressStep, type CompletionContext, type PointerState, type ProgressWrite } from './workouts.sql';

// One step of a lifter through their plan, shared by completing a workout and skipping a day: move the pointer,
// end the cycle (exactly once per subscription and cycle), apply the progression rules, store TMs and stall counts.
// Runs inside the lifter's lock (training-maxes/lifter-lock.ts), after the workout row was written or flipped.

export type ProgressStep = {
  userId: number;
  /** The completed or skipped workout: TM rows and the result are recorded on it. */
  workoutId: number;
  /** The day done, when it moves the pointer (the workout belongs to the active subscription's current cycle). */
  movesPointer: boolean;
  state: PointerState;
  unit: Unit;
  increment: string;
  rules: CompletionContext['rules'];
  tmExercises: CompletionContext['tmExercises'];
  sets: SessionProgressionSet[];
  isDeload: boolean;
  /** A skip is not in doneDays yet when the state was read. */
  alsoDone?: PlanPosition;
  /** When it happened: a finite program's enrolment ends then. */
  at: Date;
};

export type ProgressResult = { next: PlanPosition | null; progression: ProgressionResultDto[] };

export async function applyProgressStep(tx: Tx, step: ProgressStep): Promise<ProgressResult> {
  const { write, ...result } = planProgressStep(step);
  await writeProgressStep(tx, write);
  return result;
}

/**
 * The step's outcome and everything it stores, without a round trip: the caller sends `write` (writeProgressStep,
 * or writeProgressAndReadWorkout to read the completed workout back in the same statement).
 */
export function planProgressStep(step: ProgressStep): ProgressResult & { write: ProgressWrite } {
  const { state } = step;
  const advance = step.movesPointer ? advanceFrom(state, step.alsoDone) : null;
  // Every claim of a cycle holds the lifter lock, so whether it is claimed was settled when the state was read.
  const endedCycle =
    advance?.completedCycle != null && state.userPlanId !== null && !state.cycleClaimed ? advance.completedCycle : null;
  const { outcomes, stallCounts } = computeSessionProgression({
    sets: step.sets,
    rules: step.rules.map(toEngineRule),
    tmExercises: currentTrainingMaxes(step),
    lifter: { unit: step.unit, increment: step.increment },
    isDeload: step.isDeload,
    stallCounts: new Map(Object.entries(state.stallCounts).map(([id, misses]) => [Number(id), misses])),
    cycleEnd: endedCycle !== null ? { cycle: endedCycle, trainedTmExerciseIds: state.cycleTrained } : null,
  });
  const progression = outcomes.map(toProgressionDto);
  const next = advance?.next ?? null;
  const write: ProgressWrite = {
    userId: step.userId,
    userPlanId: state.userPlanId,
    workoutId: step.workoutId,
    endedCycle,
    trainingMaxes: changedTrainingMaxes(outcomes),
    unit: step.unit,
    next,
    // The last session of a finite program (Smolov Jr, Candito) is done: the enrolment is completed.
    completesEnrolment: endedCycle !== null && state.planCycles !== null && endedCycle >= state.planCycles,
    at: step.at,
    stallCounts:
      state.userPlanId === null ? [] : [...stallCounts].map(([exerciseId, misses]) => ({ exerciseId, misses })),
    progression,
  };
  return { next, progression, write };
}

function advanceFrom(state: PointerState, alsoDone?: PlanPosition) {
  const done = new Set(state.doneDays.map(([w, d]) => `${w}:${d}`));
  if (alsoDone) done.add(`${alsoDone.weekNumber}:${alsoDone.dayNumber}`);
  return advancePointer(
    { cycle: state.cycle, weekNumber: state.weekNumber, dayNumber: state.dayNumber },
    state.weekDays,
    (weekNumber, dayNumber) => done.has(`${weekNumber}:${dayNumber}`),
  );
}

/** Current TMs in the lifter's unit, kept to two decimals. */
function currentTrainingMaxes(step: ProgressStep) {
  return new Map(
    step.tmExercises
      .filter((e) => e.trainingMax !== null)
      .map((e) => [
        e.id,
        {
          slug: e.slug,
          isUpperBody: e.isUpperBody,
          currentTm: toStoredWeight(convertWeight(e.trainingMax!, e.tmUnit ?? step.unit, step.unit)),
        },
      ]),
  );
}

/** A stored rule row (nullable per-kind columns) as the engine's rule union. */
export function toEngineRule(r: CompletionContext['rules'][number]): AnyProgressionRule {
  const scope = { exerciseId: r.exerciseId, category: r.category };
  switch (r.kind) {
    case 'reps_over_target':
      return { kind: r.kind, ...scope, increase: r.increase!, unit: r.unit as Unit, maxSteps: r.maxSteps };
    case 'cycle_increment':
      return { kind: r.kind, ...scope, increase: r.increase!, unit: r.unit as Unit | 'percent' };
    case 'stall_reset':
      return { kind: r.kind, ...scope, failures: r.failures!, factor: r.factor! };
    default:
      return {
        kind: 'amrap_table',
        ...scope,
        minReps: r.minReps!,
        maxReps: r.maxReps!,
        increase: r.increase!,
        unit: r.unit as Unit,
      };
  }
}

/** A new TM row for every outcome that moved its TM. */
function changedTrainingMaxes(outcomes: ProgressionOutcome[]) {
  return outcomes
    .filter((o) => !o.newTM.eq(o.previousTM))
    .map((o) => ({ exerciseId: o.exerciseId, weight: o.newTM.toString() }));
}

export const toProgressionDto = (o: ProgressionOutcome): ProgressionResultDto => ({
  exerciseId: o.exerciseId,
  slug: o.slug,
  previousTM: toNumber(o.previousTM),
  newTM: toNumber(o.newTM),
  increase: toNumber(o.increase),
  amrapReps: o.amrapReps,
  ...(o.kind && o.kind !== 'amrap_table' ? { kind: o.kind } : {}),
  ...(o.capped ? { capped: true as const } : {}),
  ...(o.held ? { held: o.held } : {}),
});
