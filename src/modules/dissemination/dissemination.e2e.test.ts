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
import {
  addCustodianStaff,
  assignPositions,
  completeTask,
  DEMO_CHAIN,
  signIn,
  signInChain,
} from '../../../test/e2e/support/sop-actors.js';
import { DEMO_PASSWORD } from '../demo/demo-accounts.js';
import { DEMO_BOOK, DEMO_PUBLISHED_INFOGRAPHICS } from './demo-seed.js';

const TIMEOUT = 300_000;
const STAFF_PASSWORD = 'staf-rahasia-2027';
const TITLE = 'Infografis Data Demo 2027';

/**
 * Issue #15 in a real browser: a staff member builds a chart on a demo table, makes an
 * infographic from it and submits it; the sub-coordinator returns it once, the staff corrects
 * it, the sub-coordinator initials it and the head of division approves. Only then does it
 * show on /publikasi and on the home page.
 */
describeInBrowser('an infographic from a saved chart through its approval chain to the portal', () => {
  let server: TestServer;
  let browser: Browser;
  const pages: Record<string, Page> = {};

  const complete = (who: string, step: string, outcome: string) =>
    completeTask(pages[who] as Page, server.baseUrl, step, outcome, {
      subject: TITLE,
      note: `${step}: ${outcome} (${who})`,
    });

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const admin = await signIn(browser, server.baseUrl, 'admin', DEMO_PASSWORD);
    await addCustodianStaff(admin, server.baseUrl, [
      { username: 'staf.grafik', fullName: 'Staf Statistik Grafik', password: STAFF_PASSWORD },
    ]);
    await assignPositions(admin, server.baseUrl, [...DEMO_CHAIN, ['staf.grafik', 'custodian', 'staff']]);
    Object.assign(pages, await signInChain(browser, server.baseUrl));
    pages.staf = await signIn(browser, server.baseUrl, 'staf.grafik', STAFF_PASSWORD);
    pages.public = await (await browser.newContext()).newPage();
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, TIMEOUT);

  it(
    'staff chart → infographic → returned once → initialled → approved → on /publikasi and the home page',
    async () => {
      const staf = pages.staf as Page;
      const anon = pages.public as Page;
      // The demo tables load in the background after start: wait until the builder lists one.
      for (let i = 0; i < 120; i++) {
        await staf.goto(`${server.baseUrl}/grafik/baru`);
        if ((await staf.locator('#resource option').count()) > 0) break;
        await staf.waitForTimeout(1000);
      }
      // The demo job publishes its book and infographics through the SOP once its tables are
      // loaded: wait for them, so this test's infographic is the newest on the home page.
      const demoPublished = [DEMO_BOOK, ...DEMO_PUBLISHED_INFOGRAPHICS];
      let shown: (string | null)[] = [];
      for (let i = 0; i < 180; i++) {
        await anon.goto(`${server.baseUrl}/publikasi`);
        shown = await anon
          .locator('[data-publication]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-publication')));
        if (demoPublished.every((n) => shown.includes(n))) break;
        await anon.waitForTimeout(1000);
      }
      expect(shown).toEqual(expect.arrayContaining(demoPublished));
      await expectNoSeriousA11yViolations(staf);
      await Promise.all([staf.waitForURL(/resource=/), staf.click('#chart-table button[type=submit]')]);
      await staf.selectOption('#type', 'bar');
      await staf.selectOption('#aggregate', 'count');
      await staf.fill('#title', 'Banyaknya baris per kategori');
      await staf.fill('#subtitle', 'Data demo');
      await Promise.all([
        staf.waitForURL(/\/grafik\/[a-z0-9-]+$/),
        staf.click('#chart-form button[type=submit]'),
      ]);
      const chartUrl = staf.url();
      // The SVG carries its own text alternative, and the page says it in words with a data table.
      const svg = staf.locator('.chart-svg svg[role="img"]');
      expect(await svg.count()).toBe(1);
      expect(await svg.locator('title').textContent()).toBe('Banyaknya baris per kategori');
      expect(((await svg.locator('desc').textContent()) ?? '').length).toBeGreaterThan(30);
      expect(await staf.locator('.chart-text').count()).toBe(1);
      await expectNoSeriousA11yViolations(staf);
      await saveScreenshot(staf, 'chart-page');
      expect((await anon.goto(chartUrl))?.status()).toBe(200);

      await Promise.all([staf.waitForURL(/\/publikasi\/baru\?chart=/), staf.click('#make-infographic')]);
      await expectNoSeriousA11yViolations(staf);
      await staf.fill('#title', TITLE);
      await staf.fill('#narrative', 'Narasi pertama.');
      await Promise.all([
        staf.waitForURL(/\/publikasi\/[a-z0-9-]+$/),
        staf.click('#publication-form button[type=submit]'),
      ]);
      const pubUrl = staf.url();
      const pubName = new URL(pubUrl).pathname.split('/').pop() as string;
      // The infographic is drawn on the server from the chart, kept as the version's PNG and SVG.
      await Promise.all([
        staf.waitForURL(/generated=1$/),
        staf.click('#infographic-form button[type=submit]'),
      ]);
      const draftImage = (await staf.locator('#publication-files img').getAttribute('src')) ?? '';
      expect(draftImage).toMatch(new RegExp(`^/publikasi/${pubName}/berkas/\\d+/infografis\\.png$`));
      await expectNoSeriousA11yViolations(staf);
      await Promise.all([
        staf.waitForURL(/submitted=1$/),
        staf.click('#publication-submit button[type=submit]'),
      ]);
      expect(await staf.locator('#publication-state').count()).toBe(1);
      await expectNoSeriousA11yViolations(staf);

      const notPublic = async () => {
        expect((await anon.goto(pubUrl))?.status()).toBe(404);
        expect((await anon.goto(`${server.baseUrl}${draftImage}`))?.status()).toBe(404);
        await anon.goto(`${server.baseUrl}/publikasi`);
        expect(await anon.locator(`[data-publication="${pubName}"]`).count()).toBe(0);
        await anon.goto(`${server.baseUrl}/`);
        expect(await anon.locator(`a[href="/publikasi/${pubName}"]`).count()).toBe(0);
      };
      await notPublic();

      // The sub-coordinator returns it once; the staff corrects the narrative and submits again.
      await complete('sub', 'subcoordinator_check', 'return');
      await notPublic();
      await staf.goto(pubUrl);
      await staf.fill('#narrative', 'Narasi yang sudah diperbaiki.');
      await Promise.all([
        staf.waitForURL(/saved=1$/),
        staf.click(`form[action="/publikasi/${pubName}/ubah"] button`),
      ]);
      await Promise.all([
        staf.waitForURL(/submitted=1$/),
        staf.click('#publication-submit button[type=submit]'),
      ]);
      await complete('sub', 'subcoordinator_check', 'approve');
      await notPublic();
      await complete('pimpinan', 'division_head_approval', 'approve');

      expect((await anon.goto(pubUrl))?.status()).toBe(200);
      expect(await anon.locator('.narrative').textContent()).toBe('Narasi yang sudah diperbaiki.');
      expect(await anon.locator('#publication-state').count()).toBe(0);
      // The approved version's infographic is served to everyone, as a PNG.
      const image = (await anon.locator('#publication-files img').getAttribute('src')) ?? '';
      const png = await anon.request.get(`${server.baseUrl}${image}`);
      expect(png.status()).toBe(200);
      expect(png.headers()['content-type']).toBe('image/png');
      await expectNoSeriousA11yViolations(anon);
      await saveScreenshot(anon, 'publication-page');
      await anon.goto(`${server.baseUrl}/publikasi`);
      expect(await anon.locator(`[data-publication="${pubName}"]`).count()).toBe(1);
      await expectNoSeriousA11yViolations(anon);
      await anon.goto(`${server.baseUrl}/`);
      expect(await anon.locator(`#home-publications a[href="/publikasi/${pubName}"]`).count()).toBe(1);
      await expectNoSeriousA11yViolations(anon);
      await anon.goto(`${server.baseUrl}/jadwal-rilis`);
      await expectNoSeriousA11yViolations(anon);
    },
    TIMEOUT,
  );

  it(
    'the demo region shows a choropleth and its data book, whose verification page passes axe',
    async () => {
      const sub = pages.sub as Page;
      // The demo charts and book are made by a job once their tables are loaded.
      for (let i = 0; i < 120; i++) {
        const res = await sub.goto(`${server.baseUrl}/publikasi/${DEMO_BOOK}`);
        if (res?.status() === 200 && (await sub.locator('a[href^="/publikasi/verifikasi/"]').count()) > 0)
          break;
        await sub.waitForTimeout(1000);
      }
      await Promise.all([
        sub.waitForURL(/\/publikasi\/verifikasi\/[0-9a-f]{64}$/),
        sub.locator('a[href^="/publikasi/verifikasi/"]').first().click(),
      ]);
      expect(await sub.locator('#edition-sources tbody tr').count()).toBe(3);
      await expectNoSeriousA11yViolations(sub);
      await saveScreenshot(sub, 'book-verification');
      // The schematic demo map: every district a coloured path, with the map's text alternative.
      const anon = pages.public as Page;
      expect(
        (await anon.goto(`${server.baseUrl}/grafik/kepadatan-penduduk-per-kecamatan-2024`))?.status(),
      ).toBe(200);
      expect(await anon.locator('.chart-svg svg[role="img"] desc').textContent()).toMatch(
        /^Peta tematik per kecamatan/,
      );
      await expectNoSeriousA11yViolations(anon);
      await saveScreenshot(anon, 'choropleth');
      // The publication form offers the data book kind.
      const staf = pages.staf as Page;
      await staf.goto(`${server.baseUrl}/publikasi/baru?kind=book`);
      expect(await staf.locator('#kind option[value="book"]').count()).toBe(1);
      await expectNoSeriousA11yViolations(staf);
    },
    TIMEOUT,
  );
});
