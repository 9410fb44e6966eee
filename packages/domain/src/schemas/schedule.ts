import { z } from 'zod';

/** Training days as the API speaks them; stored as ISO weekdays (1 = Monday … 7 = Sunday). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const weekdaySchema = z.enum(WEEKDAYS);

/** How long a schedule request may span (both ends included). */
export const MAX_SCHEDULE_DAYS = 92;
/** How far back a lifter may date the start of a program ("I started on paper last Monday"), and ahead. */
export const START_DATE_LIMITS = { pastDays: 28, futureDays: 365 } as const;

const isCalendarDate = (text: string) => {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** A calendar date, `YYYY-MM-DD`, in the lifter's time zone. */
export const isoDateInput = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
  .refine(isCalendarDate, 'not a calendar date');

/** An IANA time zone name the runtime knows ("Asia/Jerusalem", "America/New_York", "UTC"). */
export const timeZoneInput = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'not an IANA time zone name such as "Europe/London"');

export const preferredDaysInput = z
  .array(weekdaySchema)
  .min(1, 'choose at least one training day')
  .max(7)
  .refine((days) => new Set(days).size === days.length, 'each day at most once');

export const subscribeBody = z.strictObject({
  preferredDays: preferredDaysInput.optional(),
  /** The first training date (default: today in the lifter's time zone). */
  startDate: isoDateInput.optional(),
});
export type SubscribeBody = z.infer<typeof subscribeBody>;

export const updateCurrentPlanBody = z.strictObject({ preferredDays: preferredDaysInput });
export type UpdateCurrentPlanBody = z.infer<typeof updateCurrentPlanBody>;

export const scheduleQuery = z
  .strictObject({ from: isoDateInput, to: isoDateInput })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_SCHEDULE_DAYS, {
    message: `at most ${MAX_SCHEDULE_DAYS} days per request`,
    path: ['to'],
  });
export type ScheduleQuery = z.infer<typeof scheduleQuery>;

/** active ⇄ paused; active | paused → ended (by the lifter, or another plan started); active → completed (finite). */
export const ENROLMENT_STATUSES = ['active', 'paused', 'completed', 'ended'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export const enrolmentDto = z.object({
  id: z.number(),
  planId: z.number(),
  planName: z.string(),
  planVersionId: z.number(),
  version: z.number(),
  status: z.enum(ENROLMENT_STATUSES),
  startDate: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  pausedAt: z.string().nullable(),
  preferredDays: z.array(weekdaySchema),
  timeZone: z.string(),
  /** How many times the plan's cycle runs; null repeats until the lifter stops. */
  cycles: z.number().nullable(),
  /** The date of the last session of a finite program as laid out today (null: repeating, or not active). */
  expectedEndDate: z.string().nullable(),
  progress: z.object({
    cycle: z.number(),
    weekNumber: z.number(),
    dayNumber: z.number(),
    /** Week of the whole program: (cycle − 1) × weeks per cycle + week. */
    programWeek: z.number(),
    /** null for a repeating program. */
    programWeeks: z.number().nullable(),
    sessionsDone: z.number(),
    sessionsTotal: z.number().nullable(),
  }),
});
export type EnrolmentDto = z.infer<typeof enrolmentDto>;

export const enrolmentResponse = z.object({ enrolment: enrolmentDto });
export type EnrolmentResponse = z.infer<typeof enrolmentResponse>;
export const enrolmentsResponse = z.object({ enrolments: z.array(enrolmentDto) });
export type EnrolmentsResponse = z.infer<typeof enrolmentsResponse>;

export const SCHEDULE_STATUSES = ['scheduled', 'completed', 'skipped', 'missed', 'catch_up'] as const;
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

export const scheduleTopSetDto = z.object({
  exerciseId: z.number(),
  name: z.string(),
  /** In the lifter's unit, from today's TMs; null without a TM. */
  weight: z.number().nullable(),
  reps: z.number(),
  repsMax: z.number().nullable(),
  isAmrap: z.boolean(),
});
export type ScheduleTopSetDto = z.infer<typeof scheduleTopSetDto>;

export const scheduleSessionDto = z.object({
  status: z.enum(SCHEDULE_STATUSES),
  cycle: z.number(),
  weekNumber: z.number(),
  dayNumber: z.number(),
  dayName: z.string().nullable(),
  weekName: z.string().nullable(),
  isDeload: z.boolean(),
  /** The workout done (completed, skipped) or under way on this date. */
  workoutId: z.number().nullable(),
  inProgress: z.boolean(),
  /** catch_up: the preferred day the session was first due on and missed. */
  missedDate: z.string().nullable(),
  /** The heaviest set of each weighted slot, for sessions still to lift (scheduled, catch_up, missed). */
  topSets: z.array(scheduleTopSetDto),
});
export type ScheduleSessionDto = z.infer<typeof scheduleSessionDto>;

export const scheduleDayDto = z.object({
  date: z.string(),
  weekday: weekdaySchema,
  isToday: z.boolean(),
  isTrainingDay: z.boolean(),
  isPaused: z.boolean(),
  sessions: z.array(scheduleSessionDto),
});
export type ScheduleDayDto = z.infer<typeof scheduleDayDto>;

export const scheduleResponse = z.object({
  timeZone: z.string(),
  today: z.string(),
  unit: z.enum(['kg', 'lb']),
  enrolment: enrolmentDto,
  days: z.array(scheduleDayDto),
});
export type ScheduleResponse = z.infer<typeof scheduleResponse>;

/** The lifter's calendar feed: `path` (with its secret key) to append to the app's origin; null when off. */
export const calendarFeedResponse = z.object({ feed: z.object({ path: z.string() }).nullable() });
export type CalendarFeedResponse = z.infer<typeof calendarFeedResponse>;

/** `GET /api/schedule.ics?key=`: the feed's key (43 URL-safe base64 characters) is its only credential. */
export const calendarFeedQuery = z.strictObject({ key: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a calendar key') });
