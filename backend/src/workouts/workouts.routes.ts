import { Router } from 'express';
import type { AppDeps } from '../app';
import { currentUserId } from '../http/auth-middleware';
import { emptyBody, idParams } from '@liftplan/domain';
import { parseBody, parseParams, parseQuery } from '../http/validate';
import { listWorkoutsQuery, logSetBody, startWorkoutBody, workoutSetParams } from '@liftplan/domain';
import { abandonWorkout, completeWorkout, getWorkout, listWorkouts, logSet, startWorkout } from './workouts.service';
import { registerWorkoutChanges } from './workout-changes.routes';
import { registerWorkoutNote } from './workout-note.routes';

export function workoutsRouter({ db, config }: AppDeps): Router {
  const router = Router();
  registerWorkoutChanges(router, db); // before '/:id': add/delete sets, swap, last performance
  registerWorkoutNote(router, db); // PATCH /:id { note }
  router.post('/', async (req, res) => {
    res.status(201).json({ workout: await startWorkout(db, currentUserId(req), parseBody(startWorkoutBody, req)) });
  });
  router.get('/', async (req, res) => {
    res.json(await listWorkouts(db, currentUserId(req), parseQuery(listWorkoutsQuery, req)));
  });
  router.get('/:id', async (req, res) => {
    res.json({ workout: await getWorkout(db, currentUserId(req), parseParams(idParams, req).id) });
  });
  router.patch('/:id/sets/:setId', async (req, res) => {
    const { id, setId } = parseParams(workoutSetParams, req);
    res.json({ set: await logSet(db, currentUserId(req), id, setId, parseBody(logSetBody, req)) });
  });
  router.post('/:id/complete', async (req, res) => {
    const { id } = parseParams(idParams, req);
    parseBody(emptyBody, req);
    res.json(await completeWorkout(db, currentUserId(req), id, config.clock));
  });
  router.post('/:id/abandon', async (req, res) => {
    const { id } = parseParams(idParams, req);
    parseBody(emptyBody, req);
    res.json({ workout: await abandonWorkout(db, currentUserId(req), id) });
  });
  return router;
}
