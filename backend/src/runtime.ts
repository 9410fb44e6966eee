import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import { createApp } from './app';
import { upsertAdmin } from './auth/auth.service';
import { REPO_ROOT, type AppConfig } from './config/config';
import { openDatabase } from './db/database';
import { allMigrationsApplied, migrateDeploy } from './db/migrate';
import { createPrismaClient } from './db/prisma';
import { withStartupLock } from './db/startup-lock';
import { AccountCache } from './http/account-cache';
import { createGracefulServer, type Lifecycle } from './http/graceful-server';
import { seedDatabase } from './seed/seed';

/** `stop` drains requests in flight for `graceMs` (default: the configured shutdown grace), then stops everything. */
export type Runtime = { url: string; stop: (graceMs?: number) => Promise<void> };

/** Everything `pnpm start` does: SPA build if needed, database, migrations, seed, admin, HTTP server. */
export async function startRuntime(config: AppConfig, log: Logger = createLogger(config)): Promise<Runtime> {
  ensureSpaBuilt(config, log);
  const database = await openDatabase(config, log);
  try {
    const db = createPrismaClient(database.databaseUrl);
    // One instance at a time: several starting on one database would race to seed it.
    await withStartupLock(database.databaseUrl, log, async () => {
      if (await allMigrationsApplied(database.databaseUrl)) log.info('migrations up to date');
      else {
        await migrateDeploy(database.databaseUrl);
        log.info('migrations applied');
      }
      await seedDatabase(db, log);
      if (config.admin) {
        await upsertAdmin(db, config.admin.email, config.admin.password);
        log.info({ email: config.admin.email }, 'admin account ready');
      }
    });
    const lifecycle: Lifecycle = { draining: false };
    const accounts = new AccountCache();
    await accounts.listen(database.databaseUrl, log);
    const http = createGracefulServer(createApp(db, config, log, { lifecycle, accounts }), lifecycle, log);
    await listen(http.server, config.port);
    const url = `http://localhost:${(http.server.address() as AddressInfo).port}`;
    const stop = async (graceMs = config.shutdownGraceMs) => {
      await http.drain(graceMs);
      await accounts.close();
      await db.$disconnect();
      await database.stop();
    };
    return { url, stop };
  } catch (err) {
    await database.stop().catch(() => {});
    throw err;
  }
}

export function createLogger(config: AppConfig): Logger {
  return pino({ level: config.logLevel, base: undefined, redact: ['req.headers.authorization', 'req.headers.cookie'] });
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(
              `LiftPlan could not listen on port ${port}: the port is in use by another program; set PORT to a free port`,
            )
          : err,
      ),
    );
    server.listen(port, () => resolve());
  });
}

function ensureSpaBuilt(config: AppConfig, log: Logger): void {
  if (fs.existsSync(path.join(config.spaDir, 'index.html'))) return;
  const frontendDir = path.join(REPO_ROOT, 'frontend');
  log.info('building the web app (first start)');
  // vite 8's package exports don't expose bin/, so go through package.json.
  const vite = path.join(path.dirname(require.resolve('vite/package.json', { paths: [frontendDir] })), 'bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--outDir', config.spaDir, '--emptyOutDir'], {
    cwd: frontendDir,
    env: { ...process.env, NODE_ENV: 'production' }, // else React's development build is bundled
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error('building the web app failed');
}
