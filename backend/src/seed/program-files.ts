import fs from 'node:fs';
import path from 'node:path';
import { BACKEND_DIR } from '../config/paths';
import { planBody, type PlanBody, type PlanLibraryInput } from '@liftplan/domain';

/**
 * Built-in programs as data files (`prisma/programs/<slug>.json`): metadata (author, sources, what is
 * approximated) and the plan in the admin API's shape with exercises by slug. The seed loads every file with the
 * seed-key / fingerprint rules of built-in plans (seed.ts). The same format is meant for plan export/import.
 */
export const PROGRAMS_DIR = path.join(BACKEND_DIR, 'prisma/programs');
/** The first built-in plan (seed 003); the legacy upgrade moves old subscriptions onto it. */
export const NSUNS_SLUG = 'nsuns-4day-lp';

type SlotFile = { exercise: string; tmExercise?: string } & Record<string, unknown>;
type RuleFile = { exercise?: string } & Record<string, unknown>;
type DayFile = Record<string, unknown> & { exercises: SlotFile[] };
export type ProgramFile = {
  format: 'liftplan-program/1';
  meta: { name: string; author: string; sourceUrl: string; description: string } & Omit<
    PlanLibraryInput,
    'author' | 'sourceUrl'
  >;
  /** `weeks` (plan model v2) or, for a one-week plan kept in seed 003's shape, `days`. */
  plan: Record<string, unknown> & {
    slug: string;
    weeks?: Array<Record<string, unknown> & { days: DayFile[] }>;
    days?: DayFile[];
    progressionRules: RuleFile[];
  };
};

export function readProgramFiles(dir = PROGRAMS_DIR): ProgramFile[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as ProgramFile);
}

export function readProgramFile(slug: string, dir = PROGRAMS_DIR): ProgramFile {
  return JSON.parse(fs.readFileSync(path.join(dir, `${slug}.json`), 'utf8')) as ProgramFile;
}

/** The file's plan as a parsed admin body, exercise slugs resolved to ids; throws naming a missing slug. */
export function programPlanBody(program: ProgramFile, exerciseIdBySlug: ReadonlyMap<string, number>): PlanBody {
  return planBody.parse(programPlanInput(program, exerciseIdBySlug));
}

/** The file's plan as the JSON an admin would POST (exercise ids instead of slugs), not yet validated. */
export function programPlanInput(program: ProgramFile, exerciseIdBySlug: ReadonlyMap<string, number>) {
  const idOf = (slug: string) => {
    const id = exerciseIdBySlug.get(slug);
    if (id === undefined) throw new Error(`program ${program.plan.slug} needs exercise "${slug}"`);
    return id;
  };
  const resolveDay = (day: DayFile) => ({
    ...day,
    exercises: day.exercises.map(({ exercise, tmExercise, ...slot }) => ({
      ...slot,
      exerciseId: idOf(exercise),
      tmExerciseId: idOf(tmExercise ?? exercise),
    })),
  });
  const { weeks, days, progressionRules, ...header } = program.plan;
  const { author, sourceUrl, level, goal, recommendedRounding, sources, approximations } = program.meta;
  return {
    ...header,
    library: { author, sourceUrl, level, goal, recommendedRounding, sources, approximations },
    ...(weeks ? { weeks: weeks.map((week) => ({ ...week, days: week.days.map(resolveDay) })) } : {}),
    ...(days ? { days: days.map(resolveDay) } : {}),
    progressionRules: progressionRules.map(({ exercise, ...rule }) => ({
      ...rule,
      ...(exercise ? { exerciseId: idOf(exercise) } : {}),
    })),
  };
}
