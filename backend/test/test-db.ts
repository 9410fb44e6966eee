import crypto from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../src/app';
import { AccountCache } from '../src/http/account-cache';
import { loadConfig, type AppConfig } from '../src/config/config';
import { createPrismaClient, type Db } from '../src/db/prisma';
import { seedDatabase } from '../src/seed/seed';
import { withContractCheck } from './contract-check';

export type TestDatabase = { url: string; db: Db; drop: () => Promise<void> };

function serverUrl(): URL {
  const url = process.env.TEST_PG_SERVER_URL;
  if (!url) throw new Error('TEST_PG_SERVER_URL is not set: run tests through jest (global setup)');
  return new URL(url);
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl().toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database cloned from a template: each test file gets its own. `seeded` (default) clones the template the
 * global setup seeded once; `seeded: false` an empty, migrated one.
 */
export async function createTestDatabase({ seeded = true }: { seeded?: boolean } = {}): Promise<TestDatabase> {
  const name = `t_${crypto.randomBytes(6).toString('hex')}`;
  const template = seeded ? process.env.TEST_SEEDED_TEMPLATE_DB : process.env.TEST_TEMPLATE_DB;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = new URL(serverUrl().toString());
  url.pathname = `/${name}`;
  const db = createPrismaClient(url.toString());
  return {
    url: url.toString(),
    db,
    drop: async () => {
      await db.$disconnect();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

export type TestContext = TestDatabase & {
  app: ReturnType<typeof createApp>;
  config: AppConfig;
  accounts: AccountCache;
  http: () => ReturnType<typeof request>;
};

/** A seeded database plus the real Express app in front of it (no listening socket; supertest drives it). */
export async function createTestContext(overrides: Partial<AppConfig> = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  await seedDatabase(database.db);
  const config: AppConfig = {
    ...loadConfig({
      NODE_ENV: 'test',
      JWT_SECRET: 'test-secret-test-secret-0123456789',
      DATA_DIR: '/tmp/liftplan-unused',
    }),
    databaseUrl: database.url,
    loginRateLimit: { limit: 1000, windowMs: 60_000 },
    registerRateLimit: { limit: 1000, windowMs: 60_000 },
    ...overrides,
  };
  const accounts = new AccountCache();
  await accounts.listen(database.url);
  const app = createApp(database.db, config, pino({ level: 'silent' }), { accounts });
  const checked = withContractCheck(app);
  const drop = async () => {
    await accounts.close();
    await database.drop();
  };
  return { ...database, drop, app, config, accounts, http: () => request(checked) };
}
