import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeInBrowser,
  expectNoSeriousA11yViolations,
  launchBrowser,
  saveScreenshot,
  startTestServer,
  type TestServer,
} from '../../../test/e2e/support/browser.js';

const TIMEOUT = 120_000;

describeInBrowser('the public SOP page in a real browser (PGlite, demo region)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, TIMEOUT);

  it(
    'lists the SOPs in force with PDF links, in Indonesian and in English, and passes axe',
    async () => {
      await page.goto(`${server.baseUrl}/sop`);
      expect(await page.locator('h1').textContent()).toBe('SOP yang berlaku');
      expect(await page.locator('#sop-list tbody tr').count()).toBe(4);
      await expectNoSeriousA11yViolations(page);
      await saveScreenshot(page, 'sop-list');
      const href = await page.locator('#sop-list tbody tr a').first().getAttribute('href');
      const pdf = await page.request.get(`${server.baseUrl}${href}`);
      expect(pdf.headers()['content-type']).toBe('application/pdf');

      await page.goto(`${server.baseUrl}/lang/en?next=/sop`);
      expect(await page.locator('h1').textContent()).toBe('SOPs in force');
      await expectNoSeriousA11yViolations(page);
    },
    TIMEOUT,
  );
});
