import { Router } from 'express';
import type { AppDeps } from '../app';
import { currentUserId } from '../http/auth-middleware';
import { exportUserData } from './user-export';

export function userExportRouter({ db }: AppDeps): Router {
  const router = Router();
  router.get('/me/export', async (req, res) => {
    const backup = await exportUserData(db, currentUserId(req));
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="liftplan-backup-${backup.exportedAt.slice(0, 10)}.json"`,
    );
    res.setHeader('Cache-Control', 'no-store');
    res.json(backup);
  });
  return router;
}
