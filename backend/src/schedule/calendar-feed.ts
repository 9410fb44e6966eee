import crypto from 'node:crypto';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { DateTime } from 'luxon';
import type { ScheduleResponse, ScheduleSessionDto } from '@liftplan/domain';
import type { Clock } from '../config/clock';
import type { Db } from '../db/prisma';
import { addDays, dateInZone } from './calendar';
import { getSchedule } from './schedule.service';

// A read-only iCalendar feed of the lifter's training days, so a phone calendar shows them. The URL carries a
// 256-bit secret key instead of a token (calendar apps can't send headers); rotating the key cuts old subscribers off.

export const CALENDAR_FEED_PATH = '/api/schedule.ics';
/** What the feed covers: four weeks back (what was done or missed), nine weeks ahead — 92 days, one schedule read. */
const FEED_DAYS_BACK = 28;
const FEED_DAYS_AHEAD = 63;

export const feedPath = (key: string) => `${CALENDAR_FEED_PATH}?key=${key}`;

export async function calendarFeedKey(db: Db, userId: number): Promise<string | null> {
  return (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { calendarKey: true } })).calendarKey;
}

/** A new key (the old URL stops working at once). */
export async function rotateCalendarFeedKey(db: Db, userId: number): Promise<string> {
  const key = crypto.randomBytes(32).toString('base64url');
  await db.user.update({ where: { id: userId }, data: { calendarKey: key } });
  return key;
}

export async function removeCalendarFeedKey(db: Db, userId: number): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { calendarKey: null } });
}

/** The feed for a key, or null when no lifter has it (or they are on no plan and never were). */
export async function renderCalendarFeed(db: Db, key: string, clock: Clock): Promise<string | null> {
  const user = await db.user.findUnique({ where: { calendarKey: key }, select: { id: true, timeZone: true } });
  if (!user) return null;
  const today = dateInZone(clock.now(), user.timeZone);
  const from = addDays(today, -FEED_DAYS_BACK);
  const to = addDays(today, FEED_DAYS_AHEAD);
  const hasEnrolment = (await db.userPlan.count({ where: { userId: user.id } })) > 0;
  const calendar = ical({ name: 'LiftPlan training', method: ICalCalendarMethod.PUBLISH, ttl: 60 * 60 });
  if (!hasEnrolment) return calendar.toString();
  const schedule = await getSchedule(db, user.id, { from, to }, clock);
  for (const day of schedule.days) {
    for (const session of day.sessions) {
      calendar.createEvent({
        id: `liftplan-${schedule.enrolment.id}-${day.date}-${session.cycle}-${session.weekNumber}-${session.dayNumber}`,
        start: DateTime.fromISO(day.date, { zone: user.timeZone }),
        allDay: true,
        summary: eventTitle(schedule, session),
        description: session.topSets.map((s) => topSetLine(s, schedule.unit)).join('\n') || null,
      });
    }
  }
  return calendar.toString();
}

const STATUS_PREFIX: Record<ScheduleSessionDto['status'], string> = {
  scheduled: '',
  catch_up: 'Catch up: ',
  completed: '✓ ',
  skipped: 'Skipped: ',
  missed: 'Missed: ',
};

function eventTitle(schedule: ScheduleResponse, session: ScheduleSessionDto): string {
  const day = session.dayName ?? `Day ${session.dayNumber}`;
  return `${STATUS_PREFIX[session.status]}${schedule.enrolment.planName} · W${session.weekNumber} ${day}`;
}

function topSetLine(set: ScheduleSessionDto['topSets'][number], unit: string): string {
  const reps = `${set.reps}${set.repsMax ? `–${set.repsMax}` : ''}${set.isAmrap ? '+' : ''}`;
  return set.weight === null ? `${set.name}: ${reps} reps` : `${set.name}: ${set.weight} ${unit} × ${reps}`;
}
