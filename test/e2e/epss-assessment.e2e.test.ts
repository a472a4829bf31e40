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

const TIMEOUT = 180_000;

describeInBrowser(
  'EPSS self-assessment from proposal to BPS verification in a real browser (PGlite, demo region)',
  () => {
    let server: TestServer;
    let browser: Browser;
    const contexts: BrowserContext[] = [];

    beforeAll(async () => {
      server = await startTestServer();
      browser = await launchBrowser();
    }, TIMEOUT);

    afterAll(async () => {
      for (const c of contexts) await c.close();
      await browser?.close();
      await server?.stop();
    }, TIMEOUT);

    async function signIn(username: string): Promise<Page> {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/login`);
      await page.fill('#username', username);
      await page.fill('#password', DEMO_PASSWORD);
      await Promise.all([
        page.waitForURL('**/workspace'),
        page.click('form[action="/login"] button[type=submit]'),
      ]);
      return page;
    }

    it(
      'the custodian (TPI) reads the proposal and its evidence, picks a level; BPS adjusts it with a note; the worksheet shows both',
      async () => {
        const base = server.baseUrl;
        const year = new Date().getFullYear();
        const tpi = await signIn('walidata');
        await tpi.goto(`${base}/evaluasi?tahun=${year}`);
        expect(await tpi.locator('h1').textContent()).toContain(String(year));
        await expectNoSeriousA11yViolations(tpi);
        await saveScreenshot(tpi, 'evaluation-performance');

        await tpi.goto(`${base}/evaluasi/epss?tahun=${year}`);
        expect(await tpi.locator('table.epss tbody tr').count()).toBe(38);
        await expectNoSeriousA11yViolations(tpi);
        await Promise.all([tpi.waitForURL(`**/evaluasi/epss/${year}/40304`), tpi.click('#i-40304 a')]);
        expect(await tpi.locator('#proposal').textContent()).toContain('Log verifikasi walidata');
        await expectNoSeriousA11yViolations(tpi);

        // A refused form keeps what was typed.
        await tpi.selectOption('#level', '3');
        await tpi.fill('#explanation', ' ');
        await tpi.click('#assess-form button[type=submit]');
        expect(await tpi.locator('.errors').textContent()).toContain('penjelasan');
        await tpi.fill('#explanation', 'Walidata memeriksa setiap kiriman sesuai SOP.');
        await Promise.all([tpi.waitForURL('**?done=nilai'), tpi.click('#assess-form button[type=submit]')]);
        expect(await tpi.locator('#current').textContent()).toContain('3');
        await saveScreenshot(tpi, 'epss-indicator-assessed');

        const bps = await signIn('bps');
        await bps.goto(`${base}/evaluasi/epss/${year}/40304`);
        expect(await bps.locator('#assess-form').count()).toBe(0);
        await bps.check('input[name="outcome"][value="adjust"]');
        await bps.selectOption('#verify-level', '2');
        await bps.fill('#verify-note', 'Sebagian kiriman belum diperiksa.');
        await Promise.all([
          bps.waitForURL('**?done=verifikasi'),
          bps.click('#verify-form button[type=submit]'),
        ]);
        expect(await bps.locator('#verified').textContent()).toContain('Sebagian kiriman belum diperiksa.');
        await expectNoSeriousA11yViolations(bps);

        await bps.goto(`${base}/evaluasi/epss?tahun=${year}`);
        expect((await bps.locator('#i-40304 td.level').textContent())?.trim()).toBe('3');
        expect((await bps.locator('#i-40304 td.verified').textContent())?.trim()).toBe('2');
        expect(await bps.locator('#epss-index').textContent()).toContain('1 diverifikasi BPS');
        await saveScreenshot(bps, 'epss-worksheet');
      },
      TIMEOUT,
    );
  },
);
