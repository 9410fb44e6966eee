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
import { nextEffectiveDate } from '../training-maxes/lifter-lock';
import { claimCompletedCycle, writePointerState, type CompletionContext, type PointerState } from './workouts.sql';

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
  const { state } = step;
  const advance = step.movesPointer ? advanceFrom(state, step.alsoDone) : null;
  const cycleEnded =
    advance?.completedCycle != null &&
    state.userPlanId !== null &&
    (await claimCompletedCycle(tx, state.userPlanId, advance.completedCycle, step.workoutId));
  const { outcomes, stallCounts } = computeSessionProgression({
    sets: step.sets,
    rules: step.rules.map(toEngineRule),
    tmExercises: currentTrainingMaxes(step),
    lifter: { unit: step.unit, increment: step.increment },
    isDeload: step.isDeload,
    stallCounts: new Map(Object.entries(state.stallCounts).map(([id, misses]) => [Number(id), misses])),
    cycleEnd: cycleEnded ? { cycle: advance!.completedCycle!, trainedTmExerciseIds: state.cycleTrained } : null,
  });
  await recordTrainingMaxes(tx, step.userId, step.workoutId, step.unit, outcomes);
  const progression = outcomes.map(toProgressionDto);
  if (cycleEnded && state.planCycles !== null && advance!.completedCycle! >= state.planCycles) {
    await completeEnrolment(tx, state.userPlanId!, step.at);
  }
  await writePointerState(tx, {
    userPlanId: state.userPlanId,
    next: advance?.next ?? null,
    stallCounts:
      state.userPlanId === null ? [] : [...stallCounts].map(([exerciseId, misses]) => ({ exerciseId, misses })),
    result: { workoutId: step.workoutId, progression },
  });
  return { next: advance?.next ?? null, progression };
}

/** The last session of a finite program (Smolov Jr, Candito) is done: the enrolment is completed. */
async function completeEnrolment(tx: Tx, userPlanId: number, at: Date) {
  await tx.userPlan.updateMany({
    where: { id: userPlanId, isActive: true },
    data: { status: 'completed', isActive: false, endedAt: at, pausedAt: null },
  });
  await tx.userPlanPause.updateMany({ where: { userPlanId, resumedAt: null }, data: { resumedAt: at } });
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

async function recordTrainingMaxes(
  tx: Tx,
  userId: number,
  workoutId: number,
  unit: Unit,
  outcomes: ProgressionOutcome[],
) {
  const changed = outcomes.filter((o) => !o.newTM.eq(o.previousTM));
  if (changed.length === 0) return;
  const effectiveDate = await nextEffectiveDate(tx, userId);
  await tx.trainingMax.createMany({
    data: changed.map((o) => ({
      userId,
      exerciseId: o.exerciseId,
      weight: o.newTM.toString(),
      unit,
      source: 'progression',
      workoutId,
      effectiveDate,
    })),
  });
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
