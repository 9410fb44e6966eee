import type { Db } from '../db/prisma';

type ExerciseRef = { id: number; slug: string; name: string };

export type TrainingMaxFact = {
  exerciseId: number;
  exercise: ExerciseRef;
  effectiveDate: Date;
  weight: string;
  unit: string;
  source: string;
  oneRepMax: string | null;
};

export type LoggedSetFact = {
  id: number;
  workoutId: number;
  exerciseId: number;
  exercise: ExerciseRef;
  workout: { id: number; unit: string; completedAt: Date | null };
  actualWeight: string | null;
  prescribedWeight: string | null;
  actualReps: number;
  prescribedReps: number;
};

type Row = { unit: string; tms: unknown[][]; sets: unknown[][] };

/**
 * What the progress charts are computed from, in one round trip: the lifter's unit, every TM row (oldest first) and
 * every done work set of a completed workout (in workout order). Rows travel as JSON arrays with decimals as text;
 * the Prisma includes this replaces spent most of a progress request's time building objects (issue 15, scale run).
 */
export async function selectProgressFacts(
  db: Db,
  userId: number,
): Promise<{ unit: string; tmRows: TrainingMaxFact[]; loggedSets: LoggedSetFact[] } | null> {
  const [row] = await db.$queryRaw<Row[]>`
    SELECT u.unit_preference AS unit,
           COALESCE((
             SELECT json_agg(json_build_array(tm.exercise_id, e.slug, e.name, tm.effective_date, tm.weight::text,
                                              tm.unit, tm.source, tm.one_rep_max::text)
                             ORDER BY tm.effective_date, tm.id)
               FROM training_maxes tm JOIN exercises e ON e.id = tm.exercise_id
              WHERE tm.user_id = u.id), '[]'::json) AS tms,
           COALESCE((
             SELECT json_agg(json_build_array(s.id, s.workout_id, s.exercise_id, e.slug, e.name, w.unit, w.completed_at,
                                              s.actual_weight::text, s.prescribed_weight::text, s.actual_reps,
                                              s.prescribed_reps)
                             ORDER BY w.completed_at, s.workout_id, s.exercise_order, s.set_order)
               FROM workouts w
               JOIN workout_sets s ON s.workout_id = w.id
               JOIN exercises e ON e.id = s.exercise_id
              WHERE w.user_id = u.id AND w.status = 'completed'
                AND s.completed AND NOT s.skipped AND s.kind <> 'warmup' AND s.actual_reps > 0
                AND (s.actual_weight IS NOT NULL OR s.prescribed_weight IS NOT NULL)), '[]'::json) AS sets
      FROM users u
     WHERE u.id = ${userId}`;
  if (!row) return null;
  return { unit: row.unit, tmRows: row.tms.map(toTrainingMaxFact), loggedSets: row.sets.map(toLoggedSetFact) };
}

function toTrainingMaxFact(v: unknown[]): TrainingMaxFact {
  const [exerciseId, slug, name, effectiveDate, weight, unit, source, oneRepMax] = v as [
    number,
    string,
    string,
    string,
    string,
    string,
    string,
    string | null,
  ];
  return {
    exerciseId,
    exercise: { id: exerciseId, slug, name },
    effectiveDate: new Date(effectiveDate),
    weight,
    unit,
    source,
    oneRepMax,
  };
}

function toLoggedSetFact(v: unknown[]): LoggedSetFact {
  const [
    id,
    workoutId,
    exerciseId,
    slug,
    name,
    unit,
    completedAt,
    actualWeight,
    prescribedWeight,
    actualReps,
    prescribedReps,
  ] = v as [
    number,
    number,
    number,
    string,
    string,
    string,
    string | null,
    string | null,
    string | null,
    number,
    number,
  ];
  return {
    id,
    workoutId,
    exerciseId,
    exercise: { id: exerciseId, slug, name },
    workout: { id: workoutId, unit, completedAt: completedAt === null ? null : new Date(completedAt) },
    actualWeight,
    prescribedWeight,
    actualReps,
    prescribedReps,
  };
}
