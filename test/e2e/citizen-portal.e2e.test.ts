import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
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
/** Many pages × two widths × two languages, each scanned by axe: on a loaded machine this takes long. */
const A11Y_TIMEOUT = 480_000;
const run = promisify(execFile);

/** A free local port, so SITE_URL (which the Data API examples name) is the server's own address. */
async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const address = srv.address();
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describeInBrowser('a citizen on the public portal (PGlite, demo region)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    const port = await freePort();
    server = await startTestServer({ PORT: String(port), SITE_URL: `http://127.0.0.1:${port}` });
    browser = await launchBrowser();
    // The demo's uploads load in the background: wait until the key indicators have values.
    for (let i = 0; i < 120; i++) {
      const html = await (await fetch(`${server.baseUrl}/indikator`)).text();
      if ((html.match(/class="indicator-value"/g) ?? []).length >= 3) return;
      await new Promise((r) => setTimeout(r, 1000));
    }
    throw new Error('the demo key indicators never got values');
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, TIMEOUT);

  async function withPage(width: number, fn: (page: Page) => Promise<void>): Promise<void> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    try {
      await fn(await context.newPage());
    } finally {
      await context.close();
    }
  }

  it(
    'home → a key indicator → its dataset → a resource page → the copied Data API example runs',
    () =>
      withPage(1280, async (page) => {
        const { baseUrl } = server;
        await page.goto(`${baseUrl}/`);
        const card = page.locator('.indicator-card', { hasText: 'Indeks Pembangunan Manusia' });
        await expect(card.locator('.indicator-value').textContent()).resolves.toMatch(/Terbaru \(2024\)/);
        await Promise.all([page.waitForURL('**/indikator/ipm'), card.locator('h3 a').click()]);
        expect(await page.locator('h1').textContent()).toBe('Indeks Pembangunan Manusia');
        expect(await page.locator('table.meta-table tbody tr').count()).toBe(6);

        await Promise.all([
          page.waitForURL('**/dataset/indeks-pembangunan-manusia-2019-2024'),
          page.locator('.indicator-card a.see-all').click(),
        ]);
        expect(await page.locator('#changes-title').textContent()).toBe('Catatan perubahan');
        expect(await page.locator('.change-list li').first().textContent()).toContain('terbitan pertama');
        expect(await page.locator('.cite-plain').textContent()).toContain('Indeks Pembangunan Manusia');

        await Promise.all([
          page.waitForURL(/\/dataset\/indeks-pembangunan-manusia-2019-2024\/resource\/[0-9a-f-]{36}$/),
          page.locator('.resource h3 a').first().click(),
        ]);
        expect(await page.locator('.column-dictionary tbody tr').count()).toBeGreaterThan(3);
        // What a citizen copies from the Data API panel, run as it is in a shell.
        const copied = (await page.locator('pre[data-example="curl"]').textContent()) ?? '';
        expect(copied).toMatch(/^curl '/);
        const { stdout } = await run('sh', ['-c', copied]);
        const json = JSON.parse(stdout) as {
          success: boolean;
          result: { records: { tahun: number; ipm: number }[] };
        };
        expect(json.success).toBe(true);
        expect(json.result.records).toHaveLength(5);
        expect(json.result.records[0]?.tahun).toBe(2019);
        expect(typeof json.result.records[0]?.ipm).toBe('number');
        // datastore_search_sql is off on PGlite by default: no SQL example is offered.
        expect(await page.locator('pre[data-example="curl-sql"]').count()).toBe(0);
        await saveScreenshot(page, 'citizen-resource');
      }),
    TIMEOUT,
  );

  it(
    'every new page passes axe on desktop and phone, in Indonesian and English',
    async () => {
      const { baseUrl } = server;
      const resourcePath = await withResourcePath();
      const pages = [
        '/',
        '/indikator',
        '/indikator/persentase-penduduk-miskin',
        '/dataset/indeks-pembangunan-manusia-2019-2024',
        resourcePath,
        '/organization/bappeda',
        '/group/sosial',
        '/follow/confirm?token=tautan-yang-sudah-tidak-berlaku-lagi',
        '/follow/unsubscribe?token=tautan-yang-sudah-tidak-berlaku-lagi',
      ];
      for (const width of [1280, 390])
        await withPage(width, async (page) => {
          for (const lang of ['id', 'en'] as const)
            for (const path of pages) {
              await page.goto(`${baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
              expect(await page.locator('html').getAttribute('lang')).toBe(lang);
              await expectNoSeriousA11yViolations(page);
            }
          // The follow form, sent: the "check your e-mail" page.
          await page.goto(`${baseUrl}/dataset/indeks-pembangunan-manusia-2019-2024?lang=id`);
          await page.fill('#follow-email', 'warga@example.org');
          await Promise.all([page.waitForURL('**/follow'), page.locator('.follow button').click()]);
          expect(await page.locator('main p, .narrow p').first().textContent()).toContain(
            'Periksa surel Anda',
          );
          await expectNoSeriousA11yViolations(page);
        });
    },
    TIMEOUT,
  );

  it(
    'the collections, government pages and search help pass axe on desktop and phone, in both languages',
    async () => {
      const { baseUrl } = server;
      const pages = [
        '/koleksi',
        '/koleksi/kemiskinan-dan-pembangunan-manusia',
        '/tentang',
        '/kontak',
        '/faq',
        '/privasi',
        '/ketentuan',
        '/aksesibilitas',
        '/dataset?q=population',
        '/dataset?q=pendudk',
        '/dataset?q=zzqqxxyy',
      ];
      for (const width of [1280, 390])
        await withPage(width, async (page) => {
          for (const lang of ['id', 'en'] as const)
            for (const path of pages) {
              await page.goto(`${baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
              expect(await page.locator('html').getAttribute('lang')).toBe(lang);
              await expectNoSeriousA11yViolations(page);
            }
        });
    },
    A11Y_TIMEOUT,
  );

  it(
    'home → a collection → its dataset; the custodian’s curation pages pass axe in both languages',
    () =>
      withPage(1280, async (page) => {
        const { baseUrl } = server;
        await page.goto(`${baseUrl}/?lang=id`);
        expect(await page.locator('.featured li').count()).toBe(3);
        await Promise.all([
          page.waitForURL('**/koleksi/kemiskinan-dan-pembangunan-manusia'),
          page.locator('.collections a', { hasText: 'Kemiskinan dan Pembangunan Manusia' }).click(),
        ]);
        await Promise.all([
          page.waitForURL('**/dataset/indeks-pembangunan-manusia-2019-2024'),
          page.locator('.compact-list a', { hasText: 'Indeks Pembangunan Manusia' }).click(),
        ]);
        expect(await page.locator('#related-title').count()).toBe(1);
        expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toBe(
          `${baseUrl}/dataset/indeks-pembangunan-manusia-2019-2024/preview.png`,
        );

        await page.goto(`${baseUrl}/login`);
        await page.fill('#username', 'walidata');
        await page.fill('#password', DEMO_PASSWORD);
        await Promise.all([
          page.waitForURL('**/workspace'),
          page.click('form[action="/login"] button[type=submit]'),
        ]);
        const adminPages = [
          '/admin/portal',
          '/admin/portal/koleksi-baru',
          '/admin/portal/koleksi/kesehatan-ibu-dan-anak',
          '/admin/portal/indikator?name=ipm',
          '/admin/portal/halaman/tentang',
          '/admin/portal/pesan',
        ];
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: 900 });
          for (const lang of ['id', 'en'] as const)
            for (const path of adminPages) {
              await page.goto(`${baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
              expect(await page.locator('html').getAttribute('lang')).toBe(lang);
              await expectNoSeriousA11yViolations(page);
            }
        }
        // The custodian edits the about page; the public page shows the new text.
        await page.goto(`${baseUrl}/admin/portal/halaman/tentang?lang=id`);
        await page.fill('#body_id', '## Walidata Magetan\n\nKami melayani **data terbuka**.');
        await Promise.all([
          page.waitForURL('**/admin/portal/halaman/tentang?done=saved'),
          page.click('main form button[type=submit]'),
        ]);
        await page.goto(`${baseUrl}/tentang?lang=id`);
        expect(await page.locator('.prose h2').textContent()).toBe('Walidata Magetan');
        expect(await page.locator('.prose strong').textContent()).toBe('data terbuka');
        await saveScreenshot(page, 'citizen-about');
      }),
    TIMEOUT,
  );

  /** The first resource page of the IPM dataset, found the way a reader finds it. */
  async function withResourcePath(): Promise<string> {
    const html = await (await fetch(`${server.baseUrl}/dataset/indeks-pembangunan-manusia-2019-2024`)).text();
    const m = html.match(/href="(\/dataset\/indeks-pembangunan-manusia-2019-2024\/resource\/[0-9a-f-]{36})"/);
    if (!m?.[1]) throw new Error('no resource link on the dataset page');
    return m[1];
  }
});
