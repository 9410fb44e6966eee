import type { PrescribedPlanSetDto, UpgradeSessionDto } from '@liftplan/domain';
import { formatReps, formatWeight, type Unit } from '@/lib/format';

export type CompareRow = { setNumber: number; current: string | null; upgraded: string | null; differs: boolean };
export type CompareGroup = { name: string; rows: CompareRow[] };

/**
 * The next workout under both versions, set by set: the sets of each exercise side by side in the order the new
 * version does them (exercises only the old one has come last); a dash where a version has no such set.
 */
export function compareSessions(
  current: UpgradeSessionDto | null,
  upgraded: UpgradeSessionDto | null,
  unit: Unit,
): CompareGroup[] {
  const before = setsByExercise(current);
  const after = setsByExercise(upgraded);
  const names = [...new Set([...after.keys(), ...before.keys()])];
  return names.map((name) => {
    const a = before.get(name) ?? [];
    const b = after.get(name) ?? [];
    const rows = Array.from({ length: Math.max(a.length, b.length) }, (_, i): CompareRow => {
      const [x, y] = [a[i] ? setText(a[i], unit) : null, b[i] ? setText(b[i], unit) : null];
      return { setNumber: i + 1, current: x, upgraded: y, differs: x !== y };
    });
    return { name, rows };
  });
}

function setsByExercise(session: UpgradeSessionDto | null): Map<string, PrescribedPlanSetDto[]> {
  const groups = new Map<string, PrescribedPlanSetDto[]>();
  for (const set of session?.sets ?? []) groups.set(set.name, [...(groups.get(set.name) ?? []), set]);
  return groups;
}

/** "117.5 kg × 5+"; an accessory "10–12 reps (your weight)"; a lift without a TM yet "75% × 5". */
export function setText(set: PrescribedPlanSetDto, unit: Unit): string {
  const reps = formatReps(set.reps, set.isAmrap, set.repsMax);
  const warmup = set.kind === 'warmup' ? ' (warm-up)' : '';
  if (set.weight !== null) return `${formatWeight(set.weight, unit)} × ${reps}${warmup}`;
  if (set.percentage === null) return `${reps} reps (your weight)`;
  return `${Math.round(set.percentage * 1000) / 10}% × ${reps}${warmup}`;
}
