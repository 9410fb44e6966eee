import type { ProjectedSessionDto, ProjectionResponse } from '@liftplan/domain';
import { topSets } from '@/lib/prescription';

/** How many weeks the dashboard shows: this one and the two after it. */
export const COMING_WEEKS = 3;

/** Where the lifter is: the week of the cycle they train in now. */
export type WeekPosition = { cycle: number; weekNumber: number };

/** One TM lift in one week: its heaviest top set, and its TM then with the change since the week before. */
export type LiftWeek = {
  weight: number | null;
  reps: number;
  repsMax: number | null;
  isAmrap: boolean;
  trainingMax: number | null;
  tmChange: number;
};

export type ComingWeek = {
  key: string;
  /** The lifter's own cycle count (the projection restarts at cycle 1). */
  cycle: number;
  weekNumber: number;
  isDeload: boolean;
  lifts: ReadonlyMap<number, LiftWeek>;
};

export type ComingWeeksSummary = {
  weeks: ComingWeek[];
  /** The TM lifts in the order the weeks first train them. */
  lifts: Array<{ exerciseId: number; slug: string }>;
};

/**
 * Weeks to project: the projection starts at week 1 of a cycle, so the weeks of this cycle before the lifter's
 * are projected too (and left out); at most the 52 a projection allows.
 */
export const weeksToProject = (position: WeekPosition, count = COMING_WEEKS) =>
  Math.min(52, position.weekNumber - 1 + count);

/** The coming weeks from the lifter's week on, per TM lift: the week's heaviest top set and its TM. */
export function comingWeeks(
  projection: ProjectionResponse,
  position: WeekPosition,
  count = COMING_WEEKS,
): ComingWeeksSummary {
  const groups = groupByWeek(projection.sessions)
    .filter((group) => group[0]!.cycle > 1 || group[0]!.weekNumber >= position.weekNumber)
    .slice(0, count);
  const lifts = new Map<number, string>();
  const weeks: ComingWeek[] = [];
  for (const sessions of groups) {
    const first = sessions[0]!;
    const liftWeeks = weekTopSets(sessions, weeks[weeks.length - 1]);
    for (const exerciseId of liftWeeks.keys())
      if (!lifts.has(exerciseId)) lifts.set(exerciseId, slugOf(first, exerciseId));
    weeks.push({
      key: `${first.cycle}:${first.weekNumber}`,
      cycle: position.cycle + first.cycle - 1,
      weekNumber: first.weekNumber,
      isDeload: first.isDeload,
      lifts: liftWeeks,
    });
  }
  return { weeks, lifts: [...lifts].map(([exerciseId, slug]) => ({ exerciseId, slug })) };
}

/** Per TM lift, the heaviest weighted top set of the week's sessions, with the TM at the start of the week. */
function weekTopSets(sessions: ProjectedSessionDto[], previous: ComingWeek | undefined): Map<number, LiftWeek> {
  const lifts = new Map<number, LiftWeek>();
  for (const set of sessions.flatMap((session) => topSets(session.sets))) {
    if (set.percentage === null) continue;
    const best = lifts.get(set.tmExerciseId);
    if (best && (best.weight ?? 0) >= (set.prescribedWeight ?? 0)) continue;
    const trainingMax = trainingMaxAtStart(sessions, set.tmExerciseId);
    const before = previous?.lifts.get(set.tmExerciseId)?.trainingMax;
    lifts.set(set.tmExerciseId, {
      weight: set.prescribedWeight,
      reps: set.prescribedReps,
      repsMax: set.repsMax,
      isAmrap: set.isAmrap,
      trainingMax,
      tmChange: trainingMax === null || before === undefined || before === null ? 0 : trainingMax - before,
    });
  }
  return lifts;
}

function trainingMaxAtStart(sessions: ProjectedSessionDto[], exerciseId: number): number | null {
  for (const session of sessions) {
    const tm = session.trainingMaxes.find((t) => t.exerciseId === exerciseId);
    if (tm) return tm.trainingMax;
  }
  return null;
}

function slugOf(session: ProjectedSessionDto, exerciseId: number): string {
  return session.trainingMaxes.find((t) => t.exerciseId === exerciseId)?.slug ?? String(exerciseId);
}

function groupByWeek(sessions: ProjectedSessionDto[]): ProjectedSessionDto[][] {
  const groups: ProjectedSessionDto[][] = [];
  for (const session of sessions) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.cycle === session.cycle && last[0]!.weekNumber === session.weekNumber) last.push(session);
    else groups.push([session]);
  }
  return groups;
}
