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

const TIMEOUT = 300_000;
const STAFF_PASSWORD = 'staf-rahasia-2027';

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

  async function signIn(username: string, password: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.fill('#username', username);
    await page.fill('#password', password);
    await Promise.all([
      page.waitForURL((url) => !url.pathname.startsWith('/login')),
      page.click('form[action="/login"] button[type=submit]'),
    ]);
    return page;
  }

  async function complete(who: string, step: string, outcome: string) {
    const page = pages[who] as Page;
    await page.goto(`${server.baseUrl}/tugas`);
    const row = page.locator(`tr[data-step="${step}"]`).first();
    await row.locator('textarea[name="note"]').fill(`${step}: ${outcome} (${who})`);
    await Promise.all([
      page.waitForURL(/\/tugas\?done=1$/),
      row.locator(`button[name="outcome"][value="${outcome}"]`).click(),
    ]);
  }

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const admin = await signIn('admin', DEMO_PASSWORD);
    await admin.goto(`${server.baseUrl}/admin/users/new`);
    await admin.fill('#username', 'staf.grafik');
    await admin.fill('#fullName', 'Staf Statistik Grafik');
    await admin.fill('#password', STAFF_PASSWORD);
    await admin.check('#role-custodian');
    await Promise.all([
      admin.waitForURL((url) => !url.pathname.endsWith('/new')),
      admin.click('form[action="/admin/users/new"] button[type=submit]'),
    ]);
    await admin.goto(`${server.baseUrl}/admin/positions`);
    for (const [user, role, position] of [
      ['walidata', 'custodian', 'sub_coordinator'],
      ['staf.grafik', 'custodian', 'staff'],
      ['pimpinan', 'leader', 'division_head'],
    ] as const) {
      const row = admin.locator(`tr[data-user="${user}"][data-role="${role}"]`);
      await row.locator('select[name="position"]').selectOption(position);
      await Promise.all([admin.waitForURL(/done=1$/), row.locator('button[type=submit]').click()]);
    }
    pages.walidata = await signIn('walidata', DEMO_PASSWORD);
    pages.pimpinan = await signIn('pimpinan', DEMO_PASSWORD);
    pages.staf = await signIn('staf.grafik', STAFF_PASSWORD);
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
      await staf.fill('#title', 'Infografis Data Demo 2027');
      await staf.fill('#narrative', 'Narasi pertama.');
      await Promise.all([
        staf.waitForURL(/\/publikasi\/[a-z0-9-]+$/),
        staf.click('#publication-form button[type=submit]'),
      ]);
      const pubUrl = staf.url();
      const pubName = new URL(pubUrl).pathname.split('/').pop() as string;
      await Promise.all([
        staf.waitForURL(/submitted=1$/),
        staf.click('#publication-submit button[type=submit]'),
      ]);
      expect(await staf.locator('#publication-state').count()).toBe(1);
      await expectNoSeriousA11yViolations(staf);

      const notPublic = async () => {
        expect((await anon.goto(pubUrl))?.status()).toBe(404);
        await anon.goto(`${server.baseUrl}/publikasi`);
        expect(await anon.locator(`[data-publication="${pubName}"]`).count()).toBe(0);
        await anon.goto(`${server.baseUrl}/`);
        expect(await anon.locator(`a[href="/publikasi/${pubName}"]`).count()).toBe(0);
      };
      await notPublic();

      // The sub-coordinator returns it once; the staff corrects the narrative and submits again.
      await complete('walidata', 'subcoordinator_check', 'return');
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
      await complete('walidata', 'subcoordinator_check', 'approve');
      await notPublic();
      await complete('pimpinan', 'division_head_approval', 'approve');

      expect((await anon.goto(pubUrl))?.status()).toBe(200);
      expect(await anon.locator('.narrative').textContent()).toBe('Narasi yang sudah diperbaiki.');
      expect(await anon.locator('#publication-state').count()).toBe(0);
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
});
