/**
 * Real-browser test harness: starts the whole product the way production does (one Node process serving the API
 * and the built SPA, with its embedded PostgreSQL in a fresh data directory) and drives it with headless Chromium.
 *
 *   const product = useProductInBrowser(); // in a describe block: started before its tests, stopped after
 *   const page = await newPhonePage(product.browser, product.app.url);
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type APIRequestContext, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BACKEND_DIR = path.join(REPO_ROOT, 'backend');
export const FRONTEND_DIR = path.join(REPO_ROOT, 'frontend');
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-artifacts');

const READY_LINE = /LiftPlan is running at (\S+)/;
/** Embedded PostgreSQL's first start (initdb), migrations and seeding take a while on a 2-core machine. */
const DEFAULT_START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 20_000;
const MAX_KEPT_OUTPUT_CHARS = 20_000;

export type StartAppOptions = {
  /** Creates (or promotes) this administrator at start-up, as ADMIN_EMAIL / ADMIN_PASSWORD do in production. */
  admin?: { email: string; password: string };
  /** Extra environment, e.g. `{ LOGIN_RATE_LIMIT: '100' }`. */
  env?: Record<string, string>;
  startTimeoutMs?: number;
};

export type RunningApp = {
  /** Base URL of the product, e.g. `http://localhost:41234`. */
  url: string;
  dataDir: string;
  /** What the server printed so far (stdout and stderr), for diagnosing a failure. */
  output: () => string;
  /** SIGTERM, wait for a clean exit (the server stops PostgreSQL), then delete the data directory. */
  stop: () => Promise<void>;
};

export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'liftplan-e2e-'));
  // mkdtemp makes a 0700 folder; as root, PostgreSQL runs as user `postgres`, which must reach its cluster here.
  // Otherwise the server moves the cluster under /var/lib/liftplan-postgres, outside what stop() deletes.
  await fs.chmod(dataDir, 0o755);
  const server = spawn(process.execPath, [resolveTsxCli(), path.join(BACKEND_DIR, 'src/main.ts')], {
    cwd: BACKEND_DIR,
    env: await serverEnvironment(dataDir, options),
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a server that ignores SIGTERM can be killed together with its children.
    detached: true,
  });
  const output = captureOutput(server);
  // Safety net if the test process dies without calling stop(): don't leave a server and PostgreSQL behind.
  const killOnExit = () => server.pid !== undefined && killProcessGroup(server.pid);
  process.once('exit', killOnExit);

  const stop = async () => {
    await stopProcess(server);
    process.off('exit', killOnExit);
    await fs.rm(dataDir, { recursive: true, force: true });
  };

  try {
    const url = await waitForReadyLine(server, output, options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
    return { url, dataDir, output: output.text, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The product (`startApp`) and a headless Chromium for the tests of the describe block that calls it: started in
 * its beforeAll, closed and stopped in its afterAll. Read them as `product.app` / `product.browser` inside tests.
 */
export function useProductInBrowser(options: StartAppOptions = {}): {
  readonly app: RunningApp;
  readonly browser: Browser;
} {
  const product = {} as { app: RunningApp; browser: Browser };
  beforeAll(async () => {
    product.app = await startApp(options);
    product.browser = await launchBrowser();
  });
  afterAll(async () => {
    await product.browser?.close();
    await product.app?.stop();
  });
  return product;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}

export const PHONE_VIEWPORT = { width: 375, height: 812 } as const;

/** A page in a fresh context (own storage) the size of a phone, with relative URLs resolved against `baseURL`. */
export async function newPhonePage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    viewport: PHONE_VIEWPORT,
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  return context.newPage();
}

/** A desktop-sized page in a fresh context. */
export async function newDesktopPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

/** Saves a full-page PNG under `<repo>/test-artifacts/` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await fs.mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Saves what the viewport shows (a modal dialog sits there, not at the top of a full-page shot) and its path. */
/**
 * A tap on a control low on a long page: Playwright scrolls it to the very top, under the sticky header, which then
 * takes the click. Centre it first and click it the way a tap activates it.
 */
export async function tap(control: Locator): Promise<void> {
  await control.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await control.evaluate((element) => (element as HTMLElement).click());
}

export async function viewportShot(page: Page, name: string): Promise<string> {
  await fs.mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Signs the page in on every load with a token from the API, as the SPA keeps it. */
export async function signInWithToken(page: Page, token: string): Promise<void> {
  await page.addInitScript((value) => localStorage.setItem('liftplan.token', value), token);
}

/** Set `n`'s "done" toggle in an exercise group of the workout page. */
export function setButton(group: Locator, n: number): Locator {
  return group.getByRole('button', { name: new RegExp(`^Set ${n}:`) });
}

/** Resolves once a toggle button is (or is not) pressed. */
export async function expectPressed(button: Locator, value: 'true' | 'false'): Promise<void> {
  await button.and(button.page().locator(`[aria-pressed="${value}"]`)).waitFor();
}

/** Collects uncaught exceptions and console errors (CSP violations, failed requests…) of a page. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** True when the page is wider than the viewport, i.e. the user would have to scroll sideways. */
export function hasHorizontalOverflow(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** An email address no other test run uses. */
export function uniqueEmail(prefix = 'lifter'): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/** Resolves once the page's path is `pathname` (client-side navigations included). */
export function waitForPath(page: Page, pathname: string): Promise<void> {
  return page.waitForURL((url) => url.pathname === pathname);
}

function resolveTsxCli(): string {
  const requireFromBackend = createRequire(path.join(BACKEND_DIR, 'package.json'));
  const tsxPackageJson = requireFromBackend.resolve('tsx/package.json');
  return path.join(path.dirname(tsxPackageJson), 'dist/cli.mjs');
}

async function serverEnvironment(dataDir: string, options: StartAppOptions): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await findFreePort()),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    ...options.env,
  };
  // Every run gets its own embedded database, even on a machine configured for an external one.
  if (!options.env?.DATABASE_URL) delete env.DATABASE_URL;
  if (options.admin) {
    env.ADMIN_EMAIL = options.admin.email;
    env.ADMIN_PASSWORD = options.admin.password;
  }
  return env;
}

async function findFreePort(): Promise<number> {
  const probe = net.createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as net.AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}

type CapturedOutput = { text: () => string; onLine: (listener: (line: string) => void) => void };

function captureOutput(child: ChildProcess): CapturedOutput {
  let text = '';
  const lineListeners: ((line: string) => void)[] = [];
  const append = (chunk: Buffer) => {
    text = (text + chunk.toString('utf8')).slice(-MAX_KEPT_OUTPUT_CHARS);
  };
  let pendingStdout = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    append(chunk);
    const lines = (pendingStdout + chunk.toString('utf8')).split('\n');
    pendingStdout = lines.pop() ?? '';
    for (const line of lines) for (const listener of lineListeners) listener(line);
  });
  child.stderr?.on('data', append);
  return { text: () => text, onLine: (listener) => lineListeners.push(listener) };
}

function waitForReadyLine(child: ChildProcess, output: CapturedOutput, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`The server did not report ready within ${timeoutMs} ms. Output:\n${output.text()}`));
    }, timeoutMs);
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      reject(
        new Error(`The server exited (code ${code}, signal ${signal}) before it was ready. Output:\n${output.text()}`),
      );
    };
    child.once('exit', onExit);
    output.onLine((line) => {
      const match = READY_LINE.exec(line);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve(match[1]);
    });
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const stoppedInTime = await Promise.race([exited.then(() => true), delay(STOP_TIMEOUT_MS).then(() => false)]);
  if (stoppedInTime) return;
  killProcessGroup(child.pid);
  await exited;
}

function killProcessGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** The 1RMs the API-built lifters of the browser tests start from (TM = 90 % of each). */
export const NSUNS_ONE_REP_MAXES: Record<string, number> = {
  'Bench Press': 100,
  Squat: 140,
  'Overhead Press': 60,
  Deadlift: 180,
};

/**
 * A new lifter made through the API (register, subscribe to nSuns 4-day, TMs from NSUNS_ONE_REP_MAXES), for tests
 * whose subject starts after setup. Returns the token and the API headers; signing the page in is the caller's.
 */
export async function registerLifterOnNsuns(
  request: APIRequestContext,
  who: { emailPrefix: string; password: string; displayName: string },
): Promise<{ token: string; headers: Record<string, string> }> {
  const registered = await request.post('/api/auth/register', {
    data: { email: uniqueEmail(who.emailPrefix), password: who.password, displayName: who.displayName },
  });
  const { token } = (await registered.json()) as { token: string };
  const headers = { Authorization: `Bearer ${token}` };
  const { plans } = (await (await request.get('/api/plans', { headers })).json()) as {
    plans: Array<{ id: number; slug: string }>;
  };
  const nsuns = plans.find((p) => p.slug === 'nsuns-4day-lp')!;
  const subscribed = (await (await request.post(`/api/plans/${nsuns.id}/subscribe`, { headers })).json()) as {
    requiredExercises: Array<{ id: number; name: string }>;
  };
  const setup = await request.post('/api/training-maxes/setup', {
    headers,
    data: {
      exerciseTMs: subscribed.requiredExercises.map((e) => ({
        exerciseId: e.id,
        oneRepMax: NSUNS_ONE_REP_MAXES[e.name],
      })),
    },
  });
  if (setup.status() !== 201) throw new Error(`TM setup answered ${setup.status()}: ${await setup.text()}`);
  return { token, headers };
}

/** "Start this plan" on a plan page, then the training-days dialog's "Start plan" with its defaults. */
export async function startPlanWithDefaults(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start this plan' }).click();
  await page
    .getByRole('dialog', { name: /^Start / })
    .getByRole('button', { name: 'Start plan' })
    .click();
}
