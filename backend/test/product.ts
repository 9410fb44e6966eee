// Helpers for tests that run the real product as `pnpm start` does: a child process with an embedded PostgreSQL.
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const BACKEND = path.resolve(__dirname, '..');

export type Product = { child: ChildProcess; url: string; pgPort: number; output: () => string };

export const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

/** A fresh data directory that OS user postgres can reach (as root, PostgreSQL runs as that user). */
export function makeDataDir(prefix = 'liftplan-runtime-'): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dataDir, 0o755);
  return dataDir;
}

/** `ps` lines of PostgreSQL processes started on this data directory. */
export function postgresProcessesFor(dataDir: string): string[] {
  try {
    return execSync('ps -eo pid,args', { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes('postgres') && line.includes(dataDir));
  } catch {
    return [];
  }
}

export const postmasterPid = (dataDir: string): number =>
  Number(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);

export function isAlive(pid: number): boolean {
  try {
    const state = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
    return state !== 'Z';
  } catch {
    return false;
  }
}

/** Kills what a test left running: its product processes and every PostgreSQL process on its data directories. */
export function killEverything(children: ChildProcess[], dataDirs: string[]): void {
  for (const child of children) {
    try {
      process.kill(-child.pid!, 'SIGKILL'); // products are spawned as process group leaders: tsx and the server
    } catch {
      child.kill('SIGKILL'); // not a group leader, or already gone
    }
  }
  for (const dataDir of dataDirs) {
    for (const line of postgresProcessesFor(dataDir)) {
      const pid = Number(line.trim().split(/\s+/)[0]);
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}

export async function startProduct(dataDir: string, env: Record<string, string> = {}): Promise<Product> {
  const pgPort = Number(env.EMBEDDED_PG_PORT ?? (await freePort()));
  const child = spawnProduct(dataDir, { ...env, EMBEDDED_PG_PORT: String(pgPort) });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited early (${code}):\n${output}`)));
  });
  return { child, url, pgPort, output: () => output };
}

/** Starts the product expecting it to fail: its exit code and everything it printed. */
export async function startProductExpectingFailure(dataDir: string, env: Record<string, string>) {
  const child = spawnProduct(dataDir, env);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await exitOf(child);
  return { code, output };
}

function spawnProduct(dataDir: string, env: Record<string, string>): ChildProcess {
  const spaDir = path.join(dataDir, 'spa');
  fs.mkdirSync(spaDir, { recursive: true });
  fs.writeFileSync(path.join(spaDir, 'index.html'), '<!doctype html><div id="root">spa</div>');
  return spawn(process.execPath, ['--enable-source-maps', 'dist/main.cjs'], {
    cwd: BACKEND,
    env: {
      ...process.env,
      PORT: '0',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SPA_DIR: spaDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      ADMIN_EMAIL: 'boss@example.com',
      ADMIN_PASSWORD: 'bootstrap-password',
      LOGIN_RATE_LIMIT: '1000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
}

/** The PID of the server process: the bundled server runs in the spawned process itself (no tsx launcher). */
export function serverPid(product: ChildProcess): number {
  if (product.pid === undefined) throw new Error('the server process has no pid');
  return product.pid;
}

export function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

/** Polls `check` every 25 ms until it returns a value other than undefined. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The health status code, or 0 if no connection could be made. */
export async function healthStatus(url: string): Promise<{ status: number; body: unknown }> {
  try {
    const res = await fetch(`${url}/api/health`);
    return { status: res.status, body: await res.json() };
  } catch {
    return { status: 0, body: undefined };
  }
}

export const login = (url: string, email: string, password: string) =>
  fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });

export async function registerUser(url: string, email: string, password: string): Promise<void> {
  const res = await fetch(`${url}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, displayName: 'Crash Test' }),
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${await res.text()}`);
}

/** A superuser connection to the product's embedded PostgreSQL. */
export async function connectAsPostgres(dataDir: string, pgPort: number, database = 'liftplan'): Promise<pg.Client> {
  const password = fs.readFileSync(path.join(dataDir, 'postgres-password'), 'utf8').trim();
  const client = new pg.Client({ host: '127.0.0.1', port: pgPort, user: 'postgres', password, database });
  await client.connect();
  return client;
}
