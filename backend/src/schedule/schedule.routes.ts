import { Router } from 'express';
import { calendarFeedQuery, emptyBody, scheduleQuery } from '@liftplan/domain';
import type { AppDeps } from '../app';
import { currentUserId } from '../http/auth-middleware';
import { notFound } from '../http/errors';
import { parseBody, parseQuery } from '../http/validate';
import {
  calendarFeedKey,
  feedPath,
  removeCalendarFeedKey,
  renderCalendarFeed,
  rotateCalendarFeedKey,
} from './calendar-feed';
import { getSchedule } from './schedule.service';

/** `/api/schedule`: the lifter's training calendar, computed on the server in their time zone. */
export function scheduleRouter({ db, config }: AppDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    res.json(await getSchedule(db, currentUserId(req), parseQuery(scheduleQuery, req), config.clock));
  });
  // The calendar feed's secret address: read, create or rotate, remove.
  router.get('/feed', async (req, res) => {
    const key = await calendarFeedKey(db, currentUserId(req));
    res.json({ feed: key ? { path: feedPath(key) } : null });
  });
  router.post('/feed', async (req, res) => {
    parseBody(emptyBody, req);
    res.json({ feed: { path: feedPath(await rotateCalendarFeedKey(db, currentUserId(req))) } });
  });
  router.delete('/feed', async (req, res) => {
    parseBody(emptyBody, req);
    await removeCalendarFeedKey(db, currentUserId(req));
    res.status(204).end();
  });
  return router;
}

/** `GET /api/schedule.ics?key=…`: no bearer token (calendar apps can't send one); the key is the credential. */
export function calendarFeedRouter({ db, config }: AppDeps): Router {
  const router = Router();
  router.get('/schedule.ics', async (req, res) => {
    const { key } = parseQuery(calendarFeedQuery, req);
    const feed = await renderCalendarFeed(db, key, config.clock);
    if (feed === null) throw notFound('Calendar feed');
    res.type('text/calendar; charset=utf-8').set('Cache-Control', 'private, max-age=300').send(feed);
  });
  return router;
}
