import type { WorkoutSetDto } from '@liftplan/domain';
import { SET_KINDS, type SetKind } from '@/lib/format';

export type SetGroup = {
  key: string;
  tier: string;
  kind: SetKind;
  /** The plan's display name for the slot ("Bench Volume"), else the exercise's name. */
  name: string;
  /** The exercise's own name when the display name differs from it. */
  exerciseName: string | null;
  sets: WorkoutSetDto[];
};

/** The sets of one kind (warm-up, main, supplemental, accessory), per exercise slot. */
export type KindSection = { kind: SetKind; label: string; groups: SetGroup[] };

/** Sets of one exercise slot (and kind) together, in the plan's order (exercise order, then set order). */
export function groupSets(sets: WorkoutSetDto[]): SetGroup[] {
  const groups = new Map<string, SetGroup>();
  const sorted = [...sets].sort((a, b) => a.exerciseOrder - b.exerciseOrder || a.setOrder - b.setOrder);
  for (const set of sorted) {
    const key = `${set.kind}:${set.exerciseOrder}:${set.exerciseId}:${set.tier}`;
    let group = groups.get(key);
    if (!group) {
      const name = set.displayName ?? set.exercise.name;
      group = {
        key,
        tier: set.tier,
        kind: set.kind,
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

/** Warm-up, main, supplemental, accessory: the workout in the order it is done, each kind's slots inside. */
export function groupSetsByKind(sets: WorkoutSetDto[]): KindSection[] {
  const groups = groupSets(sets);
  return SET_KINDS.map(({ kind, label }) => ({ kind, label, groups: groups.filter((g) => g.kind === kind) })).filter(
    (section) => section.groups.length > 0,
  );
}
