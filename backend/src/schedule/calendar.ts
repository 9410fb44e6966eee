import { DateTime } from 'luxon';
import { WEEKDAYS, type Weekday } from '@liftplan/domain';

/** A calendar date, `YYYY-MM-DD`, in the lifter's time zone. */
export type IsoDate = string;

const DAY_MS = 86_400_000;

/** The date an instant falls on in a zone (Luxon applies the zone's offsets and DST rules). */
export const dateInZone = (instant: Date, timeZone: string): IsoDate =>
  DateTime.fromJSDate(instant, { zone: timeZone }).toISODate()!;

/**
 * Dates as day numbers (days since 1970-01-01) for stepping through a calendar: a date has no time of day, so
 * adding days never meets a DST change. Only dateInZone deals with zones.
 */
export const dayNumber = (date: IsoDate): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
export const dateOf = (day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const addDays = (date: IsoDate, days: number): IsoDate => dateOf(dayNumber(date) + days);
/** ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export const isoWeekday = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

export const weekdayName = (isoDay: number): Weekday => WEEKDAYS[isoDay - 1]!;
export const isoDayOf = (weekday: Weekday): number => WEEKDAYS.indexOf(weekday) + 1;

/** Days a plan with `daysPerWeek` sessions is laid on when the lifter names none: spread over the week. */
export function defaultTrainingDays(daysPerWeek: number): number[] {
  const spread: Record<number, number[]> = {
    1: [1],
    2: [1, 4],
    3: [1, 3, 5],
    4: [1, 2, 4, 5],
    5: [1, 2, 3, 4, 5],
    6: [1, 2, 3, 4, 5, 6],
  };
  return spread[daysPerWeek] ?? [1, 2, 3, 4, 5, 6, 7];
}
