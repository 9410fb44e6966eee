// Issue 12 (helper DASH), in a real browser at 375 px: the dashboard opens at its top after TM setup, shows the next
// workout's top sets at the lifter's weights, edits TMs in place (one-tap deload, a reason kept in the history),
// and offers to regenerate a workout in progress whose TM changed. A lifter without a plan causes no 404.
import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  collectPageErrors,
  hasHorizontalOverflow,
  newDesktopPage,
  newPhonePage,
  screenshot,
  uniqueEmail,
  waitForPath,
  tap,
  useProductInBrowser,
} from './harness';

const PASSWORD = 'correct horse battery';
const ONE_REP_MAXES = { 'Bench Press': '100', Squat: '140', 'Overhead Press': '60', Deadlift: '180' } as const;
/** No spaces: the longest name allowed must still not widen the page. */
const LONG_NAME = 'W'.repeat(80);

type ProjectedSet = {
  tier: string;
  kind: string;
  prescribedWeight: number | null;
  displayName: string | null;
  exercise: { name: string };
};

describe('the dashboard before a workout, on a phone', () => {
  const product = useProductInBrowser();

  async function api(page: Page, token: string) {
    const headers = { Authorization: `Bearer ${token}` };
    return {
      get: async <T>(path: string) => (await (await page.request.get(path, { headers })).json()) as T,
      post: (path: string, data?: object) => page.request.post(path, { headers, data: data ?? {} }),
      patch: (path: string, data: object) => page.request.patch(path, { headers, data }),
    };
  }

  it('top sets, TMs edited in place with a deload and its reason, and the stale-workout banner', async () => {
    const page = await newPhonePage(product.browser, product.app.url);
    const errors = collectPageErrors(page);
    const failures: string[] = [];
    page.on('response', (response: Response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    });

    // A lifter without a plan: the dashboard says so, and GET /api/plans/current answers 200 { plan: null }.
    const registered = await page.request.post('/api/auth/register', {
      data: { email: uniqueEmail('dash'), password: PASSWORD, displayName: LONG_NAME },
    });
    const { token } = (await registered.json()) as { token: string };
    const call = await api(page, token);
    await page.addInitScript((value) => localStorage.setItem('liftplan.token', value), token);
    await page.goto('/');
    await page.getByRole('heading', { name: 'No plan yet' }).waitFor();
    expect(failures).toEqual([]);
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await screenshot(page, 'dashboard-no-plan-long-name-phone');

    // On nSuns, maxes entered on the setup page: the dashboard opens at its top, "Start workout" on screen.
    const { plans } = await call.get<{ plans: Array<{ id: number; slug: string }> }>('/api/plans');
    const nsuns = plans.find((p) => p.slug === 'nsuns-4day-lp')!;
    expect((await call.post(`/api/plans/${nsuns.id}/subscribe`)).status()).toBe(201);
    await page.goto('/setup');
    for (const [lift, oneRepMax] of Object.entries(ONE_REP_MAXES)) {
      await page.getByLabel(`One-rep max for ${lift} (kg)`).fill(oneRepMax);
    }
    await page.getByRole('button', { name: 'Save training maxes' }).click(); // scrolls down to the button
    await waitForPath(page, '/');
    const next = page
      .getByRole('region', { name: /Day 1/ })
      .filter({ has: page.getByRole('list', { name: 'Top sets' }) });
    await next.waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await next.getByRole('button', { name: 'Start workout' }).isVisible()).toBe(true);
    const startBox = await next.getByRole('button', { name: 'Start workout' }).boundingBox();
    expect(startBox!.y + startBox!.height).toBeLessThanOrEqual(812 + 400); // within reach, not 1000s of px down

    // Top sets: the heaviest work set per slot, at the weights the server's projection gives for day 1.
    const projection = (await (await call.post(`/api/plans/${nsuns.id}/projection`, { weeks: 1 })).json()) as {
      sessions: Array<{ dayNumber: number; sets: ProjectedSet[] }>;
    };
    const day1 = projection.sessions.find((s) => s.dayNumber === 1)!;
    const t1 = day1.sets.filter((s) => s.tier === 'T1' && s.kind !== 'warmup');
    const t1Top = Math.max(...t1.map((s) => s.prescribedWeight ?? 0));
    const tops = next.getByRole('list', { name: 'Top sets' });
    const topsText = (await tops.textContent()) ?? '';
    expect(topsText).toContain(`T1 ${t1[0]!.displayName ?? t1[0]!.exercise.name}`);
    expect(topsText).toContain(`${t1Top} kg ×`);
    await screenshot(page, 'dashboard-top-sets-phone');

    // In place: a deload with a reason on Squat (126 → 113.4), kept in its history.
    await page.getByRole('button', { name: 'Edit Squat training max' }).click();
    await page.getByLabel('Reason (kept in the history)').fill('Missed reps two weeks running');
    await page
      .getByRole('form', { name: 'Change Squat training max' })
      .getByRole('button', { name: 'Deload −10 %' })
      .click();
    await page.getByText('Squat: 126 kg → 113.4 kg (Missed reps two weeks running)').waitFor();
    await page.getByRole('button', { name: 'Show Squat history' }).click();
    const history = page.getByRole('list', { name: 'Squat history' });
    await history.getByText('Missed reps two weeks running').waitFor();
    expect(await history.getByRole('listitem').first().textContent()).toContain('113.4 kg');
    await screenshot(page, 'dashboard-tm-deload-history-phone');
    const squatHistory = await call.get<{ history: Array<{ weight: number; note: string | null }> }>(
      `/api/training-maxes/${(await call.get<{ trainingMaxes: Array<{ exercise: { id: number; name: string } }> }>('/api/training-maxes')).trainingMaxes.find((t) => t.exercise.name === 'Squat')!.exercise.id}/history`,
    );
    expect(squatHistory.history.at(-1)).toMatchObject({ weight: 113.4, note: 'Missed reps two weeks running' });

    // Start day 1, do its first set, come back: then a one-tap bench deload makes the workout stale.
    await next.getByRole('button', { name: 'Start workout' }).click();
    await page.waitForURL(/\/workouts\/\d+$/);
    const workoutId = Number(new URL(page.url()).pathname.split('/').pop());
    const started = await call.get<{
      workout: { sets: Array<{ id: number; prescribedWeight: number | null; exercise: { name: string } }> };
    }>(`/api/workouts/${workoutId}`);
    const first = started.workout.sets[0]!;
    expect((await call.patch(`/api/workouts/${workoutId}/sets/${first.id}`, { completed: true })).status()).toBe(200);
    await page.goto('/');
    const resume = page.getByRole('region', { name: /Day 1/ }).filter({ hasText: 'Workout in progress' });
    await resume.waitFor();
    expect(await resume.getByRole('button', { name: 'Update the open sets' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Deload Bench Press −10 %' }).click();
    await page.getByText('Bench Press: 90 kg → 81 kg (Deload −10 %)').waitFor();
    await resume
      .getByText('Your Bench Press training max changed since this workout started.', { exact: false })
      .waitFor();
    await screenshot(page, 'dashboard-stale-workout-phone');
    await resume.getByRole('button', { name: 'Update the open sets' }).click();
    await resume.getByText(/^Updated: \d+ open sets? now use your current training maxes\.$/).waitFor();

    const after = await call.get<{
      workout: {
        sets: Array<{ id: number; prescribedWeight: number | null; completed: boolean; exercise: { name: string } }>;
      };
    }>(`/api/workouts/${workoutId}`);
    const benchBefore = started.workout.sets.filter((s) => s.exercise.name === 'Bench Press');
    const benchAfter = after.workout.sets.filter((s) => s.exercise.name === 'Bench Press');
    expect(benchAfter[0]).toMatchObject({ id: first.id, prescribedWeight: first.prescribedWeight, completed: true });
    expect(benchAfter.slice(1).every((s, i) => s.prescribedWeight! < benchBefore[i + 1]!.prescribedWeight!)).toBe(true);
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'dashboard-regenerated-phone');

    // The same dashboard on a desktop.
    const desktop = await newDesktopPage(product.browser, product.app.url);
    await desktop.addInitScript((value) => localStorage.setItem('liftplan.token', value), token);
    await desktop.goto('/');
    await desktop.getByRole('heading', { name: 'Training maxes' }).waitFor();
    await desktop.getByText('81 kg').first().waitFor();
    expect(await hasHorizontalOverflow(desktop)).toBe(false);
    await screenshot(desktop, 'dashboard-desktop');
    await desktop.context().close();

    expect(failures).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('settings: warm-ups on (the workout gets 40/50/60 % warm-ups), and the CSV and JSON downloads', async () => {
    const page = await newPhonePage(product.browser, product.app.url);
    const errors = collectPageErrors(page);
    const registered = await page.request.post('/api/auth/register', {
      data: { email: uniqueEmail('warm'), password: PASSWORD, displayName: 'Ada' },
    });
    const { token } = (await registered.json()) as { token: string };
    const call = await api(page, token);
    const { plans } = await call.get<{ plans: Array<{ id: number; slug: string }> }>('/api/plans');
    const nsuns = plans.find((p) => p.slug === 'nsuns-4day-lp')!;
    const subscribed = (await (await call.post(`/api/plans/${nsuns.id}/subscribe`)).json()) as {
      requiredExercises: Array<{ id: number; name: keyof typeof ONE_REP_MAXES }>;
    };
    const setup = await call.post('/api/training-maxes/setup', {
      exerciseTMs: subscribed.requiredExercises.map((e) => ({
        exerciseId: e.id,
        oneRepMax: Number(ONE_REP_MAXES[e.name]),
      })),
    });
    expect(setup.status()).toBe(201);
    await page.addInitScript((value) => localStorage.setItem('liftplan.token', value), token);

    await page.goto('/settings');
    const form = page.getByRole('form', { name: 'Workouts' });
    await tap(form.getByRole('radio', { name: 'Add warm-ups' }));
    await tap(form.getByRole('button', { name: 'Save workout settings' }));
    await form.getByText('✓ Saved').waitFor();
    expect((await call.get<{ user: { warmups: string } }>('/api/users/me')).user.warmups).toBe('standard');

    const csv = page.waitForEvent('download');
    await tap(page.getByRole('button', { name: 'Download workouts (CSV)' }));
    expect((await csv).suggestedFilename()).toBe('liftplan-workouts.csv');
    const json = page.waitForEvent('download');
    await tap(page.getByRole('button', { name: 'Download backup (JSON)' }));
    expect((await json).suggestedFilename()).toMatch(/^liftplan-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'settings-workouts-export-phone');

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('button', { name: 'Start workout' }).click();
    await page.waitForURL(/\/workouts\/\d+$/);
    const warmups = page.getByRole('region', { name: 'T1 Bench Volume, warm-up', exact: true });
    await warmups.waitFor();
    expect(await warmups.getByRole('button', { name: /^Set \d+:/ }).count()).toBe(3);
    expect(await page.getByRole('region', { name: 'T2 Overhead Press, warm-up', exact: true }).count()).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'workout-generated-warmups-phone');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
