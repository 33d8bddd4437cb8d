// A union officer signs in, changes the interface language, and signs out.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../common/i18n/index.js';
import { DEMO, screenshot, signIn, startE2e, type E2e } from './harness.js';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(async () => {
  await e2e?.close();
});

const vi = (key: Parameters<typeof translate>[1]) => translate('vi', key);
const en = (key: Parameters<typeof translate>[1]) => translate('en', key);

async function fillSignIn(page: Page, username: string, password: string) {
  await page.locator('input[autocomplete="username"]').fill(username);
  await page.locator('input[autocomplete="current-password"]').fill(password);
  await page.locator('button[type="submit"]').click();
}

describe('signing in', () => {
  it('a wrong password shows the Vietnamese error and stays on the sign-in page', async () => {
    const page = await e2e.newPage('desktop');
    await page.goto('/');
    await page.waitForURL('**/sign-in');
    await fillSignIn(page, DEMO.federationOfficer.username, 'Sai@mat-khau');
    const alert = page.getByRole('alert').filter({ hasText: vi('errors.LOGIN_INVALID') });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await screenshot(page, 'sign-in-wrong-password');
  });

  it('the right password lands on the home page with the user greeted by name', async () => {
    const page = await e2e.newPage('desktop');
    await signIn(page, DEMO.federationOfficer.username, DEMO.federationOfficer.password);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('heading', { name: translate('vi', 'auth.welcome', { name: 'Trần Thị Mai' }) }).waitFor();
    await page.getByRole('menuitem', { name: vi('nav.units') }).waitFor();
    await screenshot(page, 'sign-in-home-desktop');
  });

  it('switching to English changes the interface, survives a reload and follows the user to another browser', async () => {
    const page = await e2e.newPage('desktop');
    await signIn(page, DEMO.federationOfficer.username, DEMO.federationOfficer.password);
    await page.getByRole('menuitem', { name: vi('nav.home') }).waitFor();

    const saved = page.waitForResponse((r) => r.url().endsWith('/api/auth/me') && r.request().method() === 'PATCH');
    await page.getByRole('button', { name: vi('common.language') }).click();
    expect((await saved).status()).toBe(200);
    await page.getByRole('menuitem', { name: en('nav.home') }).waitFor();
    await page.getByRole('menuitem', { name: en('nav.units') }).waitFor();
    expect(await page.getByRole('menuitem', { name: vi('nav.units') }).count()).toBe(0);

    await page.reload();
    await page.getByRole('menuitem', { name: en('nav.units') }).waitFor();
    await screenshot(page, 'sign-in-home-english');

    // Remembered for the user, not only in this browser: a fresh browser signs in in English.
    const other = await e2e.newPage('desktop');
    await signIn(other, DEMO.federationOfficer.username, DEMO.federationOfficer.password);
    await other.getByRole('menuitem', { name: en('nav.units') }).waitFor();

    // Back to Vietnamese for the other tests of this file.
    await other.getByRole('button', { name: en('common.language') }).click();
    await other.getByRole('menuitem', { name: vi('nav.units') }).waitFor();
  });

  it('signing out returns to the sign-in page and the app is closed again', async () => {
    const page = await e2e.newPage('desktop');
    await signIn(page, DEMO.federationOfficer.username, DEMO.federationOfficer.password);
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: vi('nav.signOut') }).click();
    await page.waitForURL('**/sign-in');
    await page.goto('/units');
    await page.waitForURL('**/sign-in');
    await page.locator('input[autocomplete="username"]').waitFor();
    const me = await page.request.get('/api/auth/me');
    expect(me.status()).toBe(401);
  });

  it('the built app runs under the Content-Security-Policy: no violation, no page error', async () => {
    const page = await e2e.newPage('desktop');
    const response = await page.goto('/sign-in');
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await signIn(page, DEMO.federationOfficer.username, DEMO.federationOfficer.password);
    await page.getByRole('menuitem', { name: vi('nav.units') }).click();
    await page.waitForLoadState('networkidle');
    expect(e2e.pageErrors).toEqual([]);
  });
});
