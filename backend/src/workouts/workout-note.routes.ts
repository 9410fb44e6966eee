import type { Router } from 'express';
import type { Db } from '../db/prisma';
import { currentUserId } from '../http/auth-middleware';
import { parseBody, parseParams } from '../http/validate';
import { idParams, updateWorkoutBody } from '@liftplan/domain';
import { updateWorkoutNote } from './workout-note.service';

/** `PATCH /api/workouts/:id { note }` → 200 `{ workout }`. */
export function registerWorkoutNote(router: Router, db: Db): void {
  router.patch('/:id', async (req, res) => {
    const { id } = parseParams(idParams, req);
    res.json({ workout: await updateWorkoutNote(db, currentUserId(req), id, parseBody(updateWorkoutBody, req)) });
  });
}
