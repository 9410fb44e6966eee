import { Router } from 'express';
import type { AppDeps } from '../app';
import { currentUserId } from '../http/auth-middleware';
import { parseBody, parseParams } from '../http/validate';
import { adjustBody, exerciseIdParams, setupBody } from '@liftplan/domain';
import { adjustTrainingMax, getTrainingMaxes, setupTrainingMaxes, trainingMaxHistory } from './training-maxes.service';

export function trainingMaxesRouter({ db }: AppDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    res.json(await getTrainingMaxes(db, currentUserId(req)));
  });
  router.post('/setup', async (req, res) => {
    res.status(201).json(await setupTrainingMaxes(db, currentUserId(req), parseBody(setupBody, req)));
  });
  router.get('/:exerciseId/history', async (req, res) => {
    res.json(await trainingMaxHistory(db, currentUserId(req), parseParams(exerciseIdParams, req).exerciseId));
  });
  router.post('/:exerciseId/adjust', async (req, res) => {
    const { exerciseId } = parseParams(exerciseIdParams, req);
    res.status(201).json(await adjustTrainingMax(db, currentUserId(req), exerciseId, parseBody(adjustBody, req)));
  });
  return router;
}
