import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page, Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS_DIR,
  collectPageErrors,
  hasHorizontalOverflow,
  launchBrowser,
  newPhonePage,
  screenshot,
  startApp,
  uniqueEmail,
  waitForPath,
  type RunningApp,
} from './harness';

const PASSWORD = 'correct horse battery';
/** The 1RMs of the golden path and the TMs they give (90 %). */
const ONE_REP_MAXES = { 'Bench Press': '100', Squat: '140', 'Overhead Press': '60', Deadlift: '180' } as const;

/**
 * Failed responses the lifter's pages cause on purpose: a lifter without a plan has no current plan (404), and
 * the browser logs every 4xx as a console error. Anything else failing is a bug.
 */
function isExpectedFailure(response: Response): boolean {
  return response.status() === 404 && new URL(response.url()).pathname === '/api/plans/current';
}

describe('a lifter on a phone: plan → maxes → workout → progress', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let unexpectedFailures: string[];
  const metrics: Record<string, number | null> = {};

  beforeAll(async () => {
    app = await startApp({ env: { LOGIN_RATE_LIMIT: '100' } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await fs.mkdir(ARTIFACTS_DIR, { recursive: true });
    await fs.writeFile(path.join(ARTIFACTS_DIR, 'lifter-metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
    await browser?.close();
    await app?.stop();
  });

  afterEach(async () => {
    await page?.context().close();
  });

  let expected404s = 0;

  async function openPhonePage(): Promise<Page> {
    page = await newPhonePage(browser, app.url);
    pageErrors = collectPageErrors(page);
    unexpectedFailures = [];
    expected404s = 0;
    page.on('response', (response) => {
      if (response.status() < 400) return;
      if (isExpectedFailure(response)) expected404s += 1;
      else unexpectedFailures.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    });
    return page;
  }

  /** The page's console errors, less one "404" line per expected 404 response. */
  function consoleErrors(): string[] {
    let allowed = expected404s;
    return pageErrors.filter((error) => {
      if (allowed > 0 && error.includes('status of 404')) {
        allowed -= 1;
        return false;
      }
      return true;
    });
  }

  async function phoneScreenshot(name: string) {
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await screenshot(page, name);
  }

  async function register(displayName: string): Promise<string> {
    const email = uniqueEmail(displayName.toLowerCase().split(' ')[0]);
    await page.goto('/register');
    await page.getByLabel('Your name').fill(displayName);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await waitForPath(page, '/plans');
    return email;
  }

  /** A registered lifter on nSuns with the golden path's TMs, set up through the API (the UI is tested above). */
  async function lifterOnNsunsViaApi(): Promise<string> {
    const request = page.request;
    const registered = await request.post('/api/auth/register', {
      data: { email: uniqueEmail('reload'), password: PASSWORD, displayName: 'Grace Hopper' },
    });
    const { token } = (await registered.json()) as { token: string };
    const headers = { Authorization: `Bearer ${token}` };
    const { plans } = (await (await request.get('/api/plans', { headers })).json()) as {
      plans: Array<{ id: number; slug: string }>;
    };
    const nsuns = plans.find((p) => p.slug === 'nsuns-4day-lp');
    const subscribed = (await (await request.post(`/api/plans/${nsuns!.id}/subscribe`, { headers })).json()) as {
      requiredExercises: Array<{ id: number; name: keyof typeof ONE_REP_MAXES }>;
    };
    const setup = await request.post('/api/training-maxes/setup', {
      headers,
      data: {
        exerciseTMs: subscribed.requiredExercises.map((e) => ({
          exerciseId: e.id,
          oneRepMax: Number(ONE_REP_MAXES[e.name]),
        })),
      },
    });
    expect(setup.status()).toBe(201);
    await page.addInitScript((value) => localStorage.setItem('liftplan.token', value), token);
    return token;
  }

  /** The visible save status line (a hidden live region repeats what matters for screen readers). */
  function saveStatus(text: string | RegExp): Locator {
    return page.locator('.save-status__message', { hasText: text });
  }

  function exercise(name: string): Locator {
    return page.getByRole('region', { name });
  }

  function setButtons(group: Locator): Locator {
    return group.getByRole('button', { name: /^Set \d+:/ });
  }

  /** Loads `path` in a new context (empty cache), optionally signed in, and reads the paint timings. */
  async function coldLoad(pathname: string, readyRole: { role: 'heading' | 'button'; name: string }, token?: string) {
    const fresh = await newPhonePage(browser, app.url);
    try {
      if (token) await fresh.addInitScript((value) => localStorage.setItem('liftplan.token', value), token);
      await fresh.goto(pathname, { waitUntil: 'load' });
      await fresh.getByRole(readyRole.role, { name: readyRole.name }).waitFor();
      return await fresh.evaluate(() => ({
        firstContentfulPaintMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        readyMs: Math.round(performance.now()),
      }));
    } finally {
      await fresh.context().close();
    }
  }

  it('registers, picks nSuns, sets up maxes, trains day 2, sees the squat TM rise and the workout in history', async () => {
    await openPhonePage();
    await register('Ada Lovelace');

    // Plans
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'nSuns 4-Day LP' }) });
    expect(await card.textContent()).toContain('Days per week4');
    expect(await card.textContent()).toContain('Bench Press, Overhead Press, Squat, Deadlift');
    await phoneScreenshot('lifter-plans-phone');
    await page.getByRole('link', { name: 'nSuns 4-Day LP' }).click();
    await page.getByRole('heading', { name: 'Day by day' }).waitFor();
    const rules = await page.locator('.rule-list').textContent();
    expect(rules).toContain('Upper body');
    expect(rules).toContain('2–3 reps → +2.5 kg');
    expect(rules).toContain('6+ reps → +7.5 kg');
    const squatTable = page.getByRole('table', { name: /^T1 Squat/ });
    expect(await squatTable.getByRole('row').nth(3).textContent()).toContain('95%1+');
    await phoneScreenshot('lifter-plan-detail-phone');

    // Subscribe → setup
    await page.getByRole('button', { name: 'Start this plan' }).click();
    await waitForPath(page, '/setup');
    await page.getByRole('button', { name: 'Save training maxes' }).click();
    const squatField = page.getByLabel('One-rep max for Squat (kg)');
    expect(await squatField.getAttribute('aria-invalid')).toBe('true');
    for (const [lift, oneRepMax] of Object.entries(ONE_REP_MAXES)) {
      await page.getByLabel(`One-rep max for ${lift} (kg)`).fill(oneRepMax);
    }
    await page.getByText('Training max: 126 kg (90% of your 1RM)').waitFor();
    await phoneScreenshot('lifter-setup-phone');
    await page.getByRole('button', { name: 'Save training maxes' }).click();

    // Dashboard
    await waitForPath(page, '/');
    await page.getByRole('heading', { name: 'Your week' }).waitFor();
    const tmList = page.locator('.tm-grid');
    await tmList.getByText('126 kg').waitFor();
    expect(await tmList.textContent()).toBe('Bench Press90 kgOverhead Press54 kgSquat126 kgDeadlift162 kg');
    expect(await page.locator('.day-tile').count()).toBe(4);
    expect(await page.locator('.day-tile--next').textContent()).toContain('Day 1');
    await phoneScreenshot('lifter-dashboard-phone');

    // Day 2
    await page.getByRole('button', { name: 'Start day 2' }).click();
    await page.waitForURL(/\/workouts\/\d+$/);
    const squat = exercise('T1 Squat');
    const sumo = exercise('T2 Sumo Deadlift');
    await squat.waitFor();
    expect(await setButtons(squat).count()).toBe(9);
    expect(await setButtons(sumo).count()).toBe(8);
    const topSet = squat.getByRole('button', { name: 'Set 3: 120 kg × 1+, 95%, progression set' });
    const topSetPlates = await topSet.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${topSetPlates}"]`).textContent()).toContain('Per side: 25 + 25');

    const amrapReps: Record<number, string> = { 3: '6', 9: '8' };
    for (let i = 0; i < 9; i++) {
      const button = setButtons(squat).nth(i);
      await button.click();
      await expectPressed(button, 'true');
      const reps = amrapReps[i + 1];
      if (reps) await squat.getByLabel(`Reps done, set ${i + 1}`).fill(reps);
      if (i === 3) {
        await page.getByRole('timer').waitFor();
        // What the lifter sees between sets (the full-page shot draws the docked timer where the viewport ended).
        await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'lifter-workout-viewport-phone.png') });
        await phoneScreenshot('lifter-workout-phone');
      }
    }
    for (let i = 0; i < 8; i++) await setButtons(sumo).nth(i).click();
    // The last set was a T2 set: 1:30 of rest.
    await expect
      .poll(() => page.getByRole('region', { name: 'Rest timer' }).getByRole('timer').textContent())
      .toMatch(/^1:[0-3]\d$/);
    await saveStatus('All sets saved').waitFor();
    expect(await page.getByText('17 of 17 sets done').count()).toBe(1);

    await page.getByRole('button', { name: 'Complete workout' }).click();
    const result = page.getByRole('region', { name: 'Workout complete' });
    await result.waitFor();
    const resultText = (await result.textContent()) ?? '';
    expect(resultText).toContain('Squat');
    expect(resultText).toMatch(/126 kg\s*→\s*to 133\.5 kg \+7\.5 kg/);
    expect(resultText).toContain('6 reps on the progression set');
    await phoneScreenshot('lifter-workout-complete-phone');

    // Reopening shows the stored result.
    await page.reload();
    await page.getByRole('region', { name: 'Workout complete' }).waitFor();
    expect(await page.getByRole('region', { name: 'Workout complete' }).textContent()).toContain('133.5 kg');

    // History
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
    await waitForPath(page, '/history');
    const item = page.locator('.history-item').filter({ hasText: 'Day 2 · Squat + Sumo Deadlift' });
    await item.waitFor();
    expect(await item.textContent()).toContain('Completed');
    expect(await item.textContent()).toContain('17/17 sets');
    expect(await item.textContent()).toContain('Squat TM +7.5 kg');
    await item.getByRole('button', { name: /Show sets/ }).click();
    const planned = item.getByRole('table', { name: 'T1 Squat' });
    await planned.waitFor();
    expect(await planned.getByRole('row').nth(3).textContent()).toContain('120 kg × 1+');
    expect(await planned.getByRole('row').nth(3).textContent()).toContain('6 reps');
    // The charts open on the lift that changed last: the squat.
    await page.getByRole('figure', { name: 'Squat: training max' }).waitFor();
    expect(await page.getByRole('button', { name: 'Squat', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await page.locator('.recharts-line').first().waitFor();
    expect(await page.locator('.record-list').textContent()).toContain('Squat');
    await phoneScreenshot('lifter-history-phone');

    // Back on the dashboard: the new TM and the next day.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.locator('.tm-grid').getByText('133.5 kg').waitFor();
    expect(await page.locator('.day-tile--next').textContent()).toContain('Day 3');

    // Settings: a new display name shows in the header at once.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const profile = page.getByRole('form', { name: 'Profile' });
    await profile.getByLabel('Display name').fill('Ada King');
    await profile.getByRole('button', { name: 'Save name' }).click();
    await profile.getByText('✓ Saved').waitFor();
    expect(await page.getByRole('banner').textContent()).toContain('Ada King');
    await phoneScreenshot('lifter-settings-phone');

    expect(unexpectedFailures).toEqual([]);
    expect(consoleErrors()).toEqual([]);
  });

  it('loses nothing on a reload mid-workout, including sets logged while the server was unreachable', async () => {
    await openPhonePage();
    const token = await lifterOnNsunsViaApi();

    // Time to first render on localhost, cold cache: the sign-in page, and the dashboard of a signed-in lifter
    // (ready = the week's day cards are on screen).
    // Five runs each, the median reported (single runs on a small VM vary by a few hundred ms).
    const runs = { login: [] as number[], dashboard: [] as number[], dashboardReady: [] as number[] };
    for (let run = 0; run < 5; run++) {
      const login = await coldLoad('/login', { role: 'button', name: 'Sign in' });
      const dashboard = await coldLoad('/', { role: 'heading', name: 'Your week' }, token);
      if (login.firstContentfulPaintMs !== null) runs.login.push(login.firstContentfulPaintMs);
      if (dashboard.firstContentfulPaintMs !== null) runs.dashboard.push(dashboard.firstContentfulPaintMs);
      runs.dashboardReady.push(dashboard.readyMs);
    }
    metrics.loginFirstContentfulPaintMs = median(runs.login);
    metrics.dashboardFirstContentfulPaintMs = median(runs.dashboard);
    metrics.dashboardReadyMs = median(runs.dashboardReady);
    console.log(
      'Time to first render (localhost, cold cache, median of 5):',
      JSON.stringify(metrics),
      JSON.stringify(runs),
    );

    await page.goto('/');
    await page.getByRole('button', { name: 'Start day 3' }).click();
    await page.waitForURL(/\/workouts\/\d+$/);
    const workoutId = Number(new URL(page.url()).pathname.split('/').pop());
    const bench = exercise('T1 Bench Press');
    await bench.waitFor();
    const sets = setButtons(bench);
    await sets.nth(0).click();
    await sets.nth(1).click();
    await saveStatus('All sets saved').waitFor();

    // The server becomes unreachable for set logging.
    await page.route('**/api/workouts/*/sets/*', (route) => route.abort('internetdisconnected'));
    await sets.nth(2).click();
    await bench.getByRole('button', { name: 'One rep more, set 3' }).click();
    await bench.getByLabel('Reps done, set 3').fill('4');
    await bench.getByText('Not saved — retrying').waitFor();
    await saveStatus(/1 set not saved yet/).waitFor();
    expect(await page.getByRole('button', { name: 'Complete workout' }).isDisabled()).toBe(true);
    await phoneScreenshot('lifter-workout-unsaved-phone');

    // Reload while it is still unreachable: the logged sets are all there.
    await page.reload();
    await bench.waitFor();
    for (const i of [0, 1, 2]) await expectPressed(sets.nth(i), 'true');
    await expectPressed(sets.nth(3), 'false');
    expect(await bench.getByLabel('Reps done, set 3').inputValue()).toBe('4');
    await bench.getByText('Not saved — retrying').waitFor();

    // Reachable again: the queue saves it (retry with backoff, or at once on `online`).
    await page.unroute('**/api/workouts/*/sets/*');
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await saveStatus('All sets saved').waitFor();
    const saved = await serverSets(page, token, workoutId);
    expect(saved.slice(0, 4)).toEqual([
      { setOrder: 1, completed: true, actualReps: 5 },
      { setOrder: 2, completed: true, actualReps: 3 },
      { setOrder: 3, completed: true, actualReps: 4 },
      { setOrder: 4, completed: false, actualReps: null },
    ]);

    // Offline for real (the browser fires offline/online): the set waits on the device, then goes out.
    await page.context().setOffline(true);
    await sets.nth(3).click();
    await saveStatus(/You're offline\. 1 set is kept on this device/).waitFor();
    await page.context().setOffline(false);
    await saveStatus('All sets saved').waitFor();
    await page.reload();
    await bench.waitFor();
    for (const i of [0, 1, 2, 3]) await expectPressed(sets.nth(i), 'true');
    await saveStatus('All sets saved').waitFor();
    expect((await serverSets(page, token, workoutId))[3]).toEqual({ setOrder: 4, completed: true, actualReps: 3 });
    expect(await page.evaluate((id) => localStorage.getItem(`liftplan.pendingSets.${id}`), workoutId)).toBeNull();

    expect(unexpectedFailures).toEqual([]);
    // Aborted and offline requests are logged as failed loads; nothing else may go wrong.
    expect(consoleErrors().filter((error) => !error.includes('net::ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  });
});

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]!);
}

function expectPressed(button: Locator, pressed: 'true' | 'false') {
  return expect.poll(() => button.getAttribute('aria-pressed')).toBe(pressed);
}

async function serverSets(page: Page, token: string, workoutId: number) {
  const response = await page.request.get(`/api/workouts/${workoutId}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const { workout } = (await response.json()) as {
    workout: { sets: Array<{ tier: string; setOrder: number; completed: boolean; actualReps: number | null }> };
  };
  return workout.sets
    .filter((s) => s.tier === 'T1')
    .map(({ setOrder, completed, actualReps }) => ({ setOrder, completed, actualReps }));
}
