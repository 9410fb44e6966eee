import fs from 'node:fs';
import path from 'node:path';
import { planBody, type PlanBody } from '@liftplan/domain';

/**
 * Built-in programs as data files (`prisma/programs/<slug>.json`): metadata (author, sources, what is
 * approximated) and the plan in the admin API's shape with exercises by slug. The seed loads every file with the
 * seed-key / fingerprint rules of built-in plans (seed.ts). The same format is meant for plan export/import.
 */
export const PROGRAMS_DIR = path.resolve(__dirname, '../../prisma/programs');

type SlotFile = { exercise: string; tmExercise?: string } & Record<string, unknown>;
type RuleFile = { exercise?: string } & Record<string, unknown>;
export type ProgramFile = {
  format: 'liftplan-program/1';
  meta: { name: string; author: string; sourceUrl: string; description: string } & Record<string, unknown>;
  plan: Record<string, unknown> & {
    slug: string;
    weeks: Array<Record<string, unknown> & { days: Array<Record<string, unknown> & { exercises: SlotFile[] }> }>;
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

/** The file's plan as a parsed admin body, exercise slugs resolved to ids; throws naming a missing slug. */
export function programPlanBody(program: ProgramFile, exerciseIdBySlug: ReadonlyMap<string, number>): PlanBody {
  const idOf = (slug: string) => {
    const id = exerciseIdBySlug.get(slug);
    if (id === undefined) throw new Error(`program ${program.plan.slug} needs exercise "${slug}"`);
    return id;
  };
  const { weeks, progressionRules, ...header } = program.plan;
  return planBody.parse({
    ...header,
    weeks: weeks.map((week) => ({
      ...week,
      days: week.days.map((day) => ({
        ...day,
        exercises: day.exercises.map(({ exercise, tmExercise, ...slot }) => ({
          ...slot,
          exerciseId: idOf(exercise),
          tmExerciseId: idOf(tmExercise ?? exercise),
        })),
      })),
    })),
    progressionRules: progressionRules.map(({ exercise, ...rule }) => ({
      ...rule,
      ...(exercise ? { exerciseId: idOf(exercise) } : {}),
    })),
  });
}
