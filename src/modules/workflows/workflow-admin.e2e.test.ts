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
import { DEMO_PASSWORD } from '../demo/demo-accounts.js';

const TIMEOUT = 120_000;

describeInBrowser('workflow and calendar admin pages in a real browser (PGlite, demo region)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.fill('#username', 'admin');
    await page.fill('#password', DEMO_PASSWORD);
    await Promise.all([
      page.waitForURL((url) => !url.pathname.startsWith('/login')),
      page.click('form[action="/login"] button[type=submit]'),
    ]);
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, TIMEOUT);

  it(
    'an administrator copies the Magetan preset, gives verification two days, and chooses the copy; pages pass axe',
    async () => {
      const { baseUrl } = server;
      await page.goto(`${baseUrl}/admin/workflows`);
      await expectNoSeriousA11yViolations(page);
      await Promise.all([
        page.waitForURL(/\/admin\/workflows\/[0-9a-f-]{36}$/),
        page.click('a:text-is("magetan-statistik-sektoral")'),
      ]);
      expect(await page.locator('tbody th').count()).toBe(9);
      await expectNoSeriousA11yViolations(page);
      await saveScreenshot(page, 'workflow-show');

      await page.fill('#wf-new-key', 'magetan-e2e');
      await Promise.all([
        page.waitForURL(/\/edit\?done=copied$/),
        page.click('form[action$="/copy"] button'),
      ]);
      await expectNoSeriousA11yViolations(page);
      await page.fill('#s5-duration', '2 hari');
      await Promise.all([
        page.waitForURL(/done=saved&version=2$/),
        page.click('form[action$="/edit"] button[type=submit]'),
      ]);
      expect(await page.locator('tbody tr').nth(5).locator('td').nth(1).textContent()).toBe('2 hari');

      await page.goto(`${baseUrl}/admin/workflows`);
      await page.selectOption('#choose-dataset_collection', { label: 'magetan-e2e v2' });
      await Promise.all([
        page.waitForURL(/done=chosen$/),
        page.click('form:has(#choose-dataset_collection) button'),
      ]);
      expect(await page.locator('#choose-dataset_collection option:checked').textContent()).toBe(
        'magetan-e2e v2',
      );
    },
    TIMEOUT,
  );

  it(
    'an administrator moves the region to WIT and adds a regional holiday; the calendar page passes axe',
    async () => {
      await page.goto(`${server.baseUrl}/admin/calendar`);
      await expectNoSeriousA11yViolations(page);
      await page.selectOption('#cal-tz', 'Asia/Jayapura');
      await Promise.all([
        page.waitForURL(/done=calendar$/),
        page.click('form[action="/admin/calendar"] button'),
      ]);
      expect(await page.locator('#cal-tz option:checked').getAttribute('value')).toBe('Asia/Jayapura');
      await page.fill('#new-date', '2026-12-04');
      await page.fill('#new-name', 'Hari jadi Provinsi');
      await Promise.all([
        page.waitForURL(/done=holiday$/),
        page.click('form[action="/admin/calendar/holidays"] button'),
      ]);
      expect(await page.locator('input[value="Hari jadi Provinsi"]').count()).toBe(1);
      await expectNoSeriousA11yViolations(page);
      await saveScreenshot(page, 'calendar');
    },
    TIMEOUT,
  );
});
