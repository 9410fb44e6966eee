import type { PlanPosition } from './plan-model';

export const isValidPosition = (pos: PlanPosition, weekDays: readonly number[]): boolean =>
  Number.isInteger(pos.cycle) &&
  pos.cycle >= 1 &&
  Number.isInteger(pos.weekNumber) &&
  pos.weekNumber >= 1 &&
  pos.weekNumber <= weekDays.length &&
  Number.isInteger(pos.dayNumber) &&
  pos.dayNumber >= 1 &&
  pos.dayNumber <= weekDays[pos.weekNumber - 1]!;

/**
 * Where a subscription goes after a day was completed or skipped (DESIGN.md): the first day of the pointer's week not
 * yet done, else the first undone day of a later week, else the next cycle's first day. Earlier weeks are never
 * revisited. `weekDays[i]` = number of days in week i+1 (days 1..n); `done(week, day)` = that day of the pointer's
 * cycle is completed or skipped.
 */
export function advancePointer(
  pointer: PlanPosition,
  weekDays: readonly number[],
  done: (weekNumber: number, dayNumber: number) => boolean,
): { next: PlanPosition; completedCycle: number | null } {
  for (let week = Math.max(1, pointer.weekNumber); week <= weekDays.length; week++) {
    for (let day = 1; day <= weekDays[week - 1]!; day++) {
      if (!done(week, day))
        return { next: { cycle: pointer.cycle, weekNumber: week, dayNumber: day }, completedCycle: null };
    }
  }
  // A new cycle has nothing done yet; a week without days (not a valid plan) is stepped over.
  const firstWeek = weekDays.findIndex((days) => days > 0) + 1 || 1;
  return { next: { cycle: pointer.cycle + 1, weekNumber: firstWeek, dayNumber: 1 }, completedCycle: pointer.cycle };
}
