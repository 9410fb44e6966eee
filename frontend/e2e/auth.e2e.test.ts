import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  collectPageErrors,
  hasHorizontalOverflow,
  newDesktopPage,
  newPhonePage,
  screenshot,
  uniqueEmail,
  waitForPath,
  useProductInBrowser,
} from './harness';

const ADMIN = { email: 'coach@example.com', password: 'admin password 123' };

/**
 * The dashboard of a lifter without a plan asks GET /api/plans/current, which answers 404 NO_ACTIVE_PLAN; the
 * browser logs every 404 response as a console error.
 */
const isNoPlanYet = (error: string) =>
  error === 'console: Failed to load resource: the server responded with a status of 404 (Not Found)';

describe('signing up and in, in a real browser on a phone', () => {
  const product = useProductInBrowser({ admin: ADMIN });
  let page: Page;
  let pageErrors: string[];

  afterEach(async () => {
    await page?.context().close();
  });

  async function openPhonePage(): Promise<Page> {
    page = await newPhonePage(product.browser, product.app.url);
    pageErrors = collectPageErrors(page);
    return page;
  }

  async function signIn(email: string, password: string) {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('registers, signs out, signs back in, and stays signed in across a reload', async () => {
    const email = uniqueEmail('ada');
    const password = 'correct horse battery';
    await openPhonePage();

    await page.goto('/');
    await waitForPath(page, '/login');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Your name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await screenshot(page, 'auth-register-phone');
    await page.getByRole('button', { name: 'Create account' }).click();

    await waitForPath(page, '/plans');
    await page.getByRole('heading', { name: 'Plans', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    expect(await page.getByRole('banner').textContent()).toContain('Ada Lovelace');
    expect(await page.evaluate(() => localStorage.getItem('liftplan.token'))).toBeTruthy();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await waitForPath(page, '/');
    await page.getByRole('heading', { name: 'Hi, Ada Lovelace' }).waitFor();
    expect(await page.getByRole('link', { name: 'Admin' }).count()).toBe(0);
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await screenshot(page, 'auth-dashboard-phone');

    await page.getByRole('button', { name: 'Log out' }).click();
    await waitForPath(page, '/login');
    expect(await page.evaluate(() => localStorage.getItem('liftplan.token'))).toBeNull();

    await signIn(email, password);
    await waitForPath(page, '/');
    await page.getByRole('heading', { name: 'Hi, Ada Lovelace' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Hi, Ada Lovelace' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    expect(pageErrors.filter((error) => !isNoPlanYet(error))).toEqual([]);
  });

  it('shows the error message for a wrong password and stays on the sign-in page', async () => {
    const email = uniqueEmail('grace');
    await openPhonePage();
    await page.goto('/register');
    await page.getByLabel('Your name').fill('Grace');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('the right password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await waitForPath(page, '/plans');
    await page.getByRole('button', { name: 'Log out' }).click();
    await waitForPath(page, '/login');

    await signIn(email, 'the wrong password');

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Email or password is incorrect');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.evaluate(() => localStorage.getItem('liftplan.token'))).toBeNull();
    await screenshot(page, 'auth-wrong-password-phone');
    // The browser logs the failed request's 401 as a console error; nothing else may go wrong.
    expect(pageErrors.filter((error) => !error.includes('401'))).toEqual([]);
  });

  it('shows administrators the Admin section, on a phone and on a desktop', async () => {
    await openPhonePage();
    await page.goto('/login');
    await signIn(ADMIN.email, ADMIN.password);
    await waitForPath(page, '/');

    await page.getByRole('heading', { name: /^Hi, / }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Dashboard',
      'Plans',
      'History',
      'Settings',
      'Admin',
    ]);
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await screenshot(page, 'auth-admin-phone');

    const desktop = await newDesktopPage(product.browser, product.app.url);
    try {
      await desktop.goto('/login');
      await desktop.getByLabel('Email').fill(ADMIN.email);
      await desktop.getByLabel('Password').fill(ADMIN.password);
      await desktop.getByRole('button', { name: 'Sign in' }).click();
      await desktop.getByRole('heading', { name: /^Hi, / }).waitFor();
      expect(await desktop.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).count()).toBe(
        1,
      );
      await screenshot(desktop, 'auth-admin-desktop');
    } finally {
      await desktop.context().close();
    }
    expect(pageErrors.filter((error) => !isNoPlanYet(error))).toEqual([]);
  });
});
