// The real product as `pnpm start` runs it: a child process with an embedded PostgreSQL in a fresh data dir.
import fs from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { exitOf, killEverything, login, makeDataDir, postgresProcessesFor, startProduct } from './product';

describe('the product as started by `pnpm start`', () => {
  const dataDir = makeDataDir();
  const children: ChildProcess[] = [];
  afterAll(() => {
    killEverything(children, [dataDir]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the API, the SPA with history fallback, bootstraps the admin, and shuts down gracefully', async () => {
    const { child, url } = await startProduct(dataDir);
    children.push(child);
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect((await fetch(`${url}/plans/123`)).status).toBe(200);
    expect(await (await fetch(`${url}/plans/123`)).text()).toContain('spa');
    const res = await login(url, 'boss@example.com', 'bootstrap-password');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { isAdmin: boolean } }).user.isAdmin).toBe(true);
    expect(postgresProcessesFor(dataDir).length).toBeGreaterThan(0);

    // A request in flight when SIGTERM arrives still completes.
    const inFlight = login(url, 'boss@example.com', 'bootstrap-password');
    await new Promise((r) => setTimeout(r, 20));
    const started = Date.now();
    const exited = exitOf(child);
    child.kill('SIGTERM');
    expect((await inFlight).status).toBe(200);
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  }, 120_000);

  it('starts again on the same data directory (warm start) with the data kept', async () => {
    const { child, url } = await startProduct(dataDir);
    children.push(child);
    const plans = await fetch(`${url}/api/health`);
    expect(plans.status).toBe(200);
    const exited = exitOf(child);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  }, 120_000);
});
