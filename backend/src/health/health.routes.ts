import { Router } from 'express';
import type { AppDeps } from '../app';

export function healthRouter({ db }: AppDeps): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const started = process.hrtime.bigint();
    try {
      await db.$queryRaw`SELECT 1`;
      const latencyMs = Number(process.hrtime.bigint() - started) / 1e6;
      res.json({ status: 'ok', database: { reachable: true, latencyMs: Math.round(latencyMs * 100) / 100 } });
    } catch {
      res.status(503).json({ status: 'degraded', database: { reachable: false } });
    }
  });
  return router;
}
