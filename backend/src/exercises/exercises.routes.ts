import { Router } from 'express';
import type { AppDeps } from '../app';
import { idParams } from '@liftplan/domain';
import { parseBody, parseParams, parseQuery } from '../http/validate';
import { createExerciseBody, listExercisesQuery, updateExerciseBody } from '@liftplan/domain';
import { createExercise, deleteExercise, getExercise, listExercises, updateExercise } from './exercises.service';

/** `/api/exercises`: the library, read-only, for lifters. */
export function exercisesRouter({ db }: AppDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    res.json({ exercises: await listExercises(db, parseQuery(listExercisesQuery, req)) });
  });
  return router;
}

/** `/api/admin/exercises`: full CRUD. */
export function adminExercisesRouter({ db }: AppDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    res.json({ exercises: await listExercises(db, parseQuery(listExercisesQuery, req)) });
  });
  router.get('/:id', async (req, res) => {
    res.json({ exercise: await getExercise(db, parseParams(idParams, req).id) });
  });
  router.post('/', async (req, res) => {
    res.status(201).json({ exercise: await createExercise(db, parseBody(createExerciseBody, req)) });
  });
  router.patch('/:id', async (req, res) => {
    const { id } = parseParams(idParams, req);
    res.json({ exercise: await updateExercise(db, id, parseBody(updateExerciseBody, req)) });
  });
  router.delete('/:id', async (req, res) => {
    await deleteExercise(db, parseParams(idParams, req).id);
    res.status(204).end();
  });
  return router;
}
