import type { ExerciseDto } from '@liftplan/domain';

/**
 * Type-ahead ranking for the exercise picker: exact name or slug first, then names/slugs starting with the query,
 * then a word starting with it ("squat" → Squat, then Front Squat), then any match; alphabetical within each.
 */
export function searchExercises<E extends Pick<ExerciseDto, 'name' | 'slug'>>(exercises: E[], query: string): E[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...exercises].sort((a, b) => a.name.localeCompare(b.name));
  const ranked: Array<{ exercise: E; rank: number }> = [];
  for (const exercise of exercises) {
    const name = exercise.name.toLowerCase();
    const slug = exercise.slug.toLowerCase();
    let rank = -1;
    if (name === q || slug === q) rank = 0;
    else if (name.startsWith(q) || slug.startsWith(q)) rank = 1;
    else if (name.split(/[\s-]+/).some((word) => word.startsWith(q))) rank = 2;
    else if (name.includes(q) || slug.includes(q) || q.split(/\s+/).every((part) => name.includes(part))) rank = 3;
    if (rank >= 0) ranked.push({ exercise, rank });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || a.exercise.name.localeCompare(b.exercise.name))
    .map((entry) => entry.exercise);
}
