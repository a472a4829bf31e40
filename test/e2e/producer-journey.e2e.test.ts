import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo-accounts.js';
import {
  describeInBrowser,
  expectNoSeriousA11yViolations,
  launchBrowser,
  saveScreenshot,
  startTestServer,
  type TestServer,
} from './support/browser.js';

const TIMEOUT = 60_000;

/** Fill and submit the login form as the demo producer of Dinas Kesehatan. */
async function logInAsProducer(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.fill('#username', 'produsen.dinkes');
  await page.fill('#password', DEMO_PASSWORD);
  await Promise.all([
    page.waitForURL('**/workspace'),
    page.click('form[action="/login"] button[type=submit]'),
  ]);
}

describeInBrowser('producer journey in a real browser (PGlite, demo region)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, TIMEOUT);

  /** A fresh browser profile (no cookies) per test. */
  async function withPage(fn: (page: Page) => Promise<void>): Promise<void> {
    const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      await fn(await context.newPage());
    } finally {
      await context.close();
    }
  }

  it(
    'a producer logs in, sees the workspace, switches to English and logs out',
    () =>
      withPage(async (page) => {
        const { baseUrl } = server;

        await page.goto(`${baseUrl}/`);
        await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('id');
        expect(await page.locator('.brand strong').textContent()).toBe('Kabupaten Magetan');
        await expectNoSeriousA11yViolations(page);

        await page.click('nav a[href="/login"]');
        await page.waitForURL('**/login');
        expect(await page.locator('h1').textContent()).toBe('Masuk');
        await expectNoSeriousA11yViolations(page);

        await page.fill('#username', 'produsen.dinkes');
        await page.fill('#password', DEMO_PASSWORD);
        await Promise.all([page.waitForURL('**/workspace'), page.click('form[action="/login"] button')]);
        const workspace = await page.locator('main').textContent();
        expect(workspace).toContain('dr. Dewi Lestari');
        expect(workspace).toContain('Dinas Kesehatan (Dinkes)');
        expect(workspace).toContain('Produsen Data');
        await expectNoSeriousA11yViolations(page);
        await saveScreenshot(page, 'producer-workspace');

        // The switch goes through /lang/en and back to /workspace: the URL alone cannot tell
        // the pages apart, so wait for the redirect and then for the English document.
        await Promise.all([
          page.waitForResponse((r) => new URL(r.url()).pathname === '/lang/en'),
          page.click('nav a[hreflang="en"]'),
        ]);
        await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
        expect(new URL(page.url()).pathname).toBe('/workspace');
        expect(await page.locator('h1').textContent()).toBe('Welcome, dr. Dewi Lestari (Dinas Kesehatan)');
        const english = await page.locator('body').textContent();
        expect(english).toContain('Workspace');
        expect(english).toContain('Data producer');
        expect(english).toContain('My tasks');
        await expectNoSeriousA11yViolations(page);
        await saveScreenshot(page, 'producer-workspace-en');

        await Promise.all([
          page.waitForURL(`${baseUrl}/`),
          page.click('nav form[action="/logout"] button[type=submit]'),
        ]);
        await expect.poll(() => page.locator('nav a[href="/login"]').count()).toBe(1);
        expect(await page.locator('nav form[action="/logout"]').count()).toBe(0);
        expect(await page.locator('nav a[href="/login"]').textContent()).toBe('Log in');
        await page.goto(`${baseUrl}/workspace`);
        expect(new URL(page.url()).pathname).toBe('/login');
      }),
    TIMEOUT,
  );

  it(
    'axe finds no serious or critical violations on /login, /, /account and the 404 page',
    () =>
      withPage(async (page) => {
        const { baseUrl } = server;
        await page.goto(`${baseUrl}/login`);
        await expectNoSeriousA11yViolations(page);

        await page.goto(`${baseUrl}/`);
        await expectNoSeriousA11yViolations(page);

        await logInAsProducer(page, baseUrl);
        const account = await page.goto(`${baseUrl}/account`);
        expect(account?.status()).toBe(200);
        expect(await page.locator('#username').count()).toBe(0);
        await expectNoSeriousA11yViolations(page);

        const missing = await page.goto(`${baseUrl}/no-such-page`);
        expect(missing?.status()).toBe(404);
        await expectNoSeriousA11yViolations(page);
      }),
    TIMEOUT,
  );
});
