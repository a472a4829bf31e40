import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeInBrowser,
  expectNoSeriousA11yViolations,
  launchBrowser,
  saveScreenshot,
  startTestServer,
  type TestServer,
} from './support/browser.js';

const TIMEOUT = 90_000;

describeInBrowser('public catalog in a real browser (PGlite, demo region)', () => {
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

  /** A fresh browser profile (no cookies) per test; downloads allowed. */
  async function withPage(width: number, fn: (page: Page) => Promise<void>): Promise<void> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
    try {
      await fn(await context.newPage());
    } finally {
      await context.close();
    }
  }

  it(
    'a visitor searches from the home page, filters by agency, opens a dataset and downloads its CSV',
    () =>
      withPage(1280, async (page) => {
        const { baseUrl } = server;
        await page.goto(`${baseUrl}/`);
        expect(Number(await page.locator('dd.count-datasets').textContent())).toBe(54);
        await page.fill('#home-q', 'penduduk');
        await Promise.all([page.waitForURL('**/dataset?q=penduduk'), page.press('#home-q', 'Enter')]);
        expect(await page.locator('h2.results-count').textContent()).toMatch(
          /^\d+ dataset ditemukan untuk “penduduk”$/,
        );
        const allHits = await page.locator('.dataset-card').count();
        expect(allHits).toBeGreaterThan(1);
        await expectNoSeriousA11yViolations(page);
        await saveScreenshot(page, 'catalog-search');

        // The first agency facet: a plain link that adds ?organization=… to the URL.
        const facet = page.locator('.facet[data-facet="organization"] .facet-item a').first();
        const agency = (await facet.locator('.facet-label').textContent()) ?? '';
        const expected = Number(await facet.locator('.facet-count').textContent());
        await Promise.all([page.waitForURL(/organization=/), facet.click()]);
        expect(new URL(page.url()).searchParams.get('q')).toBe('penduduk');
        expect(await page.locator('.dataset-card').count()).toBe(expected);
        expect(expected).toBeLessThan(allHits);
        expect(await page.locator('.active-filters').textContent()).toContain(agency);
        for (const meta of await page.locator('.dataset-card-meta a').allTextContents())
          expect(meta).toBe(agency);
        await expectNoSeriousA11yViolations(page);

        const first = page.locator('.dataset-card-title a').first();
        const title = (await first.textContent()) ?? '';
        await Promise.all([page.waitForURL(/\/dataset\/[a-z0-9-]+$/), first.click()]);
        expect(await page.locator('h1').textContent()).toBe(title);
        expect(await page.locator('link[rel="alternate"][type="text/turtle"]').count()).toBe(1);
        expect(await page.locator('.resource .format').first().textContent()).toBe('CSV');
        await expectNoSeriousA11yViolations(page);
        await saveScreenshot(page, 'catalog-dataset');

        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.locator('a.download').first().click(),
        ]);
        expect(download.suggestedFilename()).toMatch(/\.csv$/);
        const csv = await readFile(await download.path(), 'utf8');
        const [header, firstRow] = csv.split(/\r?\n/);
        expect(header?.split(',').length).toBeGreaterThan(1);
        expect(firstRow?.length).toBeGreaterThan(0);

        await page.reload();
        expect(await page.locator('dd.download-count').textContent()).toBe('1');
      }),
    TIMEOUT,
  );

  it(
    'the catalog pages read well on a 390 px phone, in English too, without serious axe findings',
    () =>
      withPage(390, async (page) => {
        const { baseUrl } = server;
        for (const path of ['/dataset?q=stunting', '/organization', '/group', '/group/kesehatan']) {
          const res = await page.goto(`${baseUrl}${path}`);
          expect(res?.status(), path).toBe(200);
          expect(
            await page.evaluate<number>('document.documentElement.scrollWidth'),
            path,
          ).toBeLessThanOrEqual(390);
          await expectNoSeriousA11yViolations(page);
        }
        await page.goto(`${baseUrl}/dataset?q=penduduk`);
        await saveScreenshot(page, 'catalog-search-phone');
        await page.click('.dataset-card-title a');
        await page.waitForURL(/\/dataset\/[a-z0-9-]+$/);
        await saveScreenshot(page, 'catalog-dataset-phone');

        await Promise.all([
          page.waitForResponse((r) => new URL(r.url()).pathname === '/lang/en'),
          page.click('nav a[hreflang="en"]'),
        ]);
        await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
        expect(await page.locator('#resources-title').textContent()).toBe('Data and resources');
        await expectNoSeriousA11yViolations(page);
      }),
    TIMEOUT,
  );
});
