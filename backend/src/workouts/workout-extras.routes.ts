import { Router } from 'express';
import type { AppDeps } from '../app';
import { currentUserId } from '../http/auth-middleware';
import { parseBody, parseParams } from '../http/validate';
import { emptyBody, idParams } from '@liftplan/domain';
import { streamWorkoutCsv } from './workout-export';
import { regenerateWorkout } from './workout-regenerate';

/** Mounted at /api/workouts before the main workouts router, so `export.csv` is never read as an id. */
export function workoutExtrasRouter({ db }: AppDeps): Router {
  const router = Router();
  router.get('/export.csv', async (req, res) => {
    await streamWorkoutCsv(db, currentUserId(req), res);
  });
  router.post('/:id/regenerate', async (req, res) => {
    const { id } = parseParams(idParams, req);
    parseBody(emptyBody, req);
    res.json(await regenerateWorkout(db, currentUserId(req), id));
  });
  return router;
}
