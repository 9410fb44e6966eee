import crypto from 'node:crypto';
import type { Request, Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import type { Logger } from 'pino';
import { RateLimiterMemory, RateLimiterPrisma, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { AppConfig } from '../config/config';
import type { Db } from '../db/prisma';
import { AppError } from '../http/errors';

type Limit = { limit: number; windowMs: number };

export type AuthLimits = {
  /** Counts a registration attempt from this client; 429 past the limit. */
  countRegistration(req: Request, res: Response): Promise<void>;
  /**
   * Counts a sign-in attempt against the client and the account before the password is checked (so parallel
   * guesses can't slip past the limit); 429 when either has used up its failures. Call `succeeded` after a right
   * password: it refunds the client's point and clears the account's failures, so only failures count.
   */
  startLogin(req: Request, res: Response, email: string): Promise<{ succeeded: () => Promise<void> }>;
};

/** Counters in PostgreSQL (table rate_limits), so every app instance on the database shares them. */
export function createAuthLimits(
  db: Db,
  config: Pick<AppConfig, 'loginRateLimit' | 'registerRateLimit'>,
  log: Logger,
): AuthLimits {
  const registrations = sharedLimiter(db, 'register-ip', config.registerRateLimit, { clearsExpiredRows: true });
  const loginsByClient = sharedLimiter(db, 'login-ip', config.loginRateLimit);
  const loginsByAccount = sharedLimiter(db, 'login-account', config.loginRateLimit);
  const count = (limiter: RateLimiterAbstract, key: string) => countOne(limiter, key, log);

  return {
    async countRegistration(req, res) {
      const refused = await count(registrations, clientKey(req));
      if (refused) throw tooManyRequests(res, refused, 'Too many new accounts from your network; try again later');
    },

    async startLogin(req, res, email) {
      const client = clientKey(req);
      const account = accountKey(email);
      const refusals = await Promise.all([count(loginsByClient, client), count(loginsByAccount, account)]);
      const refused = refusals.filter((r) => r !== undefined).sort((a, b) => b.msBeforeNext - a.msBeforeNext)[0];
      if (refused)
        throw tooManyRequests(res, refused, 'Too many failed sign-in attempts; wait a few minutes and try again');
      const succeeded = async () => {
        await Promise.all([loginsByClient.reward(client), loginsByAccount.delete(account)]).catch((err: unknown) =>
          log.warn({ err }, 'could not clear sign-in failures'),
        );
      };
      return { succeeded };
    },
  };
}

/** While the database fails, the same limit is kept in this process's memory instead. */
function sharedLimiter(db: Db, keyPrefix: string, { limit, windowMs }: Limit, { clearsExpiredRows = false } = {}) {
  const options = { keyPrefix, points: limit, duration: windowMs / 1000 };
  return new RateLimiterPrisma({
    ...options,
    storeClient: db,
    tableName: 'rateLimit',
    // One limiter per app sweeps the whole table (rows of every prefix) every 5 minutes.
    clearExpiredByTimeout: clearsExpiredRows,
    insuranceLimiter: new RateLimiterMemory(options),
  });
}

/** Adds one to the key's counter; the refusal when that goes past the limit. Any other failure lets the request through. */
async function countOne(limiter: RateLimiterAbstract, key: string, log: Logger): Promise<RateLimiterRes | undefined> {
  try {
    await limiter.consume(key);
    return undefined;
  } catch (err) {
    if (err instanceof RateLimiterRes) return err;
    log.warn({ err }, 'rate limiter failed; request let through');
    return undefined;
  }
}

function tooManyRequests(res: Response, refused: RateLimiterRes, message: string): AppError {
  res.set('Retry-After', String(Math.max(1, Math.ceil(refused.msBeforeNext / 1000))));
  return new AppError(429, 'TOO_MANY_REQUESTS', message);
}

/** The client's address (X-Forwarded-For only with TRUST_PROXY); an IPv6 client counts by its /56 network. */
const clientKey = (req: Request) => ipKeyGenerator(req.ip ?? 'unknown');

/** Hashed: keeps emails out of the counters table and every key short. */
const accountKey = (email: string) => crypto.createHash('sha256').update(email).digest('base64url');
