/** Display formatting shared by every lifter screen: weights, percentages, reps, dates. */

export type Unit = 'kg' | 'lb';

const weightFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** `107.5` → "107.5", `100` → "100" (at most two decimals, no grouping surprises for < 10 000). */
export function formatNumber(value: number): string {
  return weightFormat.format(value);
}

/** `107.5, 'kg'` → "107.5 kg". */
export function formatWeight(value: number, unit: Unit): string {
  return `${formatNumber(value)} ${unit}`;
}

/** A TM change: `2.5, 'kg'` → "+2.5 kg"; `0` → "±0 kg". */
export function formatIncrease(value: number, unit: Unit): string {
  if (value === 0) return `±0 ${unit}`;
  return `${value > 0 ? '+' : '−'}${formatWeight(Math.abs(value), unit)}`;
}

/** A fraction of the TM: `0.85` → "85%", `0.675` → "67.5%". */
export function formatPercent(fraction: number): string {
  return `${percentFormat.format(Math.round(fraction * 10000) / 100)}%`;
}

/** Prescribed reps, AMRAP sets with a plus, rep ranges with a dash: `5, true` → "5+"; `10, false, 12` → "10–12". */
export function formatReps(reps: number, isAmrap: boolean, repsMax: number | null = null): string {
  // A capped AMRAP (Candito's "MR10" with a pass mark of 8): as many as possible from 8, at most 10.
  if (isAmrap && repsMax !== null && repsMax > reps) return `${reps}+ (max ${repsMax})`;
  if (repsMax !== null && repsMax > reps) return `${reps}–${repsMax}`;
  return isAmrap ? `${reps}+` : String(reps);
}

/** A rest between sets: `45` → "45 s", `120` → "2 min", `150` → "2 min 30 s". */
export function formatRest(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest} s`;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

export type SetKind = 'warmup' | 'main' | 'supplemental' | 'accessory';

/** The kinds of set in the order a workout does them, with their names. */
export const SET_KINDS: ReadonlyArray<{ kind: SetKind; label: string }> = [
  { kind: 'warmup', label: 'Warm-up' },
  { kind: 'main', label: 'Main' },
  { kind: 'supplemental', label: 'Supplemental' },
  { kind: 'accessory', label: 'Accessory' },
];

export function setKindLabel(kind: SetKind): string {
  return SET_KINDS.find((k) => k.kind === kind)?.label ?? kind;
}

/**
 * Where a lifter is in a plan: "Cycle 2 · Week 3 of 4 (deload)"; a one-week plan counts its weeks: "Week 3"
 * (every week is a new cycle).
 */
export function planPositionLabel(
  position: { cycle: number; weekNumber: number; isDeload?: boolean },
  cycleWeeks: number,
): string {
  if (cycleWeeks <= 1) return `Week ${position.cycle}${position.isDeload ? ' (deload)' : ''}`;
  return `Cycle ${position.cycle} · Week ${position.weekNumber} of ${cycleWeeks}${position.isDeload ? ' (deload)' : ''}`;
}

/** "Mon, 3 Mar" (year added when it is not this year). */
export function formatDate(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  const sameYear = date.getFullYear() === now.getFullYear();
  return date.toLocaleDateString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  });
}

/** A short date for chart axes: "3 Mar". */
export function formatShortDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

/** `1, 'set'` → "1 set", `3, 'set'` → "3 sets". */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** A day's title: "Day 2 · Squat + Sumo Deadlift", or "Day 2" when the day has no name. */
export function dayTitle(dayNumber: number, name: string | null | undefined): string {
  return name ? `Day ${dayNumber} · ${name}` : `Day ${dayNumber}`;
}

/**
 * A workout's title: "Day 2 · Squat", with its week in a plan of several weeks: "Week 3 · Day 2 · Squat".
 * `cycleWeeks` is its plan's cycle length when known (1 otherwise).
 */
export function workoutTitle(
  workout: { weekNumber: number; dayNumber: number; dayName: string | null },
  cycleWeeks = 1,
): string {
  const day = dayTitle(workout.dayNumber, workout.dayName);
  return cycleWeeks > 1 ? `Week ${workout.weekNumber} · ${day}` : day;
}

/** A message or label with its first letter upper-case: "too heavy" → "Too heavy". */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
