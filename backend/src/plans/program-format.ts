import type { PlanDetailDto, ProgressionRuleDto } from '@liftplan/domain';
import type { ProgramFile } from '../seed/program-files';

// A plan version as a program file (`liftplan-program/1`, the format of prisma/programs/*.json): exercises by
// slug, so a file moves between installations whose exercise ids differ.

export function toProgramFile(plan: PlanDetailDto): ProgramFile {
  const library = plan.library;
  return {
    format: 'liftplan-program/1',
    meta: {
      name: plan.name,
      description: plan.description ?? '',
      author: library?.author ?? '',
      sourceUrl: library?.sourceUrl ?? '',
      level: library?.level ?? null,
      goal: library?.goal ?? null,
      recommendedRounding: library?.recommendedRounding ?? null,
      sources: library?.sources ?? [],
      approximations: library?.approximations ?? [],
    },
    plan: {
      name: plan.name,
      slug: plan.slug,
      description: plan.description,
      daysPerWeek: plan.daysPerWeek,
      isPublic: plan.isPublic,
      cycleWeeks: plan.cycleWeeks,
      ...(plan.cycles ? { cycles: plan.cycles } : {}),
      tmPercent: plan.tmPercent,
      weeks: plan.weeks.map((week) => ({
        weekNumber: week.weekNumber,
        name: week.name,
        isDeload: week.isDeload,
        days: week.days.map((day) => ({
          dayNumber: day.dayNumber,
          name: day.name,
          exercises: day.exercises.map((slot) => ({
            exercise: slot.exercise.slug,
            ...(slot.tmExerciseId !== slot.exerciseId ? { tmExercise: slot.tmExercise.slug } : {}),
            tier: slot.tier,
            sortOrder: slot.sortOrder,
            displayName: slot.displayName,
            restSeconds: slot.restSeconds,
            sets: slot.sets.map(({ id: _id, ...set }) => set),
          })),
        })),
      })),
      progressionRules: plan.progressionRules.map(ruleToFile),
    },
  };
}

function ruleToFile(rule: ProgressionRuleDto): ProgramFile['plan']['progressionRules'][number] {
  const scope = rule.exercise ? { exercise: rule.exercise.slug } : { category: rule.category };
  switch (rule.kind) {
    case 'reps_over_target':
      return { kind: rule.kind, ...scope, increase: rule.increase, unit: rule.unit, maxSteps: rule.maxSteps };
    case 'cycle_increment':
      return { kind: rule.kind, ...scope, increase: rule.increase, unit: rule.unit };
    case 'stall_reset':
      return { kind: rule.kind, ...scope, failures: rule.failures, factor: rule.factor };
    default:
      return {
        kind: 'amrap_table',
        ...scope,
        minReps: rule.minReps,
        maxReps: rule.maxReps,
        increase: rule.increase,
        unit: rule.unit,
      };
  }
}

/** Every exercise slug a file names that this installation lacks, with where the file names it. */
export function unknownExercises(
  program: ProgramFile,
  known: ReadonlySet<string>,
): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  const check = (slug: unknown, path: string) => {
    if (typeof slug === 'string' && !known.has(slug)) issues.push({ path, message: `unknown exercise "${slug}"` });
  };
  const days = program.plan.weeks
    ? program.plan.weeks.flatMap((week, w) =>
        (week.days ?? []).map((day, d) => ({ day, path: `plan.weeks.${w}.days.${d}` })),
      )
    : (program.plan.days ?? []).map((day, d) => ({ day, path: `plan.days.${d}` }));
  for (const { day, path } of days)
    (day.exercises ?? []).forEach((slot, e) => {
      check(slot.exercise, `${path}.exercises.${e}.exercise`);
      check(slot.tmExercise, `${path}.exercises.${e}.tmExercise`);
    });
  (program.plan.progressionRules ?? []).forEach((rule, r) =>
    check(rule.exercise, `plan.progressionRules.${r}.exercise`),
  );
  return issues;
}
