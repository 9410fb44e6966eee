/**
 * Training with no signal: after one online visit the app (service worker + persisted cache) opens offline,
 * routes and lazy pages load, sets logged offline wait on the device and each reaches the server exactly once
 * when the signal returns. And without a service worker, a page whose code failed to download offline heals by
 * itself when the connection is back.
 */
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ARTIFACTS_DIR,
  collectPageErrors,
  hasHorizontalOverflow,
  PHONE_VIEWPORT,
  screenshot,
  registerLifterOnNsuns,
  useProductInBrowser,
} from './harness';

const PASSWORD = 'correct horse battery';

describe('offline: a gym basement with no signal', () => {
  const product = useProductInBrowser({ env: { LOGIN_RATE_LIMIT: '100' } });
  let context: BrowserContext;

  afterEach(async () => {
    await context?.close();
  });

  async function phoneContext(options: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<Page> {
    context = await product.browser.newContext({
      baseURL: product.app.url,
      viewport: PHONE_VIEWPORT,
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
      serviceWorkers: options.serviceWorkers ?? 'allow',
    });
    return context.newPage();
  }

  /** A lifter on nSuns with TMs, signed in in this context. */
  async function lifterOnNsuns(page: Page): Promise<string> {
    const request = page.request;
    const { token } = await registerLifterOnNsuns(request, {
      emailPrefix: 'offline',
      password: PASSWORD,
      displayName: 'Basement Lifter',
    });
    // Once, not on every load (addInitScript would sign in again after a logout).
    await page.goto('/login');
    await page.evaluate((value) => localStorage.setItem('liftplan.token', value), token);
    return token;
  }

  function setButtons(page: Page, exercise: string): Locator {
    return page.getByRole('region', { name: exercise, exact: true }).getByRole('button', { name: /^Set \d+:/ });
  }

  const pressed = (button: Locator, value: 'true' | 'false') =>
    expect.poll(() => button.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe(value);

  async function neverBroken(page: Page) {
    expect(await page.getByText('Something went wrong').count()).toBe(0);
    expect(await page.getByText('This page needs a connection').count()).toBe(0);
  }

  it('opens offline after one visit, logs sets, moves between pages, and sends each set exactly once', async () => {
    const page = await phoneContext();
    const errors = collectPageErrors(page);
    const token = await lifterOnNsuns(page);
    // Every set save the server accepted, by set id.
    const accepted = new Map<number, number>();
    page.on('response', (response) => {
      const match = /\/api\/workouts\/\d+\/sets\/(\d+)$/.exec(new URL(response.url()).pathname);
      if (match && response.request().method() === 'PATCH' && response.ok())
        accepted.set(Number(match[1]), (accepted.get(Number(match[1])) ?? 0) + 1);
    });

    // The one online visit: dashboard, a workout, history; the service worker installs and precaches meanwhile.
    await page.goto('/');
    await page.getByRole('button', { name: 'Start day 3' }).click();
    await page.waitForURL(/\/workouts\/\d+$/);
    const workoutPath = new URL(page.url()).pathname;
    const workoutId = Number(workoutPath.split('/').pop());
    await page.getByRole('region', { name: 'T1 Bench Press', exact: true }).waitFor();
    await page.getByRole('link', { name: 'History', exact: true }).click();
    await page.getByRole('heading', { name: 'History', level: 1 }).waitFor();
    await page.goBack();
    await page.getByRole('region', { name: 'T1 Bench Press', exact: true }).waitFor();
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
      return registration.active?.state;
    });
    const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json());
    expect(manifest).toMatchObject({ name: 'LiftPlan', display: 'standalone' });
    expect((manifest as { icons: Array<{ sizes: string; purpose: string }> }).icons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sizes: '192x192' }),
        expect.objectContaining({ sizes: '512x512', purpose: 'maskable' }),
      ]),
    );
    // Let the persisted cache catch up (it is written at most once a second).
    await page.waitForTimeout(1500);

    // No signal. A reload opens the app from the service worker, with the workout as last seen.
    await context.setOffline(true);
    await page.reload();
    const bench = setButtons(page, 'T1 Bench Press');
    await bench.first().waitFor();
    // Log three sets offline. (Chromium may keep navigator.onLine true in a page reloaded offline, as on "lie-fi":
    // the strip then appears as soon as a request fails, here the first save.)
    const offlineBar = page.locator('.offline-status__bar--offline');
    for (const i of [0, 1, 2]) {
      await bench.nth(i).click();
      await pressed(bench.nth(i), 'true');
    }
    await offlineBar.waitFor();
    await expect.poll(() => offlineBar.textContent()).toContain('Offline. 3 sets are saved on this device');
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await screenshot(page, 'offline-workout-phone');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'offline-workout-phone-viewport.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'offline-workout-desktop.png') });
    await page.setViewportSize(PHONE_VIEWPORT);

    // Other pages load offline (lazy code from the service worker, data as last seen), and back.
    await page.getByRole('link', { name: 'History', exact: true }).click();
    await page.getByRole('heading', { name: 'History', level: 1 }).waitFor();
    await neverBroken(page);
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await page.getByRole('heading', { name: 'Your week' }).waitFor();
    await neverBroken(page);
    await page.goto(workoutPath); // a full load, offline
    await bench
      .first()
      .waitFor()
      .catch(async (error: unknown) => {
        await screenshot(page, 'offline-failure');
        throw error;
      });
    for (const i of [0, 1, 2]) await pressed(bench.nth(i), 'true');
    await bench.nth(3).click();
    await pressed(bench.nth(3), 'true');
    await expect.poll(() => offlineBar.textContent()).toContain('4 sets are saved on this device');
    expect(accepted.size).toBe(0);

    // The signal returns: everything goes out, once.
    await context.setOffline(false);
    await page.locator('.save-status__message', { hasText: 'All sets saved' }).waitFor({ timeout: 20_000 });
    await offlineBar.waitFor({ state: 'detached' });
    await neverBroken(page);
    const response = await page.request.get(`/api/workouts/${workoutId}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const { workout } = (await response.json()) as {
      workout: { sets: Array<{ id: number; tier: string; setOrder: number; completed: boolean }> };
    };
    const t1 = workout.sets.filter((s) => s.tier === 'T1');
    const benchDone = t1.filter((s) => s.completed);
    expect(benchDone.map((s) => s.setOrder).slice(0, 4)).toEqual([1, 2, 3, 4]);
    await page.waitForTimeout(2000); // any duplicate would have gone out by now
    expect([...accepted.values()]).toEqual([1, 1, 1, 1]);
    expect([...accepted.keys()].sort()).toEqual(
      t1
        .slice(0, 4)
        .map((s) => s.id)
        .sort(),
    );
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('liftplan.pendingSets.'))),
    ).toEqual([]);
    const unexpected = errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|ERR_FAILED/.test(e));
    expect(unexpected).toEqual([]);
  });

  it('without a service worker, a page whose code could not download offline loads by itself once online', async () => {
    const page = await phoneContext({ serviceWorkers: 'block' });
    await lifterOnNsuns(page);
    await page.goto('/history');
    await page.getByRole('heading', { name: 'History', level: 1 }).waitFor();

    await context.setOffline(true);
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await page.waitForTimeout(1500);
    await neverBroken(page); // waiting for the connection, not an error page
    await page.locator('.offline-status__bar--offline').waitFor();

    await context.setOffline(false);
    await page.getByRole('heading', { name: 'Your week' }).waitFor({ timeout: 20_000 });
    await neverBroken(page);
  });
});
