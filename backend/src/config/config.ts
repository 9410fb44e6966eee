import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { clockStartingAt, systemClock, type Clock } from './clock';

import { REPO_ROOT } from './paths';

export { REPO_ROOT };

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54320),
  JWT_SECRET: z.string().min(16).optional(),
  JWT_EXPIRES_IN: z.string().min(1).default('7d'),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(8).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  LOGIN_RATE_WINDOW_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(15 * 60 * 1000),
  REGISTER_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  REGISTER_RATE_WINDOW_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(60 * 60 * 1000),
  TRUST_PROXY: z.string().transform(parseTrustProxy).optional(),
  SPA_DIR: z.string().min(1).optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(15_000),
  /** Tests only: the instant the server's clock starts at (ISO 8601 with an offset). */
  CLOCK_START: z.iso.datetime({ offset: true }).optional(),
});

export type AppConfig = {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  databaseUrl?: string;
  dataDir: string;
  embeddedPgPort: number;
  jwtSecret: string;
  jwtExpiresIn: string;
  admin?: { email: string; password: string };
  logLevel: string;
  /** Failed sign-ins allowed per client IP, and per account, within the window. */
  loginRateLimit: { limit: number; windowMs: number };
  /** Registration attempts allowed per client IP within the window. */
  registerRateLimit: { limit: number; windowMs: number };
  /** Express's `trust proxy` setting: false (the default) = the client is the socket's peer. */
  trustProxy: TrustProxy;
  spaDir: string;
  /** On SIGTERM/SIGINT, how long requests in flight may take to finish before their connections are closed. */
  shutdownGraceMs: number;
  /** "Now" for dates lifters see (schedules, completions): the system clock outside tests. */
  clock: Clock;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable counts as unset (DATABASE_URL= in a shell or compose file).
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR ?? path.join(REPO_ROOT, '.data'));
  if (e.NODE_ENV === 'production' && !e.JWT_SECRET) {
    throw new Error('Invalid configuration: JWT_SECRET is required when NODE_ENV=production');
  }
  if (e.NODE_ENV === 'production' && e.CLOCK_START) {
    throw new Error('Invalid configuration: CLOCK_START is for tests and must not be set when NODE_ENV=production');
  }
  if (Boolean(e.ADMIN_EMAIL) !== Boolean(e.ADMIN_PASSWORD)) {
    throw new Error('Invalid configuration: set both ADMIN_EMAIL and ADMIN_PASSWORD, or neither');
  }
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    jwtSecret: e.JWT_SECRET ?? dataDirSecret(dataDir),
    jwtExpiresIn: e.JWT_EXPIRES_IN,
    admin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : undefined,
    logLevel: e.LOG_LEVEL,
    loginRateLimit: { limit: e.LOGIN_RATE_LIMIT, windowMs: e.LOGIN_RATE_WINDOW_MS },
    registerRateLimit: { limit: e.REGISTER_RATE_LIMIT, windowMs: e.REGISTER_RATE_WINDOW_MS },
    trustProxy: e.TRUST_PROXY ?? false,
    spaDir: path.resolve(e.SPA_DIR ?? path.join(REPO_ROOT, 'frontend/dist')),
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    clock: e.CLOCK_START ? clockStartingAt(new Date(e.CLOCK_START)) : systemClock,
  };
}

export type TrustProxy = boolean | number | string;

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** TRUST_PROXY: a hop count, `true`/`false`, or a comma list of addresses, subnets and Express's names (`loopback`…). */
function parseTrustProxy(value: string, ctx: z.RefinementCtx): TrustProxy {
  const text = value.trim();
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^\d+$/.test(text)) return Number(text);
  const invalid = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => !PROXY_NAMES.has(item) && !isAddressOrSubnet(item));
  if (invalid.length > 0)
    ctx.addIssue({ code: 'custom', message: `not an address, subnet or proxy name: ${invalid.join(', ')}` });
  return text;
}

function isAddressOrSubnet(item: string): boolean {
  const [address = '', prefix, ...rest] = item.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/** Outside production a random secret is kept per data directory, so tokens survive restarts. */
function dataDirSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = crypto.randomBytes(32).toString('hex');
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
