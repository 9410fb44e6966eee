/**
 * "Project N weeks": the unsaved plan run through the engine for N weeks from cycle 1 week 1 (POST
 * /admin/plans/preview/projection, which writes nothing), with the preview's sample TMs and every AMRAP done at
 * prescribed + extra reps. The answer is a list of sessions; the table shows, per session, each lift's top set and
 * its TM, so the admin sees the increments land (per workout, at a cycle's end, or a reset after stalls).
 */
import type { PlanDraftProjectionBody, ProjectedSessionDto, ProjectionResponse } from '@liftplan/domain';
import { MAX_WEEKS, type PlanDraft, type PlanRequestBody } from './builder-state';
import { weightSettings, type PreviewSettings } from './preview-request';

export type ProjectionBody = Omit<PlanDraftProjectionBody, 'plan'> & { plan: PlanRequestBody };

/** The default horizon: two cycles (so the first cycle's end shows), at most a year. */
export function defaultProjectionWeeks(cycleWeeks: number): number {
  return Math.min(MAX_WEEKS, Math.max(1, cycleWeeks * 2));
}

export function buildProjectionBody(
  plan: PlanRequestBody,
  draft: PlanDraft,
  settings: PreviewSettings,
  weeks: number,
  amrapExtraReps: number,
): ProjectionBody {
  const { sampleTrainingMaxes, ...rest } = weightSettings(draft, settings);
  return {
    // The header doesn't change a number; placeholders keep a half-filled one from blocking the projection.
    plan: { ...plan, name: 'Projection', slug: 'projection', description: null },
    trainingMaxes: sampleTrainingMaxes,
    weeks,
    amrapExtraReps,
    ...rest,
  };
}

export type TopSet = { weight: number; reps: number; repsMax: number | null; isAmrap: boolean };
export type ProjectionCell = {
  /** The heaviest prescribed set (warm-ups aside) on this lift's TM; null when the session doesn't train it. */
  top: TopSet | null;
  trainingMax: number | null;
  /** The TM's change since the previous session that listed it (null: none, or the first). */
  change: number | null;
};
export type ProjectionRow = {
  key: string;
  cycle: number;
  weekNumber: number;
  dayNumber: number;
  dayName: string | null;
  isDeload: boolean;
  /** First session of a cycle after the first (a line in the table). */
  cycleStart: boolean;
  cells: Record<number, ProjectionCell>;
};
export type ProjectionTable = {
  /** TM exercise ids, in order of first appearance: one column each. */
  lifts: Array<{ exerciseId: number; slug: string }>;
  rows: ProjectionRow[];
};

export function projectionTable(response: ProjectionResponse): ProjectionTable {
  const lifts: ProjectionTable['lifts'] = [];
  const addLift = (exerciseId: number, slug: string) => {
    if (!lifts.some((lift) => lift.exerciseId === exerciseId)) lifts.push({ exerciseId, slug });
  };
  for (const session of response.sessions) {
    for (const set of session.sets) if (set.percentage !== null) addLift(set.tmExerciseId, set.exercise.slug);
    for (const tm of session.trainingMaxes) addLift(tm.exerciseId, tm.slug);
  }
  const lastTm = new Map<number, number>();
  const rows = response.sessions.map((session, i): ProjectionRow => {
    const cells: Record<number, ProjectionCell> = {};
    for (const lift of lifts) {
      const trainingMax = session.trainingMaxes.find((tm) => tm.exerciseId === lift.exerciseId)?.trainingMax ?? null;
      const before = lastTm.get(lift.exerciseId);
      const change =
        trainingMax !== null && before !== undefined && before !== trainingMax ? trainingMax - before : null;
      if (trainingMax !== null) lastTm.set(lift.exerciseId, trainingMax);
      cells[lift.exerciseId] = { top: topSet(session, lift.exerciseId), trainingMax, change };
    }
    return {
      key: `${session.cycle}-${session.weekNumber}-${session.dayNumber}-${i}`,
      cycle: session.cycle,
      weekNumber: session.weekNumber,
      dayNumber: session.dayNumber,
      dayName: session.dayName,
      isDeload: session.isDeload,
      cycleStart: i > 0 && session.cycle !== response.sessions[i - 1]!.cycle,
      cells,
    };
  });
  return { lifts, rows };
}

function topSet(session: ProjectedSessionDto, tmExerciseId: number): TopSet | null {
  let best: TopSet | null = null;
  for (const set of session.sets) {
    if (set.tmExerciseId !== tmExerciseId || set.kind === 'warmup' || set.prescribedWeight === null) continue;
    if (best && set.prescribedWeight <= best.weight) continue;
    best = {
      weight: set.prescribedWeight,
      reps: set.prescribedReps,
      repsMax: set.repsMax,
      isAmrap: set.isAmrap,
    };
  }
  return best;
}
