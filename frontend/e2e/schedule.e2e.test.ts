// Issue 13, in a real browser: a lifter in New York (the browser's zone, sent at registration) starts a 3-day plan
// on Mon/Wed/Fri from Wednesday 9 Dec 2026 while the server's clock says Friday 11 Dec. The week view shows
// Wednesday missed and its session offered as the catch-up today; pause (confirmed) and resume bring the
// "Resume to train" state and then the schedule back. At 375 px and 1280 px.
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  collectPageErrors,
  hasHorizontalOverflow,
  NSUNS_ONE_REP_MAXES,
  PHONE_VIEWPORT,
  screenshot,
  signInWithToken,
  uniqueEmail,
  viewportShot,
  waitForPath,
  tap,
  useProductInBrowser,
} from './harness';

const PASSWORD = 'correct horse battery';
const ZONE = 'America/New_York';
/** Friday 11 Dec 2026, 10:00 in New York. */
const CLOCK_START = '2026-12-11T15:00:00Z';

describe('training on a calendar', () => {
  const product = useProductInBrowser({ env: { CLOCK_START } });

  async function pageIn(options: BrowserContextOptions): Promise<Page> {
    const context = await product.browser.newContext({ baseURL: product.app.url, timezoneId: ZONE, ...options });
    return context.newPage();
  }

  const dayOf = (week: Locator, weekday: string) =>
    week.getByRole('listitem').filter({ has: week.page().locator('.schedule-day__weekday', { hasText: weekday }) });

  it('subscribe on Mon/Wed/Fri, miss Wednesday, catch up on Friday, pause, resume', async () => {
    const page = await pageIn({ viewport: PHONE_VIEWPORT, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const errors = collectPageErrors(page);

    // Registration sends the browser's zone.
    await page.goto('/register');
    await page.getByLabel('Your name').fill('Noa');
    await page.getByLabel('Email').fill(uniqueEmail('calendar'));
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await waitForPath(page, '/plans');
    const token = await page.evaluate(() => localStorage.getItem('liftplan.token'));
    const headers = { Authorization: `Bearer ${token}` };
    const me = (await (await page.request.get('/api/auth/me', { headers })).json()) as { user: { timeZone: string } };
    expect(me.user.timeZone).toBe(ZONE);

    // Start 5/3/1 for Beginners (3 days a week): Mon/Wed/Fri preselected, from Wednesday 9 Dec.
    const { plans } = (await (await page.request.get('/api/plans', { headers })).json()) as {
      plans: Array<{ id: number; slug: string }>;
    };
    const plan = plans.find((p) => p.slug === 'wendler-531-beginners')!;
    await page.goto(`/plans/${plan.id}`);
    await tap(page.getByRole('button', { name: 'Start this plan' }));
    const dialog = page.getByRole('dialog', { name: /^Start / });
    await dialog.getByRole('button', { name: 'Monday', pressed: true }).waitFor();
    const pressed = await dialog.getByRole('button', { pressed: true }).allTextContents();
    expect(pressed).toEqual(['Mon', 'Wed', 'Fri']);
    expect(await dialog.getByRole('button', { name: 'Tuesday' }).getAttribute('aria-disabled')).toBe('true');
    await dialog.getByLabel('First training day').fill('2026-12-09');
    await viewportShot(page, 'schedule-start-plan-days-phone');
    await dialog.getByRole('button', { name: 'Start plan' }).click();
    await waitForPath(page, '/setup');
    const current = (await (await page.request.get('/api/plans/current', { headers })).json()) as {
      requiredExercises: Array<{ id: number; name: string }>;
      enrolment: { preferredDays: string[]; startDate: string };
    };
    expect(current.enrolment).toMatchObject({ preferredDays: ['mon', 'wed', 'fri'], startDate: '2026-12-09' });
    const setup = await page.request.post('/api/training-maxes/setup', {
      headers,
      data: {
        exerciseTMs: current.requiredExercises.map((e) => ({
          exerciseId: e.id,
          oneRepMax: NSUNS_ONE_REP_MAXES[e.name],
        })),
      },
    });
    expect(setup.status()).toBe(201);

    // The week: Wednesday missed, today (Friday) offers its session as the catch-up.
    await page.goto('/');
    const thisWeek = page.getByRole('region', { name: 'This week Dec 7 – Dec 13' });
    await thisWeek.waitFor();
    const wednesday = dayOf(thisWeek, 'Wed');
    await wednesday.getByText('Missed', { exact: true }).waitFor();
    const friday = dayOf(thisWeek, 'Fri');
    expect(await friday.getAttribute('aria-current')).toBe('date');
    await friday.getByText('Catch up', { exact: true }).first().waitFor();
    expect(await friday.textContent()).toContain('Missed on Wed, Dec 9');
    expect(await friday.textContent()).toMatch(/W1 D1/);
    expect(await friday.getByRole('list', { name: 'Top sets' }).textContent()).toMatch(/\d+(\.\d+)? kg × /);
    expect(await friday.getByRole('button', { name: 'Catch up' }).isVisible()).toBe(true);
    expect(await dayOf(thisWeek, 'Mon').textContent()).toContain('Rest day');
    await page.getByText(/^Mon, Wed, Fri from Dec 9 · Change days$/).waitFor();
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await screenshot(page, 'schedule-week-catch-up-phone');

    // Swipe to next week with the arrow: Monday 14 Dec is the session after the catch-up.
    await tap(page.getByRole('button', { name: 'Next week', exact: true }));
    const nextWeek = page.getByRole('region', { name: 'Next week Dec 14 – Dec 20' });
    await expect.poll(() => nextWeek.boundingBox().then((box) => Math.round(box?.x ?? -1))).toBe(16);
    expect(await dayOf(nextWeek, 'Mon').textContent()).toMatch(/W1 D2.*Planned/);
    await tap(page.getByRole('button', { name: 'Previous week' }));

    // Pause, confirmed: no start, "Resume to train", the days paused.
    await tap(page.getByRole('button', { name: 'Pause program' }));
    const confirm = page.getByRole('dialog', { name: /^Pause / });
    await viewportShot(page, 'schedule-pause-confirm-phone');
    await confirm.getByRole('button', { name: 'Pause program' }).click();
    await page.getByRole('button', { name: 'Resume to train' }).waitFor();
    await page.getByText(/^Paused since Dec 11$/).waitFor();
    expect(await page.getByRole('button', { name: 'Start workout' }).count()).toBe(0);
    await dayOf(thisWeek, 'Fri').getByText('Paused', { exact: true }).waitFor();
    const refused = await page.request.post('/api/workouts', { headers, data: {} });
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('PROGRAM_PAUSED');
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'schedule-paused-phone');

    // Resume: the schedule is back, the missed session still offered today.
    await tap(page.getByRole('button', { name: 'Resume to train' }));
    await page.getByRole('button', { name: 'Start workout' }).waitFor();
    await dayOf(thisWeek, 'Fri').getByRole('button', { name: 'Catch up' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'schedule-resumed-phone');

    // The same week on a desktop.
    const desktop = await pageIn({ viewport: { width: 1280, height: 800 } });
    await signInWithToken(desktop, token!);
    await desktop.goto('/');
    const desktopWeek = desktop.getByRole('region', { name: 'This week Dec 7 – Dec 13' });
    await dayOf(desktopWeek, 'Fri').getByRole('button', { name: 'Catch up' }).waitFor();
    expect(await hasHorizontalOverflow(desktop)).toBe(false);
    await screenshot(desktop, 'schedule-week-desktop');
    await desktop.getByRole('button', { name: 'Pause program' }).click();
    await desktop
      .getByRole('dialog', { name: /^Pause / })
      .getByRole('button', { name: 'Pause program' })
      .click();
    await desktop.getByRole('button', { name: 'Resume to train' }).waitFor();
    await screenshot(desktop, 'schedule-paused-desktop');
    await desktop.getByRole('button', { name: 'Resume to train' }).click();
    await desktop.getByRole('button', { name: 'Start workout' }).waitFor();
    await desktop.context().close();

    // Skip the missed session instead: it stays in the history as skipped, on the day it was missed.
    await tap(dayOf(thisWeek, 'Fri').getByRole('button', { name: 'Skip' }));
    await page
      .getByRole('dialog', { name: /^Skip / })
      .getByRole('button', { name: 'Skip this day' })
      .click();
    await dayOf(thisWeek, 'Wed').getByText('Skipped', { exact: true }).waitFor();
    // The session after it moves up to today; the catch-up is gone.
    await expect
      .poll(() => dayOf(thisWeek, 'Fri').locator('.schedule-session__title').textContent())
      .toMatch(/^W1 D2 · .* Planned$/);
    expect(await dayOf(thisWeek, 'Fri').getByRole('button', { name: 'Catch up' }).count()).toBe(0);

    // Settings: the zone from registration, the plan's days, the program in the history.
    await page.goto('/settings');
    expect(await page.getByLabel('Your time zone').inputValue()).toBe(ZONE);
    const days = page.getByRole('form', { name: 'Training days' });
    await days.getByRole('button', { name: 'Monday', pressed: true }).waitFor();
    expect(await days.getByRole('button', { pressed: true }).allTextContents()).toEqual(['Mon', 'Wed', 'Fri']);
    await page.getByRole('region', { name: 'Program history' }).getByText('Active').waitFor();
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await screenshot(page, 'schedule-settings-phone');

    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a finite program: which week of how many, and its end date; ending it leaves the no-plan state saying so', async () => {
    const page = await pageIn({ viewport: PHONE_VIEWPORT, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const errors = collectPageErrors(page);
    const registered = await page.request.post('/api/auth/register', {
      data: { email: uniqueEmail('smolov'), password: PASSWORD, displayName: 'Dana', timeZone: ZONE },
    });
    const { token } = (await registered.json()) as { token: string };
    const headers = { Authorization: `Bearer ${token}` };
    const { plans } = (await (await page.request.get('/api/plans', { headers })).json()) as {
      plans: Array<{ id: number; slug: string }>;
    };
    const smolov = plans.find((p) => p.slug === 'smolov-jr-squat')!;
    // No body: the plan's 4 days spread over the week (Mon, Tue, Thu, Fri), from today (Friday 11 Dec).
    const subscribed = await page.request.post(`/api/plans/${smolov.id}/subscribe`, { headers });
    expect(subscribed.status()).toBe(201);
    const { requiredExercises } = (await subscribed.json()) as {
      requiredExercises: Array<{ id: number; name: string }>;
    };
    const setup = await page.request.post('/api/training-maxes/setup', {
      headers,
      data: {
        exerciseTMs: requiredExercises.map((e) => ({ exerciseId: e.id, oneRepMax: NSUNS_ONE_REP_MAXES[e.name] })),
      },
    });
    expect(setup.status()).toBe(201);
    await signInWithToken(page, token);

    await page.goto('/');
    // 12 sessions on Mon, Tue, Thu, Fri from Friday 11 Dec: the last on Thursday 31 Dec.
    await page.getByText('Week 1 of 3 · ends Dec 31', { exact: true }).waitFor();
    await page.getByText(/^Mon, Tue, Thu, Fri from Dec 11 · Change days$/).waitFor();
    const today = dayOf(page.getByRole('region', { name: 'This week Dec 7 – Dec 13' }), 'Fri');
    await today.getByText('Planned', { exact: true }).waitFor();
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await screenshot(page, 'schedule-finite-program-phone');

    await tap(page.getByRole('button', { name: 'End program' }));
    await page.getByRole('dialog', { name: /^End / }).getByRole('button', { name: 'End program' }).click();
    await page.getByRole('heading', { name: 'No plan right now' }).waitFor();
    await page.getByText(/You ended Smolov Jr.* on Dec 11, 2026\./).waitFor();
    await screenshot(page, 'schedule-ended-phone');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
