import type { Weekday } from '@liftplan/domain';

/**
 * The days the server lays a plan on when the lifter names none (backend schedule/calendar.ts), offered as the
 * starting choice so that accepting it changes nothing.
 */
const DEFAULT_SPREAD: Record<number, Weekday[]> = {
  1: ['mon'],
  2: ['mon', 'thu'],
  3: ['mon', 'wed', 'fri'],
  4: ['mon', 'tue', 'thu', 'fri'],
  5: ['mon', 'tue', 'wed', 'thu', 'fri'],
  6: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
};

export function defaultTrainingDays(daysPerWeek: number): Weekday[] {
  return DEFAULT_SPREAD[daysPerWeek] ?? ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
}
