// Audit item 14: on SIGTERM, health says draining, new work is turned away, requests in flight finish.
import fs from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import type pg from 'pg';
import {
  connectAsPostgres,
  exitOf,
  healthStatus,
  killEverything,
  login,
  makeDataDir,
  postgresProcessesFor,
  startProduct,
  waitFor,
} from './product';

describe('graceful shutdown', () => {
  const dataDir = makeDataDir('liftplan-shutdown-');
  const children: ChildProcess[] = [];
  let locker: pg.Client | undefined;
  afterAll(async () => {
    await locker?.end().catch(() => {});
    killEverything(children, [dataDir]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function requestsWaitingOnALock(client: pg.Client): Promise<number> {
    const { rows } = await client.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = 'liftplan'",
    );
    return rows[0].n;
  }

  it('finishes a slow in-flight request across SIGTERM while health answers 503 draining', async () => {
    const { child, url, pgPort } = await startProduct(dataDir, { SHUTDOWN_GRACE_MS: '60000' });
    children.push(child);
    const { token } = (await (await login(url, 'boss@example.com', 'bootstrap-password')).json()) as { token: string };

    // Hold the users table so that reading one's own account (GET /api/auth/me) stays in flight until released.
    locker = await connectAsPostgres(dataDir, pgPort);
    locker.on('error', () => {}); // PostgreSQL stops when the product does; a failing test must show its own error
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
    let settledEarly: number | undefined;
    const inFlight = fetch(`${url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    void inFlight.then(
      (res) => (settledEarly ??= res.status),
      () => (settledEarly ??= 0),
    );
    await waitFor('the request to wait on the lock', async () => {
      if (settledEarly !== undefined) throw new Error(`the request did not wait for the lock: ${settledEarly}`);
      return (await requestsWaitingOnALock(locker!)) > 0 ? true : undefined;
    });

    const exited = exitOf(child);
    child.kill('SIGTERM');
    // Until the signal lands health says 200; a poll may also meet a keep-alive socket the drain has just closed.
    const draining = await waitFor('health to say draining', async () => {
      const health = await healthStatus(url);
      return health.status === 503 ? health : undefined;
    });
    expect(draining.body).toEqual(expect.objectContaining({ status: 'draining' }));
    const newWork = await fetch(`${url}/api/exercises`);
    expect(newWork.status).toBe(503);
    expect(newWork.headers.get('connection')).toBe('close');

    await locker.query('COMMIT');
    await locker.end();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { email: string } }).user.email).toBe('boss@example.com');
    expect(await exited).toBe(0);
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  }, 120_000);
});
