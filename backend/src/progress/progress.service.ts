import type { Db } from '../db/prisma';
import { notFound } from '../http/errors';
import { selectProgressFacts } from './progress.sql';
import { toNumber } from '@liftplan/domain';
import { convertWeight, Decimal, toStoredWeight, type Unit } from '@liftplan/domain';
import { estimatedOneRepMax } from '@liftplan/domain';
import type { ProgressResponse } from '@liftplan/domain';

type ExerciseRef = { id: number; slug: string; name: string };

/**
 * Charts for the history page: TM over time per lift, an estimated 1RM (Epley) per lift and completed workout from
 * what was lifted, and personal records. Everything is converted to the lifter's current unit.
 * - e1RM counts done sets (not warm-ups, not skipped) at the weight actually used (the prescribed one when none was
 *   logged) and the reps actually done; a set below its prescribed reps is never a max. Per workout and exercise the
 *   best such set is the point.
 * - A point is a PR when it beats every earlier point of that exercise AND the one-rep max the lifter entered when
 *   setting the TM up (an e1RM of 80.5 kg is no record for a lifter who entered a 100 kg 1RM).
 */
export async function getProgress(db: Db, userId: number): Promise<ProgressResponse> {
  const facts = await selectProgressFacts(db, userId);
  if (!facts) throw notFound('User');
  const { tmRows, loggedSets } = facts;
  const unit = facts.unit as Unit;
  const inUnit = (weight: { toString(): string }, from: string) =>
    toStoredWeight(convertWeight(weight, from as Unit, unit));

  const trainingMaxes = groupByExercise(
    tmRows.map((r) => ({
      exercise: r.exercise,
      point: { date: r.effectiveDate.toISOString(), weight: toNumber(inUnit(r.weight, r.unit)), source: r.source },
    })),
  );

  // The 1RMs the lifter entered, per exercise: a PR has to beat the highest one entered before the workout.
  const enteredMaxes = tmRows.flatMap((r) =>
    r.oneRepMax === null
      ? []
      : [{ exerciseId: r.exerciseId, date: r.effectiveDate, weight: inUnit(r.oneRepMax, r.unit) }],
  );
  const enteredBefore = (exerciseId: number, date: Date) =>
    enteredMaxes
      .filter((m) => m.exerciseId === exerciseId && m.date <= date)
      .reduce((max, m) => Decimal.max(max, m.weight), new Decimal(0));

  // Per workout and exercise, the set with the best estimate (the first of equals).
  const bestPerWorkout = new Map<string, { set: (typeof loggedSets)[number]; weight: Decimal; estimate: Decimal }>();
  for (const s of loggedSets) {
    if (s.actualReps! < s.prescribedReps) continue; // below its prescribed reps: never a max
    const weight = inUnit(s.actualWeight ?? s.prescribedWeight!, s.workout.unit);
    const estimate = toStoredWeight(estimatedOneRepMax(weight, s.actualReps!));
    const key = `${s.workoutId}:${s.exerciseId}`;
    const current = bestPerWorkout.get(key);
    if (!current || estimate.gt(current.estimate)) bestPerWorkout.set(key, { set: s, weight, estimate });
  }

  const best = new Map<number, Decimal>();
  const e1rm = [...bestPerWorkout.values()].map(({ set: s, weight, estimate }) => {
    const completedAt = s.workout.completedAt ?? new Date();
    const bar = Decimal.max(best.get(s.exerciseId) ?? 0, enteredBefore(s.exerciseId, completedAt));
    const isPersonalRecord = estimate.gt(bar);
    best.set(s.exerciseId, Decimal.max(best.get(s.exerciseId) ?? 0, estimate));
    return {
      exercise: s.exercise,
      point: {
        date: completedAt.toISOString(),
        workoutId: s.workout.id,
        setId: s.id,
        weight: toNumber(weight),
        reps: s.actualReps!,
        estimate: toNumber(estimate),
        isPersonalRecord,
      },
    };
  });
  const oneRepMaxSeries = groupByExercise(e1rm);
  const personalRecords = oneRepMaxSeries.flatMap(({ exercise, points }) => {
    const record = [...points].reverse().find((p) => p.isPersonalRecord);
    return record
      ? [
          {
            exercise,
            estimate: record.estimate,
            weight: record.weight,
            reps: record.reps,
            date: record.date,
            workoutId: record.workoutId,
            setId: record.setId,
          },
        ]
      : [];
  });
  return { unit, trainingMaxes, estimatedOneRepMax: oneRepMaxSeries, personalRecords };
}

function groupByExercise<P>(
  rows: Array<{ exercise: ExerciseRef; point: P }>,
): Array<{ exercise: ExerciseRef; points: P[] }> {
  const groups = new Map<number, { exercise: ExerciseRef; points: P[] }>();
  for (const { exercise, point } of rows) {
    const group = groups.get(exercise.id) ?? { exercise, points: [] };
    group.points.push(point);
    groups.set(exercise.id, group);
  }
  return [...groups.values()].sort((a, b) => a.exercise.name.localeCompare(b.exercise.name));
}
