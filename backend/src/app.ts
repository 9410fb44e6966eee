import { calendarFeedRouter, scheduleRouter } from './schedule/schedule.routes';
import compression from 'compression';
import express, { type RequestHandler, Router } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { AppConfig } from './config/config';
import type { Db } from './db/prisma';
import { AccountCache } from './http/account-cache';
import { requireAdmin, requireAuth } from './http/auth-middleware';
import { errorHandler, notFoundApiRoute, requireJsonBody } from './http/errors';
import type { Lifecycle } from './http/graceful-server';
import { spaRouter } from './http/spa';
import { authRouter } from './auth/auth.routes';
import { healthRouter } from './health/health.routes';
import { adminUsersRouter } from './admin-users/admin-users.routes';
import { adminExercisesRouter, exercisesRouter } from './exercises/exercises.routes';
import { adminPlansRouter, plansRouter } from './plans/plans.routes';
import { trainingMaxesRouter } from './training-maxes/training-maxes.routes';
import { usersRouter } from './users/users.routes';
import { workoutsRouter } from './workouts/workouts.routes';
import { workoutExtrasRouter } from './workouts/workout-extras.routes';
import { userExportRouter } from './users/user-export.routes';
import { progressRouter } from './progress/progress.routes';
import { openApiRouter } from './openapi/openapi.routes';

export type AppDeps = {
  db: Db;
  config: AppConfig;
  log: Logger;
  requireAuth: RequestHandler;
  /** Accounts read by requireAuth; routes that change an account `forget` it. */
  accounts: AccountCache;
  /** Set by the server that runs the app (absent in tests): health answers 503 `draining` during shutdown. */
  lifecycle?: Lifecycle;
};

export type AppOptions = {
  lifecycle?: Lifecycle;
  /** Without one that listens for account changes (`AccountCache.listen`), every request reads its account. */
  accounts?: AccountCache;
};

export function createApp(db: Db, config: AppConfig, log: Logger, options: AppOptions = {}): express.Express {
  const accounts = options.accounts ?? new AccountCache();
  const { lifecycle } = options;
  const deps: AppDeps = {
    db,
    config,
    log,
    requireAuth: requireAuth(config.jwtSecret, db, accounts),
    accounts,
    lifecycle,
  };
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy); // unset TRUST_PROXY → false: X-Forwarded-For is ignored
  app.use(
    helmet({
      // Self-hosted over plain HTTP on a LAN is a real setup (a gym's tablet): don't force https there.
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
      strictTransportSecurity: config.nodeEnv === 'production',
    }),
  );
  app.use(compression());
  app.use(
    pinoHttp({
      logger: log,
      autoLogging: { ignore: (req) => req.url === '/api/health' },
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use('/api', requireJsonBody, express.json({ limit: '1mb' }), apiRouter(deps), notFoundApiRoute);
  app.use(spaRouter(config.spaDir));
  app.use(errorHandler);
  return app;
}

function apiRouter(deps: AppDeps): Router {
  const api = Router();
  api.use('/health', healthRouter(deps));
  api.use(openApiRouter()); // GET /api/openapi.json and the reference at /api/docs: public
  api.use('/auth', authRouter(deps));
  api.use('/admin', deps.requireAuth, requireAdmin(deps.db), adminRouter(deps));
  api.use('/users', deps.requireAuth, userExportRouter(deps));
  api.use('/users', deps.requireAuth, usersRouter(deps));
  api.use('/exercises', deps.requireAuth, exercisesRouter(deps));
  api.use('/plans', deps.requireAuth, plansRouter(deps));
  api.use('/training-maxes', deps.requireAuth, trainingMaxesRouter(deps));
  api.use('/workouts', deps.requireAuth, workoutExtrasRouter(deps));
  api.use('/workouts', deps.requireAuth, workoutsRouter(deps));
  api.use('/progress', deps.requireAuth, progressRouter(deps));
  api.use(calendarFeedRouter(deps)); // GET /schedule.ics: authenticated by its key, not a bearer token
  api.use('/schedule', deps.requireAuth, scheduleRouter(deps));
  return api;
}

function adminRouter(deps: AppDeps): Router {
  const admin = Router();
  admin.use('/users', adminUsersRouter(deps));
  admin.use('/exercises', adminExercisesRouter(deps));
  admin.use('/plans', adminPlansRouter(deps));
  return admin;
}
