// Plans over time (issue 14), in a real browser: an admin edits nSuns in the builder, saves a draft and publishes it
// as version 2 with a recommendation; a lifter on version 1 (375 px) sees the upgrade, reviews the diff and the next
// workout under both versions with their own weights, upgrades, and trains version 2 from the same day.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  collectPageErrors,
  hasHorizontalOverflow,
  newDesktopPage,
  newPhonePage,
  registerLifterOnNsuns,
  screenshot,
  signInWithToken,
  waitForPath,
  viewportShot,
  useProductInBrowser,
} from './harness';

const ADMIN = { email: 'versions.coach@example.com', password: 'admin password 123' };
const NOTE = 'Heavier first squat set';
/** The note as changed from the plan list after publishing. */
const EDITED_NOTE = 'Heavier first squat set on day 2 (80 %)';

describe('a lifter upgrades a running plan to the version an admin just published', () => {
  const product = useProductInBrowser({ admin: ADMIN, env: { LOGIN_RATE_LIMIT: '100' } });

  /** A lifter on nSuns v1 (squat TM 126 kg) whose day 1 is behind them: day 2 (squat) is next. */
  async function lifterOnDay2(page: Page) {
    const { token, headers } = await registerLifterOnNsuns(page.request, {
      emailPrefix: 'upgrader',
      password: 'lifter password 1',
      displayName: 'Uma Upgrader',
    });
    expect((await page.request.post('/api/plans/current/skip', { headers })).status()).toBe(200);
    await signInWithToken(page, token);
    return token;
  }

  async function signIn(page: Page) {
    await page.goto('/login');
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForPath(page, '/');
  }

  /** The builder: day 2's squat, set 1 from 75 % to 80 %; saved as a draft, then published as version 2. */
  async function publishVersion2(admin: Page) {
    await signIn(admin);
    await admin.goto('/admin/plans');
    await admin.getByRole('link', { name: 'Edit nSuns 4-Day LP' }).click();
    await admin.getByRole('heading', { name: 'Edit nSuns 4-Day LP' }).waitFor();
    const squat = admin
      .getByRole('region', { name: 'Day 2', exact: true })
      .getByRole('group', { name: 'Day 2 Exercise 1' });
    const firstSet = squat.getByLabel('Set 1 percentage');
    expect(await firstSet.inputValue()).toBe('75');
    await firstSet.fill('80');

    await admin.getByRole('button', { name: 'Save draft' }).click();
    await admin.getByRole('status').filter({ hasText: 'Draft saved.' }).waitFor();
    await admin.getByText('Unpublished draft').waitFor();
    await admin.evaluate(() => window.scrollTo(0, 0));
    await viewportShot(admin, 'upgrade-admin-draft-saved-1280');
    await admin.getByText('Lifters see version 1 until you publish the draft as version 2').waitFor();
    // The preview stays after the save (it went blank until a reload).
    await admin.getByRole('region', { name: 'Preview of day 1' }).waitFor();

    await admin.getByRole('button', { name: 'Publish…' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Publish nSuns 4-Day LP?' });
    expect(await dialog.textContent()).toContain('already on the plan keeps their version');
    await dialog.getByLabel('Recommend this upgrade to lifters on older versions').check();
    await dialog.getByLabel(/Note for lifters/).fill(NOTE);
    // The server says what lifters on version 1 will review: the set changed a moment ago.
    const changes = dialog.getByRole('region', { name: 'What changes from version 1' });
    await changes.getByText(/80 %/).first().waitFor();
    await viewportShot(admin, 'upgrade-admin-publish-dialog-1280');
    await dialog.getByRole('button', { name: 'Publish version 2' }).click();
    await admin.getByRole('status').filter({ hasText: 'Published version 2.' }).waitFor();
    expect(await admin.getByText('Unpublished draft').count()).toBe(0);

    await admin.goto('/admin/plans');
    const row = admin.getByRole('row').filter({ hasText: 'nSuns 4-Day LP' }).first();
    await expect
      .poll(async () => (await row.locator('td').allTextContents())[2])
      .toBe('v2 · 0 liftersv1 · 1 lifterv2 recommended Change…');
    expect(await row.getByRole('button', { name: 'Delete nSuns 4-Day LP' }).isDisabled()).toBe(true);
    await screenshot(admin, 'upgrade-admin-plans-list-1280');
    await editUpgradeNote(admin);
  }

  /** After publishing, from the plan list: the recommendation stays, the note is reworded. */
  async function editUpgradeNote(admin: Page) {
    await admin.getByRole('button', { name: 'Upgrade offer for nSuns 4-Day LP' }).click();
    const offer = admin.getByRole('dialog', { name: 'Upgrade offer: nSuns 4-Day LP v2' });
    expect(await offer.getByRole('checkbox', { name: /Recommend this upgrade/ }).isChecked()).toBe(true);
    const note = offer.getByRole('textbox', { name: /Note for lifters/ });
    expect(await note.inputValue()).toBe(NOTE);
    await note.fill(EDITED_NOTE);
    await viewportShot(admin, 'upgrade-admin-offer-dialog-1280');
    await offer.getByRole('button', { name: 'Save offer' }).click();
    await admin.getByText('Version 2 of “nSuns 4-Day LP” is recommended to lifters on older versions.').waitFor();

    const phone = await newPhonePage(product.browser, product.app.url);
    await signIn(phone);
    await phone.goto('/admin/plans');
    await phone.getByRole('button', { name: 'Upgrade offer for nSuns 4-Day LP' }).click();
    await phone.getByRole('dialog', { name: 'Upgrade offer: nSuns 4-Day LP v2' }).waitFor();
    expect(await hasHorizontalOverflow(phone)).toBe(false);
    // A phone browser widens its layout to fit overflowing content; it stayed 375 px (the table scrolls in its box).
    expect(await phone.evaluate(() => window.innerWidth)).toBe(375);
    await viewportShot(phone, 'upgrade-admin-offer-dialog-375');

    // A new name only is not a new version: the publish dialog says so, with no upgrade to recommend.
    await phone.keyboard.press('Escape');
    await phone.getByRole('link', { name: 'Edit nSuns 4-Day LP' }).click();
    await phone.getByRole('heading', { name: 'Edit nSuns 4-Day LP' }).waitFor();
    await phone.getByLabel('Name', { exact: true }).fill('nSuns 4-Day LP (renamed)');
    await phone.getByRole('button', { name: 'Publish…' }).click();
    const publish = phone.getByRole('dialog', { name: 'Publish nSuns 4-Day LP (renamed)?' });
    await publish.getByRole('button', { name: 'Publish the new details' }).waitFor();
    expect(await publish.textContent()).toContain('lifters stay on it');
    expect(await publish.getByLabel(/Recommend this upgrade/).count()).toBe(0);
    expect(await hasHorizontalOverflow(phone)).toBe(false);
    await viewportShot(phone, 'upgrade-admin-publish-details-only-375');
    await phone.close();
  }

  it('admin publishes v2 in the builder; the lifter reviews it with their numbers, upgrades, trains it', async () => {
    const lifter = await newPhonePage(product.browser, product.app.url);
    const lifterErrors = collectPageErrors(lifter);
    const token = await lifterOnDay2(lifter);

    const admin = await newDesktopPage(product.browser, product.app.url);
    const adminErrors = collectPageErrors(admin);
    await publishVersion2(admin);

    // The dashboard announces it, with the admin's note.
    await lifter.goto('/');
    const notice = lifter.getByRole('region', { name: 'Version 2 of nSuns 4-Day LP is available' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(`Recommended: ${EDITED_NOTE}`);
    expect(await hasHorizontalOverflow(lifter)).toBe(false);
    await viewportShot(lifter, 'upgrade-dashboard-notice-375');

    // The review: the diff, and day 2 under both versions with the lifter's TMs (squat TM 126 kg).
    await notice.getByRole('link', { name: 'Review the changes' }).click();
    await waitForPath(lifter, '/plans/upgrade');
    await lifter.getByRole('heading', { name: 'Version 2 of nSuns 4-Day LP' }).waitFor();
    const changes = lifter.getByRole('region', { name: 'What changes' }).getByRole('listitem');
    expect(await changes.allTextContents()).toEqual([
      'ChangedWeek 1 · Day 2 (Squat + Sumo Deadlift) · Squat (T1) · set 175 % × 5 → 80 % × 5',
    ]);
    const table = lifter.getByRole('table');
    const squatSet = async (n: number) =>
      await table
        .getByRole('row', { name: new RegExp(`^Squat set ${n} `) })
        .getByRole('cell')
        .allTextContents();
    expect(await squatSet(1)).toEqual(['95 kg × 5', '100 kg × 5 (changed)']); // 126 × 75 % = 94.5; × 80 % = 100.8
    expect(await squatSet(2)).toEqual(['107.5 kg × 3', '107.5 kg × 3']);
    expect(await table.locator('thead').textContent()).toContain('Now · v1Day 2 · Squat + Sumo Deadlift');
    expect(await hasHorizontalOverflow(lifter)).toBe(false);
    await screenshot(lifter, 'upgrade-review-375');
    const wide = await newDesktopPage(product.browser, product.app.url);
    await signInWithToken(wide, token);
    await wide.goto('/plans/upgrade');
    await wide.getByRole('heading', { name: 'Version 2 of nSuns 4-Day LP' }).waitFor();
    await screenshot(wide, 'upgrade-review-1280');
    await wide.close();

    // Upgrade: the dashboard follows version 2 from the same day, and so does the workout it starts.
    await lifter.getByRole('button', { name: 'Upgrade to version 2' }).click();
    await waitForPath(lifter, '/');
    await lifter
      .getByRole('status')
      .filter({ hasText: 'Upgraded to version 2. Your next workout: Day 2 · Squat + Sumo Deadlift.' })
      .waitFor();
    expect(await lifter.getByRole('region', { name: /is available$/ }).count()).toBe(0);
    await viewportShot(lifter, 'upgrade-dashboard-after-375');
    await lifter.getByRole('button', { name: 'Start workout' }).click();
    await lifter.waitForURL(/\/workouts\/\d+$/);
    await lifter.getByRole('heading', { name: /Day 2/ }).first().waitFor();
    const firstSquatSet = lifter.locator('.set-row__toggle').first();
    expect(await firstSquatSet.getAttribute('aria-label')).toBe('Set 1: 100 kg × 5, 80%');
    await viewportShot(lifter, 'upgrade-workout-v2-375');

    expect(lifterErrors).toEqual([]);
    expect(adminErrors).toEqual([]);
  });
});
