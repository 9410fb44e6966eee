// Audit item 3: a crash must not leave the data directory unusable, and a dead PostgreSQL must come back by itself.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  exitOf,
  freePort,
  healthStatus,
  isAlive,
  killEverything,
  login,
  makeDataDir,
  postgresProcessesFor,
  postmasterPid,
  registerUser,
  serverPid,
  startProduct,
  startProductExpectingFailure,
  waitFor,
} from './product';

const EMAIL = 'survivor@example.com';
const PASSWORD = 'correct horse battery';

/** Each test gets its own data directory; everything it started is killed afterwards. */
function sandbox(prefix: string) {
  const dataDir = makeDataDir(prefix);
  const children: ChildProcess[] = [];
  afterAll(() => {
    killEverything(children, [dataDir]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return { dataDir, children };
}

async function stopProduct(child: ChildProcess) {
  const exited = exitOf(child);
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
}

function postgresUserIds(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

describe('after kill -9 of the server', () => {
  const { dataDir, children } = sandbox('liftplan-crash-');

  it('starts again on the data directory its PostgreSQL outlived it on, with the data kept', async () => {
    const first = await startProduct(dataDir);
    children.push(first.child);
    await registerUser(first.url, EMAIL, PASSWORD);
    const leftover = postmasterPid(dataDir);

    process.kill(serverPid(first.child), 'SIGKILL');
    await exitOf(first.child);
    expect(isAlive(leftover)).toBe(true); // the original bug's precondition: PostgreSQL is still running

    const started = Date.now();
    const second = await startProduct(dataDir, { EMBEDDED_PG_PORT: String(first.pgPort) });
    children.push(second.child);
    console.log(`start after kill -9 of the server took ${Date.now() - started} ms`);
    expect(isAlive(leftover)).toBe(false);
    expect((await healthStatus(second.url)).status).toBe(200);
    expect((await login(second.url, EMAIL, PASSWORD)).status).toBe(200);
    await stopProduct(second.child);
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  }, 120_000);
});

describe('a second start on a data directory in use', () => {
  const { dataDir, children } = sandbox('liftplan-twice-');

  it('is refused in one sentence and leaves the running server and its PostgreSQL alone', async () => {
    const first = await startProduct(dataDir);
    children.push(first.child);
    const postmaster = postmasterPid(dataDir);
    const second = await startProductExpectingFailure(dataDir, { EMBEDDED_PG_PORT: String(first.pgPort) });
    expect(second.code).not.toBe(0);
    expect(second.output).toContain(`LiftPlan is already running on the data directory`);
    expect(second.output).toContain(`its server is process ${serverPid(first.child)}`);
    expect(isAlive(postmaster)).toBe(true);
    expect((await healthStatus(first.url)).status).toBe(200);
    await stopProduct(first.child);
  }, 120_000);
});

describe('after kill -9 of the embedded PostgreSQL', () => {
  const { dataDir, children } = sandbox('liftplan-watchdog-');

  it('restarts it by itself; the app serves again without a restart', async () => {
    const { child, url } = await startProduct(dataDir);
    children.push(child);
    await registerUser(url, EMAIL, PASSWORD);

    const killed = postmasterPid(dataDir);
    process.kill(killed, 'SIGKILL');
    const killedAt = Date.now();
    await waitFor('health to report the outage', async () =>
      (await healthStatus(url)).status === 503 ? true : undefined,
    );
    await waitFor(
      'health to recover',
      async () => ((await healthStatus(url)).status === 200 ? true : undefined),
      60_000,
    );
    console.log(`service restored ${Date.now() - killedAt} ms after kill -9 of the postmaster`);
    expect(postmasterPid(dataDir)).not.toBe(killed);
    expect((await login(url, EMAIL, PASSWORD)).status).toBe(200);

    await stopProduct(child);
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  }, 120_000);
});

describe('a stale postmaster.pid', () => {
  const { dataDir, children } = sandbox('liftplan-stale-lock-');

  it('is removed when its PID now belongs to another program', async () => {
    const first = await startProduct(dataDir);
    children.push(first.child);
    await registerUser(first.url, EMAIL, PASSWORD);
    await stopProduct(first.child);

    // PostgreSQL itself ignores a lock file whose PID is dead or not signalable by it: use a live one it can signal.
    const other = spawn('sleep', ['600'], { stdio: 'ignore', ...postgresUserIds() });
    children.push(other);
    fs.writeFileSync(
      path.join(dataDir, 'postgres', 'postmaster.pid'),
      `${other.pid}\n${path.join(dataDir, 'postgres')}\n`,
    );
    const { child, url } = await startProduct(dataDir, { EMBEDDED_PG_PORT: String(first.pgPort) });
    children.push(child);
    expect(isAlive(other.pid!)).toBe(true);
    expect((await login(url, EMAIL, PASSWORD)).status).toBe(200);
    await stopProduct(child);
  }, 120_000);
});

describe('a start-up failure', () => {
  const { dataDir } = sandbox('liftplan-port-taken-');

  it('is explained in one sentence, e.g. when the PostgreSQL port is taken', async () => {
    const port = await freePort();
    const blocker = net.createServer().listen(port, '127.0.0.1');
    try {
      const { code, output } = await startProductExpectingFailure(dataDir, { EMBEDDED_PG_PORT: String(port) });
      expect(code).toBe(1);
      expect(output).not.toContain('undefined');
      expect(output.trim().split('\n').at(-1)).toBe(
        `PostgreSQL could not start on port ${port}: the port is in use by another program; set EMBEDDED_PG_PORT to a free port`,
      );
    } finally {
      blocker.close();
    }
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  }, 120_000);
});
