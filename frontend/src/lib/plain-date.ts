/**
 * Calendar dates as the API sends them (`YYYY-MM-DD`, already in the lifter's time zone). The server decides what
 * today is and what is due when; these helpers only step through dates for a query range and format them.
 */
export type PlainDate = string;

const DAY_MS = 86_400_000;
const utcMidnight = (date: PlainDate) => Date.parse(`${date}T00:00:00Z`);
const fromUtcMidnight = (ms: number): PlainDate => new Date(ms).toISOString().slice(0, 10);

export const addDays = (date: PlainDate, days: number): PlainDate => fromUtcMidnight(utcMidnight(date) + days * DAY_MS);

/** The Monday of the date's week (weeks start on Monday, as the API's weekdays do). */
export function mondayOf(date: PlainDate): PlainDate {
  const daysSinceMonday = (new Date(utcMidnight(date)).getUTCDay() + 6) % 7;
  return addDays(date, -daysSinceMonday);
}

/** Today's date in a time zone by this device's clock (the device's own zone when the name is unknown). */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): PlainDate {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(now);
  } catch {
    return todayIn(undefined, now);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** "Dec 20" by default; computed in UTC, where a plain date's midnight lies, so no zone moves it a day. */
export function formatPlainDate(
  date: PlainDate,
  options: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric' },
): string {
  return new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' }).format(utcMidnight(date));
}

/** The date an instant (an ISO timestamp) falls on in the lifter's time zone: "Dec 9". */
export function formatInstantDate(
  instant: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric' },
): string {
  try {
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone }).format(new Date(instant));
  } catch {
    return new Intl.DateTimeFormat(undefined, options).format(new Date(instant));
  }
}
