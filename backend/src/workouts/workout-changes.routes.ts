import type { Router } from 'express';
import type { Db } from '../db/prisma';
import { currentUserId } from '../http/auth-middleware';
import { parseBody, parseParams, parseQuery } from '../http/validate';
import { addSetBody, idParams, lastPerformanceQuery, swapExerciseBody, workoutSetParams } from '@liftplan/domain';
import { addSet, deleteAddedSet, lastPerformance, swapExercise } from './workout-changes.service';

/**
 * A workout that bends: registered on the workouts router before `/:id`, so `/last-performance` is not an id.
 * `GET /last-performance?exerciseId=`, `POST /:id/sets`, `DELETE /:id/sets/:setId`, `POST /:id/swap`.
 */
export function registerWorkoutChanges(router: Router, db: Db): void {
  router.get('/last-performance', async (req, res) => {
    const { exerciseId } = parseQuery(lastPerformanceQuery, req);
    res.json({ lastPerformance: await lastPerformance(db, currentUserId(req), exerciseId) });
  });
  router.post('/:id/sets', async (req, res) => {
    const { id } = parseParams(idParams, req);
    res.status(201).json({ set: await addSet(db, currentUserId(req), id, parseBody(addSetBody, req)) });
  });
  router.delete('/:id/sets/:setId', async (req, res) => {
    const { id, setId } = parseParams(workoutSetParams, req);
    res.json(await deleteAddedSet(db, currentUserId(req), id, setId));
  });
  router.post('/:id/swap', async (req, res) => {
    const { id } = parseParams(idParams, req);
    res.json(await swapExercise(db, currentUserId(req), id, parseBody(swapExerciseBody, req)));
  });
}
