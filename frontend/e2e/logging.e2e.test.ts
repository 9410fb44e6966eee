// Issue 12 at 375 px: log what really happened — a heavier first set with an RPE and a note, a lighter progression
// set (its TM stays, and the result says why), a workout note, complete; history shows planned vs actual.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  collectPageErrors,
  expectPressed,
  hasHorizontalOverflow,
  newDesktopPage,
  newPhonePage,
  screenshot,
  setButton,
  signInWithToken,
  waitForPath,
  registerLifterOnNsuns,
  useProductInBrowser,
} from './harness';

const PASSWORD = 'correct horse battery';
/** 1RMs → TMs at 90 %: squat 140 → 126, so day 2's T1 squat is 95 × 5, 107.5 × 3, 120 × 1+ (progression), … */

describe('logging what really happened, on a phone', () => {
  const product = useProductInBrowser();
  let page: Page;

  /** A lifter on nSuns with TMs set up from 1RMs, signed in on `target`; returns the API headers. */
  async function lifterOnNsuns(target: Page): Promise<Record<string, string>> {
    const request = target.request;
    const { token, headers } = await registerLifterOnNsuns(request, {
      emailPrefix: 'logger',
      password: PASSWORD,
      displayName: 'Lou Logger',
    });
    await signInWithToken(target, token);
    return headers;
  }

  const squatRegion = () => page.getByRole('region', { name: 'T1 Squat', exact: true });

  it('logs weight, reps, RPE and notes; a lighter progression set holds the TM; history shows planned vs actual', async () => {
    page = await newPhonePage(product.browser, product.app.url);
    const errors = collectPageErrors(page);
    const headers = await lifterOnNsuns(page);
    const started = await page.request.post('/api/workouts', { headers, data: { dayNumber: 2 } });
    expect(started.status()).toBe(201);
    const { workout } = (await started.json()) as { workout: { id: number } };

    await page.goto(`/workouts/${workout.id}`);
    const squat = squatRegion();
    await squat.waitFor();

    // Set 1: 95 kg × 5 prescribed; done at 97.5 kg, RPE 8, with a note.
    await squat.getByRole('button', { name: 'Weight, reps, RPE, note, set 1' }).click();
    const weight1 = squat.getByLabel('Weight, set 1 (kg)');
    expect(await weight1.inputValue()).toBe('95');
    await squat.getByRole('button', { name: '2.5 kg more, set 1' }).click();
    await expect.poll(() => weight1.inputValue()).toBe('97.5');
    await squat.getByLabel('RPE, set 1').selectOption('8');
    await squat.getByLabel('Note, set 1').fill('Belt on, felt fast');
    await squat.getByLabel('Note, set 1').blur();
    await setButton(squat, 1).click();
    await expectPressed(setButton(squat, 1), 'true');
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await squat.getByRole('button', { name: 'Hide details, set 1' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${process.cwd()}/../test-artifacts/logging-set-details-phone.png` });

    // Set 2 done as prescribed.
    await setButton(squat, 2).click();
    await expectPressed(setButton(squat, 2), 'true');

    // Set 3, the progression set (120 kg × 1+): done at 117.5 kg. Typing the reps ticks it.
    await squat.getByRole('button', { name: 'Weight, reps, RPE, note, set 3' }).click();
    await squat.getByRole('button', { name: '2.5 kg less, set 3' }).click();
    await expect.poll(() => squat.getByLabel('Weight, set 3 (kg)').inputValue()).toBe('117.5');
    await squat.getByLabel('Reps done, set 3').fill('6');
    await expectPressed(setButton(squat, 3), 'true');

    // The workout's note.
    const note = page.getByRole('textbox', { name: 'Workout note' });
    await note.fill('Slept badly; squats moved anyway.');
    await note.blur();
    await page.getByText('Note saved').waitFor();

    await page.locator('.save-status__message', { hasText: 'All sets saved' }).waitFor();
    await page.getByRole('button', { name: 'Complete workout' }).click();
    // Before completing, the confirmation already says the lighter progression set won't move the TM.
    expect(await page.getByRole('dialog').textContent()).toContain(
      "The progression set was done lighter than prescribed: its training max won't change.",
    );
    await page.getByRole('dialog').getByRole('button', { name: 'Complete workout' }).click();
    const result = page.getByRole('region', { name: 'Workout complete' });
    await result.waitFor();
    const squatResult = result.locator('.result-panel__item', { hasText: 'Squat' });
    const squatText = (await squatResult.textContent()) ?? '';
    expect(squatText).toContain('Stays at 126 kg');
    expect(squatText).toContain('lighter than prescribed');

    // The heading sits below the sticky header, not under it.
    await expect
      .poll(async () => {
        const header = await page.locator('.app-header').boundingBox();
        const heading = await page.getByRole('heading', { name: 'Workout complete' }).boundingBox();
        return heading !== null && header !== null && heading.y >= header.y + header.height;
      })
      .toBe(true);
    await page.screenshot({ path: `${process.cwd()}/../test-artifacts/logging-result-viewport-phone.png` });

    // The squat TM did not move.
    const tms = (await (await page.request.get('/api/training-maxes', { headers })).json()) as {
      trainingMaxes: Array<{ exercise: { name: string }; trainingMax: number }>;
    };
    expect(tms.trainingMaxes.find((t) => t.exercise.name === 'Squat')?.trainingMax).toBe(126);

    // History: planned vs actual.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
    await waitForPath(page, '/history');
    const item = page.locator('.history-item').filter({ hasText: 'Day 2 · Squat + Sumo Deadlift' });
    await item.waitFor();
    expect(await item.textContent()).toContain('Note: Slept badly; squats moved anyway.');
    await item.getByRole('button', { name: /Show sets/ }).click();
    const table = item.getByRole('table', { name: 'T1 Squat' });
    await table.waitFor();
    const rows = table.getByRole('row');
    const row1 = (await rows.nth(1).textContent()) ?? '';
    expect(row1).toContain('95 kg × 5'); // planned
    expect(row1).toContain('97.5 kg × 5 reps'); // done
    expect(row1).toContain('RPE 8');
    expect(row1).toContain('“Belt on, felt fast”');
    const row3 = (await rows.nth(3).textContent()) ?? '';
    expect(row3).toContain('120 kg × 1+');
    expect(row3).toContain('117.5 kg × 6 reps');
    expect(row3).toContain('lighter than planned');
    expect(await rows.nth(4).textContent()).toContain('Not done');
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await screenshot(page, 'logging-history-phone');

    expect(errors).toEqual([]);
    await page.context().close();

    // The same history on a desktop.
    const desktop = await newDesktopPage(product.browser, product.app.url);
    await signInWithToken(desktop, headers.Authorization!.replace('Bearer ', ''));
    await desktop.goto(`/workouts/${workout.id}`);
    await desktop.getByRole('region', { name: 'Workout complete' }).waitFor();
    await screenshot(desktop, 'logging-workout-completed-desktop');
    await desktop.context().close();
  });
});
