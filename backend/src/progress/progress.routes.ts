import { Router } from 'express';
import type { AppDeps } from '../app';
import { currentUserId } from '../http/auth-middleware';
import { getProgress } from './progress.service';

export function progressRouter({ db }: AppDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    res.json(await getProgress(db, currentUserId(req)));
  });
  return router;
}
