import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { FRONTEND_DIR } from './harness';

/** What the built SPA depends on: if any of it is newer than dist/index.html, the build is stale. */
const SPA_SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];
const TEST_FILE = /\.test\.[jt]sx?$/;
const BUILT_INDEX = path.join(FRONTEND_DIR, 'dist/index.html');

/**
 * The browser tests exercise the built SPA as the server serves it in production. `pnpm test` builds first; this
 * rebuilds when someone runs the frontend tests alone after changing the source, so they never test stale code.
 */
export default function ensureSpaIsBuilt(): void {
  if (isBuildFresh()) return;
  const viteBin = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
  const result = spawnSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], {
    cwd: FRONTEND_DIR,
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('vite build failed; the browser tests need the built SPA');
}

function isBuildFresh(): boolean {
  if (!fs.existsSync(BUILT_INDEX)) return false;
  const builtAt = fs.statSync(BUILT_INDEX).mtimeMs;
  return SPA_SOURCES.every((source) => newestModification(path.join(FRONTEND_DIR, source)) <= builtAt);
}

function newestModification(file: string): number {
  const stats = fs.statSync(file);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return fs
    .readdirSync(file)
    .filter((entry) => !TEST_FILE.test(entry))
    .reduce((newest, entry) => Math.max(newest, newestModification(path.join(file, entry))), stats.mtimeMs);
}
