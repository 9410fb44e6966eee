// A workout that bends (issue 12), on a phone: add an accessory pre-filled from a previous workout, swap an exercise
// keeping its training max, complete; history shows both.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  collectPageErrors,
  hasHorizontalOverflow,
  newDesktopPage,
  newPhonePage,
  screenshot,
  signInWithToken,
  waitForPath,
  registerLifterOnNsuns,
  viewportShot,
  useProductInBrowser,
} from './harness';

const PASSWORD = 'correct horse battery';

describe('a workout that bends, at 375 px', () => {
  const product = useProductInBrowser({ env: { LOGIN_RATE_LIMIT: '100' } });

  /** A lifter on nSuns whose day 1 (done through the API) had dumbbell curls, 14 kg × 12; day 2 is started. */
  async function lifterWithCurlHistory(page: Page) {
    const request = page.request;
    const { token, headers } = await registerLifterOnNsuns(request, {
      emailPrefix: 'bend',
      password: PASSWORD,
      displayName: 'Bea Bender',
    });
    const { exercises } = (await (await request.get('/api/exercises?search=dumbbell%20curl', { headers })).json()) as {
      exercises: Array<{ id: number; slug: string }>;
    };
    const curl = exercises.find((e) => e.slug === 'dumbbell-curl')!;

    const day1 = (await (await request.post('/api/workouts', { headers, data: {} })).json()) as {
      workout: { id: number };
    };
    const added = await request.post(`/api/workouts/${day1.workout.id}/sets`, {
      headers,
      data: { exerciseId: curl.id, actualWeight: 14, actualReps: 12, completed: true },
    });
    expect(added.status()).toBe(201);
    expect((await request.post(`/api/workouts/${day1.workout.id}/complete`, { headers })).status()).toBe(200);
    const day2 = (await (await request.post('/api/workouts', { headers, data: {} })).json()) as {
      workout: { id: number; dayNumber: number };
    };
    expect(day2.workout.dayNumber).toBe(2);
    await signInWithToken(page, token);
    return { token, workoutId: day2.workout.id };
  }

  async function phoneShot(page: Page, name: string) {
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await screenshot(page, name);
  }

  it('adds an accessory pre-filled from last time, swaps squat keeping its TM, completes; history shows both', async () => {
    const page = await newPhonePage(product.browser, product.app.url);
    const errors = collectPageErrors(page);
    const { workoutId } = await lifterWithCurlHistory(page);

    await page.goto(`/workouts/${workoutId}`);
    await page.getByRole('heading', { name: /Day 2/ }).waitFor();

    // ---- Add an accessory: search, pick, pre-filled with last workout's 14 kg × 12.
    await page.getByRole('button', { name: 'Add exercise' }).click();
    const addDialog = page.getByRole('dialog', { name: 'Add an exercise' });
    const search = addDialog.getByRole('searchbox', { name: 'Search the exercise library' });
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    await search.pressSequentially('dumbell curl'); // a typo: the search is fuzzy
    await addDialog.getByRole('button', { name: /^Dumbbell Curl/ }).click();
    const weight = addDialog.getByRole('textbox', { name: 'Weight (kg)' });
    await weight.waitFor();
    expect(await weight.inputValue()).toBe('14');
    expect(await addDialog.getByRole('textbox', { name: 'Reps' }).inputValue()).toBe('12');
    await addDialog.getByText(/Last time .*14 kg × 12 reps/).waitFor();
    await addDialog.getByRole('textbox', { name: 'Sets' }).fill('2');
    await viewportShot(page, 'workout-changes-add-dialog-phone');
    await addDialog.getByRole('button', { name: 'Add Dumbbell Curl' }).click();
    await addDialog.waitFor({ state: 'detached' });
    await page.getByText('Dumbbell Curl: 2 sets added.').waitFor();
    const curls = page.getByRole('region', { name: /Dumbbell Curl/ });
    await curls.getByRole('button', { name: /^Set 2:/ }).waitFor();
    expect(await curls.getByRole('button', { name: /^Set \d+:/ }).count()).toBe(2);
    expect(await curls.getByRole('button', { name: /^Set 1:/ }).getAttribute('aria-label')).toContain('14 kg × 12');

    // An extra set, then deleting it.
    await page.getByRole('button', { name: 'Add a set of Dumbbell Curl' }).click();
    await curls.getByRole('button', { name: /^Set 3:/ }).waitFor();
    await page.getByRole('button', { name: 'Delete added set 3 of Dumbbell Curl' }).click();
    await curls.getByRole('button', { name: /^Set 3:/ }).waitFor({ state: 'detached' });

    // ---- Swap squat for front squat, keeping squat's training max (front squat has none).
    await page.getByRole('button', { name: 'Swap Squat for today' }).click();
    const swapDialog = page.getByRole('dialog', { name: 'Swap Squat for today' });
    await swapDialog.getByRole('searchbox', { name: 'Search the substitute' }).pressSequentially('front squat');
    await swapDialog.getByRole('button', { name: /^Front Squat/ }).click();
    await swapDialog.getByRole('button', { name: 'Swap to Front Squat' }).click();
    await swapDialog
      .getByRole('alert')
      .getByText(/training max first for: Front Squat/)
      .waitFor();
    await swapDialog.getByRole('radio', { name: /Keep Squat's training max/ }).check();
    await swapDialog.getByText('Swapped sets never move a training max.').waitFor();
    await viewportShot(page, 'workout-changes-swap-dialog-phone');
    await swapDialog.getByRole('button', { name: 'Swap to Front Squat' }).click();
    await swapDialog.waitFor({ state: 'detached' });
    const front = page.getByRole('region', { name: /Front Squat/ });
    await front.getByText(/Swapped from Squat for today/).waitFor();
    // Squat's TM 126: set 1 at 75 % = 94.5 → 95 kg, as before the swap; no progression set any more.
    expect(await front.getByRole('button', { name: /^Set 1:/ }).getAttribute('aria-label')).toContain('95 kg × 5');
    expect(await front.getByRole('button', { name: /progression set/ }).count()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await phoneShot(page, 'workout-changes-workout-phone');

    // ---- Do the curls, complete.
    for (const set of await curls.getByRole('button', { name: /^Set \d+:/ }).all()) await set.click();
    await page.getByRole('button', { name: 'Complete workout' }).click();
    await page
      .getByRole('dialog', { name: 'Complete this workout?' })
      .getByRole('button', { name: 'Complete workout' })
      .click();
    await page.getByRole('region', { name: 'Workout complete' }).waitFor();
    // Swapped sets move no TM: squat is not raised.
    expect(await page.getByRole('region', { name: 'Workout complete' }).textContent()).not.toMatch(/Squat TM \+/);
    await page.getByText(/Swapped from Squat for today/).waitFor();
    await page.getByText('Added during the workout: sets 1, 2').waitFor();

    // ---- History
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
    await waitForPath(page, '/history');
    const item = page.locator('.history-item').filter({ hasText: 'Day 2 · Squat + Sumo Deadlift' });
    await item.waitFor();
    await item.getByRole('button', { name: /Show sets/ }).click();
    await item.getByRole('table', { name: /Front Squat, swapped from Squat/ }).waitFor();
    const curlTable = item.getByRole('table', { name: /Dumbbell Curl/ });
    await curlTable.waitFor();
    expect(await curlTable.textContent()).toContain('14 kg');
    await page.evaluate(() => window.scrollTo(0, 0));
    await phoneShot(page, 'workout-changes-history-phone');

    // The workout page, desktop.
    const desk = await newDesktopPage(product.browser, product.app.url);
    const token = await page.evaluate(() => localStorage.getItem('liftplan.token'));
    await signInWithToken(desk, token ?? '');
    await desk.goto(`/workouts/${workoutId}`);
    await desk.getByText(/Swapped from Squat for today/).waitFor();
    await screenshot(desk, 'workout-changes-workout-desktop');
    await desk.context().close();

    expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
    await page.context().close();
  });

  it('desktop: the add dialog and slot actions are usable by keyboard', async () => {
    const page = await newDesktopPage(product.browser, product.app.url);
    const { workoutId } = await lifterWithCurlHistory(page);
    await page.goto(`/workouts/${workoutId}`);
    await page.getByRole('button', { name: 'Add exercise' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Add an exercise' });
    await page.keyboard.type('curl');
    await dialog.getByRole('button', { name: /^Dumbbell Curl/ }).waitFor();
    await page.keyboard.press('Tab');
    let found = false;
    for (let i = 0; i < 15 && !found; i++) {
      const label = await page.evaluate(() => document.activeElement?.textContent ?? '');
      if (label.startsWith('Dumbbell Curl')) found = true;
      else await page.keyboard.press('Tab');
    }
    expect(found).toBe(true);
    await page.keyboard.press('Enter');
    await dialog.getByRole('textbox', { name: 'Weight (kg)' }).waitFor();
    await viewportShot(page, 'workout-changes-add-dialog-desktop');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Add exercise');
    await page.context().close();
  });
});
