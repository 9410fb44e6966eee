// The real product as `pnpm start` runs it: a child process with an embedded PostgreSQL in a fresh data dir.
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const BACKEND = path.resolve(__dirname, '..');
const TSX_CLI = require.resolve('tsx/cli', { paths: [BACKEND] });

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

function postgresProcessesFor(dataDir: string): string[] {
  try {
    return execSync('ps -eo pid,args', { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes('postgres') && line.includes(dataDir));
  } catch {
    return [];
  }
}

async function startProduct(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const spaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liftplan-spa-'));
  fs.writeFileSync(path.join(spaDir, 'index.html'), '<!doctype html><div id="root">spa</div>');
  const child = spawn(process.execPath, [TSX_CLI, 'src/main.ts'], {
    cwd: BACKEND,
    env: {
      ...process.env,
      PORT: '0',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      EMBEDDED_PG_PORT: String(await freePort()),
      SPA_DIR: spaDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      ADMIN_EMAIL: 'boss@example.com',
      ADMIN_PASSWORD: 'bootstrap-password',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
  return { child, url };
}

describe('the product as started by `pnpm start`', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liftplan-runtime-'));
  fs.chmodSync(dataDir, 0o755);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('serves the API, the SPA with history fallback, bootstraps the admin, and shuts down gracefully', async () => {
    const { child, url } = await startProduct(dataDir);
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect((await fetch(`${url}/plans/123`)).status).toBe(200);
    expect(await (await fetch(`${url}/plans/123`)).text()).toContain('spa');
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'boss@example.com', password: 'bootstrap-password' }),
    });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { user: { isAdmin: boolean } }).user.isAdmin).toBe(true);
    expect(postgresProcessesFor(dataDir).length).toBeGreaterThan(0);

    // A request in flight when SIGTERM arrives still completes.
    const inFlight = fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'boss@example.com', password: 'bootstrap-password' }),
    });
    await new Promise((r) => setTimeout(r, 20));
    const started = Date.now();
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect((await inFlight).status).toBe(200);
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  }, 120_000);

  it('starts again on the same data directory (warm start) with the data kept', async () => {
    const { child, url } = await startProduct(dataDir);
    const plans = await fetch(`${url}/api/health`);
    expect(plans.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  }, 120_000);
});
