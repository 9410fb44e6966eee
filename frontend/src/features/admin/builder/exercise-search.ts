import type { ExerciseDto } from '@liftplan/domain';

type Searchable = Pick<ExerciseDto, 'name' | 'slug'> & { aliases?: readonly string[] };

const squash = (text: string) => text.replace(/[\s\-_.]+/g, '');

/**
 * Type-ahead ranking for the exercise picker (the builder holds the whole library, so it ranks locally; the API's
 * own search does the same in PostgreSQL). Names, slugs and aliases ("DL", "RDL", "military press") all count:
 * exact first (spaces ignored, so "dead lift" is "deadlift"), then starting with the query, then a word starting
 * with it ("squat" → Squat, then Front Squat), then any match; alphabetical within each.
 */
export function searchExercises<E extends Searchable>(exercises: E[], query: string): E[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...exercises].sort((a, b) => a.name.localeCompare(b.name));
  const ranked: Array<{ exercise: E; rank: number }> = [];
  for (const exercise of exercises) {
    const rank = rankOf(exercise, q);
    if (rank >= 0) ranked.push({ exercise, rank });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || a.exercise.name.localeCompare(b.exercise.name))
    .map((entry) => entry.exercise);
}

function rankOf(exercise: Searchable, q: string): number {
  const own = [exercise.name, exercise.slug].map((t) => t.toLowerCase());
  const aliases = (exercise.aliases ?? []).map((t) => t.toLowerCase());
  // At each level the exercise's own name beats an alias: "front" is Front Squat before a "front raise" alias.
  const levels = [
    (t: string) => t === q || squash(t) === squash(q),
    (t: string) => t.startsWith(q),
    (t: string) => t.split(/[\s-]+/).some((word) => word.startsWith(q)),
    // Two-letter queries ("DL") only match whole words or word starts above, never the middle of a word.
    (t: string) => q.length >= 3 && (t.includes(q) || q.split(/\s+/).every((part) => t.includes(part))),
  ];
  for (const [level, matches] of levels.entries()) {
    if (own.some(matches)) return level * 2;
    if (aliases.some(matches)) return level * 2 + 1;
  }
  return -1;
}
