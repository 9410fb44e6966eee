import type { WorkoutSetDto } from '@liftplan/domain';

export type SetGroup = {
  key: string;
  tier: string;
  /** The plan's display name for the slot ("Bench Volume"), else the exercise's name. */
  name: string;
  /** The exercise's own name when the display name differs from it. */
  exerciseName: string | null;
  sets: WorkoutSetDto[];
};

/** Sets of one exercise slot together, in the plan's order (exercise order, then set order). */
export function groupSets(sets: WorkoutSetDto[]): SetGroup[] {
  const groups = new Map<string, SetGroup>();
  const sorted = [...sets].sort((a, b) => a.exerciseOrder - b.exerciseOrder || a.setOrder - b.setOrder);
  for (const set of sorted) {
    const key = `${set.exerciseOrder}:${set.exerciseId}:${set.tier}`;
    let group = groups.get(key);
    if (!group) {
      const name = set.displayName ?? set.exercise.name;
      group = {
        key,
        tier: set.tier,
        name,
        exerciseName: name === set.exercise.name ? null : set.exercise.name,
        sets: [],
      };
      groups.set(key, group);
    }
    group.sets.push(set);
  }
  return [...groups.values()];
}
