// Browser-test harness: the real server on a fresh PGlite with the demo data,
// and Debian's Chromium driven by playwright-core.
//
//   const e2e = await startE2e();            // in beforeAll
//   const page = await e2e.newPage('phone');
//   await signIn(page, 'cdcs.thpt', 'Demo@2024');
//   await e2e.close();                       // in afterAll
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from './chromium.js';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { E2E_WEB_DIST, ensureWebBuild, ROOT } from './build-web.js';
import { makeDataDir, startServer, type ServerProcess } from './server-process.js';

export const SCREENSHOTS = path.join(ROOT, 'e2e', 'screenshots');

/** Demo logins (scripts/demo/accounts.ts). */
export const DEMO = {
  admin: { username: 'admin', password: 'Admin@2024' },
  /** Chủ tịch CĐCS Trường THPT Vĩnh Thuận (VT10), no subtree. */
  grassrootsChair: { username: 'cdcs.thpt', password: 'Demo@2024' },
  /** Văn phòng LĐLĐ huyện Vĩnh Thuận (federation officer). */
  federationOfficer: { username: 'vanphong.vt', password: 'Demo@2024' },
} as const;

export type Device = 'desktop' | 'phone';

export interface E2e {
  baseUrl: string;
  server: ServerProcess;
  browser: Browser;
  /** A page in a fresh browser context (own cookies and storage). */
  newPage: (device?: Device) => Promise<Page>;
  /** Uncaught errors of the pages opened so far (for assertions or reports). */
  pageErrors: string[];
  close: () => Promise<void>;
}

export async function startE2e(): Promise<E2e> {
  // The e2e global setup builds (or rebuilds a stale build) once per run; build here only
  // when a file is run some other way and there is no build at all.
  const webDist = fs.existsSync(path.join(E2E_WEB_DIST, 'index.html')) ? E2E_WEB_DIST : ensureWebBuild();
  const dataDir = makeDataDir();
  // A copy of the run's demo data folder (global-setup.ts); without one, the server loads the demo itself.
  const template = process.env.E2E_DATA_TEMPLATE;
  if (template && fs.existsSync(template)) fs.cpSync(template, dataDir, { recursive: true });
  let server: ServerProcess | null = null;
  let browser: Browser | null = null;
  try {
    server = await startServer({ dataDir, webDist });
    browser = await launchChromium();
  } catch (e) {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const baseUrl = server.baseUrl;
  const b = browser;
  const s = server;
  return {
    baseUrl,
    server: s,
    browser: b,
    pageErrors,
    newPage: async (device = 'desktop') => {
      const context = await b.newContext({
        baseURL: baseUrl,
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
        acceptDownloads: true,
        ...(device === 'phone'
          ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
          : { viewport: { width: 1280, height: 800 } }),
      });
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
      // A Content-Security-Policy violation (server/app.ts, docs/security.md) is a page error too.
      page.on('console', (msg) => {
        if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) pageErrors.push(`${page.url()}: ${msg.text()}`);
      });
      return page;
    },
    close: async () => {
      for (const c of contexts) await c.close().catch(() => {});
      await b.close().catch(() => {});
      await s.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the real sign-in form and waits to leave it. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('input[autocomplete="username"]').fill(username);
  await page.locator('input[autocomplete="current-password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.getByTestId('user-menu').waitFor();
}

/** Saves a screenshot to e2e/screenshots/<name>.png (git-ignored). */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await settle(page);
  const file = path.join(SCREENSHOTS, `${name}.png`);
  // Full page by default; the viewport only when a drawer or modal is open (fixed layers crop badly).
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true });
  return file;
}

/** Waits until no CSS transition or animation runs (drawers, menus, messages opening). */
export async function settle(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      {
        timeout: 3_000,
      },
    )
    .catch(() => {});
}

/** Width the document scrolls to beyond the viewport (0 = no horizontal overflow). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    return el.scrollWidth - window.innerWidth;
  });
}

export { E2E_WEB_DIST };

/** Types a dd/mm/yyyy date into an Ant Design DatePicker (found by its data-testid) and confirms it. */
export async function typeDate(page: Page, testId: string, ddmmyyyy: string): Promise<void> {
  const holder = page.getByTestId(testId);
  const input = (await holder.evaluate((el) => el.tagName)) === 'INPUT' ? holder : holder.locator('input').first();
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.pressSequentially(ddmmyyyy);
  await input.press('Enter');
  // Enter commits the date and closes the calendar. Escape only if a calendar is still open: with none, Escape
  // reaches the page, and in a drawer it closes the drawer (CI: the unit move drawer, gone before its next field).
  const calendar = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden):visible').first();
  const closed = await calendar.waitFor({ state: 'hidden', timeout: 1_000 }).then(
    () => true,
    () => false,
  );
  if (!closed) {
    await page.keyboard.press('Escape').catch(() => {});
  }
}

/** The codes of the unit nodes the union tree shows (data-unit-code). */
export async function treeCodes(page: Page): Promise<string[]> {
  return page.locator('[data-testid="unit-node"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-unit-code') ?? ''));
}

/**
 * Chooses an option of an Ant Design Select or TreeSelect (found by its data-testid):
 * opens it, optionally types a search, waits for the dropdown to stop moving, clicks the
 * option whose text contains `optionText`, and checks the select now shows it.
 */
export async function chooseOption(page: Page, testId: string, optionText: string, search?: string): Promise<void> {
  const select = page.getByTestId(testId);
  for (let attempt = 1; ; attempt++) {
    await select.click();
    if (search) await page.keyboard.type(search);
    const option = page
      .locator('.ant-select-dropdown:visible')
      .locator('.ant-select-item-option, .ant-select-tree-node-content-wrapper')
      .filter({ hasText: optionText })
      .first();
    try {
      // The dropdown can close under us (the page re-renders as the menu drawer or a query settles):
      // a vanished option is another attempt, not a 15 s wait.
      await option.waitFor({ timeout: 5_000 });
      await settle(page);
      await option.click({ timeout: 5_000 });
      await page.waitForFunction(
        ([el, text]) => (el as HTMLElement).innerText.includes(text as string),
        [await select.elementHandle(), optionText] as const,
        { timeout: 3_000 },
      );
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
}
