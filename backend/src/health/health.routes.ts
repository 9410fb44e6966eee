import { Router } from 'express';
import type { AppDeps } from '../app';

export function healthRouter({ db, lifecycle }: AppDeps): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    if (lifecycle?.draining) {
      res.status(503).json({ status: 'draining' }); // load balancers stop sending traffic; no database needed
      return;
    }
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
