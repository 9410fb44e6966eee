import type { Db } from '../db/prisma';
import { toNumber } from '@liftplan/domain';
import { convertWeight, toStoredWeight, type Unit } from '@liftplan/domain';
import { estimatedOneRepMax } from '@liftplan/domain';
import type { ProgressResponse } from '@liftplan/domain';

type ExerciseRef = { id: number; slug: string; name: string };

/**
 * Charts for the history page: TM over time per lift, an estimated 1RM (Epley) from every logged AMRAP set of a
 * completed workout, and personal records (a point is a PR when it beats every earlier estimate of that lift).
 * Everything is converted to the lifter's current unit.
 */
export async function getProgress(db: Db, userId: number): Promise<ProgressResponse> {
  const [user, tmRows, amrapSets] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { unitPreference: true } }),
    db.trainingMax.findMany({
      where: { userId },
      orderBy: [{ effectiveDate: 'asc' }, { id: 'asc' }],
      include: { exercise: { select: { id: true, slug: true, name: true } } },
    }),
    db.workoutSet.findMany({
      where: {
        isAmrap: true,
        actualReps: { gt: 0 },
        prescribedWeight: { not: null },
        workout: { userId, status: 'completed' },
      },
      orderBy: [{ workout: { completedAt: 'asc' } }, { id: 'asc' }],
      include: {
        exercise: { select: { id: true, slug: true, name: true } },
        workout: { select: { id: true, unit: true, completedAt: true } },
      },
    }),
  ]);
  const unit = user.unitPreference as Unit;
  const inUnit = (weight: { toString(): string }, from: string) =>
    toStoredWeight(convertWeight(weight, from as Unit, unit));

  const trainingMaxes = groupByExercise(
    tmRows.map((r) => ({
      exercise: r.exercise,
      point: { date: r.effectiveDate.toISOString(), weight: toNumber(inUnit(r.weight, r.unit)), source: r.source },
    })),
  );

  const best = new Map<number, number>();
  const e1rm = amrapSets.map((s) => {
    const weight = inUnit(s.prescribedWeight!, s.workout.unit);
    const estimate = toNumber(estimatedOneRepMax(weight, s.actualReps!));
    const isPersonalRecord = estimate > (best.get(s.exerciseId) ?? 0);
    if (isPersonalRecord) best.set(s.exerciseId, estimate);
    return {
      exercise: s.exercise,
      point: {
        date: (s.workout.completedAt ?? new Date()).toISOString(),
        workoutId: s.workout.id,
        weight: toNumber(weight),
        reps: s.actualReps!,
        estimate,
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
