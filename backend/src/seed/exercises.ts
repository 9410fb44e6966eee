import fs from 'node:fs';
import path from 'node:path';
import { BACKEND_DIR } from '../config/paths';
import { createExerciseBody, type ExerciseEquipment } from '@liftplan/domain';
import type { Db } from '../db/prisma';

/**
 * The exercise library every installation starts with: `prisma/exercises.json` (authored for this project, see
 * its header). Seeded by every start: missing slugs are inserted; existing rows are left alone except that rows
 * which predate the library's extra columns (secondary muscles, equipment and aliases all NULL) get them filled
 * once. Admins manage the library afterwards.
 */
export const EXERCISE_LIBRARY_FILE = path.join(BACKEND_DIR, 'prisma/exercises.json');

export type ExerciseSeed = {
  slug: string;
  name: string;
  muscleGroup: string;
  secondaryMuscles: string[];
  equipment: ExerciseEquipment;
  category: 'compound' | 'isolation';
  isUpperBody: boolean;
  aliases: string[];
};

/** Reads and validates the library file with the admin API's own rules; throws naming the first bad entry. */
export function readExerciseLibrary(file = EXERCISE_LIBRARY_FILE): ExerciseSeed[] {
  const document = JSON.parse(fs.readFileSync(file, 'utf8')) as { format?: string; exercises?: unknown[] };
  if (document.format !== 'liftplan-exercises/1' || !Array.isArray(document.exercises)) {
    throw new Error(`${file}: not a liftplan-exercises/1 file`);
  }
  return document.exercises.map((entry, index) => {
    const parsed = createExerciseBody.safeParse(entry);
    const where = `${file}: exercises[${index}]`;
    if (!parsed.success) throw new Error(`${where}: ${parsed.error.message}`);
    const { muscleGroup, secondaryMuscles, equipment, aliases, ...rest } = parsed.data;
    if (muscleGroup === null || secondaryMuscles === undefined || !equipment || aliases === undefined) {
      throw new Error(`${where}: muscleGroup, secondaryMuscles, equipment and aliases are required`);
    }
    return { ...rest, muscleGroup, secondaryMuscles, equipment, aliases };
  });
}

export const EXERCISE_LIBRARY: ExerciseSeed[] = readExerciseLibrary();

/** Idempotent: inserts missing library exercises, fills the extra columns of rows that never had them. */
export async function seedExerciseLibrary(db: Db): Promise<{ count: number; filled: number }> {
  const created = await db.exercise.createMany({ data: EXERCISE_LIBRARY, skipDuplicates: true });
  const extras = EXERCISE_LIBRARY.map(({ slug, secondaryMuscles, equipment, aliases }) => ({
    slug,
    secondaryMuscles,
    equipment,
    aliases,
  }));
  const filled = await db.$executeRaw`
    UPDATE "exercises" e
       SET "secondary_muscles" = d."secondaryMuscles", "equipment" = d."equipment", "aliases" = d."aliases"
      FROM jsonb_to_recordset(${JSON.stringify(extras)}::jsonb)
           AS d("slug" text, "secondaryMuscles" text[], "equipment" text, "aliases" text[])
     WHERE e."slug" = d."slug"
       AND e."secondary_muscles" IS NULL AND e."equipment" IS NULL AND e."aliases" IS NULL`;
  return { count: created.count, filled };
}
