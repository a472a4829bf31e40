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
import { setServiceClock } from './clock.js';
import { MIN_FILL_MS } from './form-token.js';

const TIMEOUT = 300_000;

/**
 * Issue #14 in a real browser, both branches of the Banyuwangi data-request SOP: a citizen asks
 * on /permintaan-data, confirms by the link taken from the mail outbox, follows the status page;
 * the custodian assigns and routes; the agency's producer either uploads the data (delivered as
 * a file behind an expiring link) or says it is not available (closed with a reason); the citizen
 * downloads or reads the notice, and rates the service.
 */
describeInBrowser('a data request, both branches, as requester and as staff', () => {
  let server: TestServer;
  let browser: Browser;
  const staff: Record<string, Page> = {};

  async function newPage(): Promise<Page> {
    return (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  }
  async function signIn(username: string): Promise<Page> {
    const page = await newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.fill('#username', username);
    await page.fill('#password', DEMO_PASSWORD);
    await Promise.all([
      page.waitForURL((url) => !url.pathname.startsWith('/login')),
      page.click('form[action="/login"] button[type=submit]'),
    ]);
    return page;
  }

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    for (const u of ['admin', 'walidata', 'produsen.dinkes']) staff[u] = await signIn(u);
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, TIMEOUT);

  /** The citizen files a request and opens the private link from the outbox; returns the status page. */
  async function ask(asked: string): Promise<{ page: Page; code: string; link: string }> {
    const page = await newPage();
    await page.goto(`${server.baseUrl}/permintaan-data`);
    await expectNoSeriousA11yViolations(page);
    await page.fill('#dr-name', 'Budi Peneliti');
    await page.fill('#dr-email', `budi.${Date.now()}@contoh.test`);
    await page.fill('#dr-asked', asked);
    await page.fill('#dr-purpose', 'Penelitian tesis');
    // A person takes longer than the form token's minimum fill time; the server's clock says so.
    setServiceClock(new Date(Date.now() + MIN_FILL_MS + 1_000));
    try {
      await Promise.all([
        page.waitForURL(/\/permintaan-data\/terkirim/),
        page.click('#request-form button[type=submit]'),
      ]);
    } finally {
      setServiceClock(null);
    }
    const code = new URL(page.url()).searchParams.get('kode') ?? '';
    expect(code).toMatch(/^PD-/);
    const admin = staff.admin as Page;
    await admin.goto(`${server.baseUrl}/admin/outbox`);
    const mail = await admin.locator('pre', { hasText: code }).first().textContent();
    const link = /https?:\/\/\S+\/permintaan-data\/PD-\w+\?s=[\w-]+/.exec(mail ?? '')?.[0] ?? '';
    expect(link).not.toBe('');
    const path = new URL(link).pathname + new URL(link).search;
    await page.goto(`${server.baseUrl}${path}`);
    await Promise.all([page.waitForURL(/\?s=/), page.click('form[action$="/konfirmasi"] button')]);
    expect(await page.locator('#request-state').textContent()).toBe('Sedang diproses');
    expect(await page.locator('.due-how').first().textContent()).toContain('10 hari kerja');
    await expectNoSeriousA11yViolations(page);
    return { page, code, link: path };
  }

  /** The custodian opens the request, assigns it to herself and routes it to the health agency. */
  async function assignAndRoute(code: string): Promise<string> {
    const w = staff.walidata as Page;
    await w.goto(`${server.baseUrl}/kerja/permintaan-data`);
    await w.click(`a:text("${code}")`);
    const url = w.url();
    await w.selectOption('#assignee', { label: 'Rina Wulandari (Walidata, Diskominfo)' });
    await Promise.all([w.waitForLoadState(), w.click('#form-assign button')]);
    await w.selectOption('#agency', { label: 'Dinas Kesehatan' });
    await Promise.all([w.waitForLoadState(), w.click('#form-route button')]);
    await expectNoSeriousA11yViolations(w);
    return url;
  }

  async function rate(page: Page) {
    for (let i = 0; i < 9; i++) await page.selectOption(`#ikm-${i}`, String((i % 2) + 3));
    await Promise.all([page.waitForLoadState(), page.click('#rating-form button')]);
    expect(await page.locator('#rated').count()).toBe(1);
  }

  it(
    'branch "available": the agency uploads the file, staff deliver it, the requester downloads and rates',
    async () => {
      const { page, link } = await ask('Jumlah puskesmas dan tenaga kesehatan per kecamatan 2025');
      const staffUrl = await assignAndRoute(
        new URL(`${server.baseUrl}${link}`).pathname.split('/').pop() ?? '',
      );
      await page.goto(`${server.baseUrl}${link}`);
      expect(await page.locator('#request-holder').textContent()).toContain('Dinas Kesehatan');

      const p = staff['produsen.dinkes'] as Page;
      await p.goto(staffUrl);
      await p.setInputFiles('#upload', {
        name: 'puskesmas-2025.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('kecamatan;puskesmas\nBarat;3\n'),
      });
      await Promise.all([p.waitForLoadState(), p.click('#form-respond button')]);

      const w = staff.walidata as Page;
      await w.goto(staffUrl);
      await Promise.all([w.waitForLoadState(), w.click('#form-deliver button')]);
      expect(await w.locator('#staff-state').textContent()).toBe('Selesai: data disampaikan');

      await page.goto(`${server.baseUrl}${link}`);
      const href = (await page.locator('#request-file').getAttribute('href')) ?? '';
      const file = await fetch(`${server.baseUrl}${href}`);
      expect(file.status).toBe(200);
      expect(await file.text()).toContain('Barat;3');
      await expectNoSeriousA11yViolations(page);
      await saveScreenshot(page, 'data-request-delivered');
      await rate(page);
    },
    TIMEOUT,
  );

  it(
    'branch "not available": the agency declines, the sub-coordinator closes with a reason, the requester reads it and rates',
    async () => {
      const { page, code, link } = await ask('Data pasien rawat inap per desa menurut diagnosa 2025');
      const staffUrl = await assignAndRoute(code);

      const p = staff['produsen.dinkes'] as Page;
      await p.goto(staffUrl);
      await p.selectOption('#form-respond-none #reason', 'not_yet_produced');
      await p.fill('#form-respond-none #note', 'Belum dikumpulkan per desa.');
      await Promise.all([p.waitForLoadState(), p.click('#form-respond-none button')]);

      const w = staff.walidata as Page;
      await w.goto(staffUrl);
      await w.fill(
        '#form-close #note',
        'Data per desa belum dihasilkan; diusulkan masuk daftar data tahun depan.',
      );
      await Promise.all([w.waitForLoadState(), w.click('#form-close button')]);
      expect(await w.locator('#staff-state').textContent()).toBe('Selesai: data tidak tersedia');

      await page.goto(`${server.baseUrl}${link}`);
      expect(await page.locator('#request-outcome').textContent()).toContain('belum dihasilkan');
      expect(await page.locator('form[action$="/keberatan"]').count()).toBe(1);
      await rate(page);
    },
    TIMEOUT,
  );

  it(
    'the administrator turns the public list on; it and the settings page pass axe; the demo shows overdue requests escalated',
    async () => {
      const a = staff.admin as Page;
      await a.goto(`${server.baseUrl}/admin`);
      await Promise.all([
        a.waitForURL(/\/admin\/permintaan-data$/),
        a.click('a[href="/admin/permintaan-data"]'),
      ]);
      await expectNoSeriousA11yViolations(a);
      await a.check('input[name="public_list"]');
      await Promise.all([a.waitForURL(/done=saved/), a.click('#request-settings button[type=submit]')]);

      const visitor = await newPage();
      await visitor.goto(`${server.baseUrl}/`);
      await Promise.all([visitor.waitForURL(/\/permintaan-data$/), visitor.click('#nav-request-data')]);
      await Promise.all([
        visitor.waitForURL(/\/permintaan-data\/daftar$/),
        visitor.click('a[href="/permintaan-data/daftar"]'),
      ]);
      expect(await visitor.locator('#public-request-list tbody tr').count()).toBeGreaterThan(5);
      expect(await visitor.locator('main').textContent()).not.toContain('(demo)');
      await expectNoSeriousA11yViolations(visitor);
      await saveScreenshot(visitor, 'data-request-public-list');

      // The sweep ran at start: the demo's overdue requests were escalated (staff page lists it).
      const w = staff.walidata as Page;
      await expect
        .poll(
          async () => {
            await w.goto(`${server.baseUrl}/kerja/permintaan-data`);
            const late = w.locator('tr', { hasText: 'terlambat' }).locator('a').first();
            await Promise.all([w.waitForLoadState(), late.click()]);
            return w.locator('#legal-alerts li[data-kind="escalation"]').count();
          },
          { timeout: 60_000 },
        )
        .toBeGreaterThan(0);
      await expectNoSeriousA11yViolations(w);
    },
    TIMEOUT,
  );
});
