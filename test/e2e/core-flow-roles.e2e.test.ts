/**
 * Issue #17: the collect → verify → publish flow as each person lives it, from their home page
 * by links only (the login form is the one address typed). Each step asserts what the person
 * sees; every page seen is scanned for raw keys, permission names and UUIDs and checked with axe,
 * then seen again in the other language and at a phone's width.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo-accounts.js';
import { describeInBrowser, launchBrowser, startTestServer, type TestServer } from './support/browser.js';
import { PageLog } from './support/page-scan.js';

const TIMEOUT = 240_000;
const TITLE = 'Jumlah Penduduk per Kecamatan 2025';
const NAME = 'jumlah-penduduk-kecamatan-2025';

/** 40 districts; row 18 of the file says `tidak ada data` where a number belongs. */
function populationCsv(fixed: boolean): Buffer {
  const lines = ['kecamatan,jumlah_penduduk'];
  for (let i = 1; i <= 40; i++)
    lines.push(`Kecamatan ${i},${i === 17 && !fixed ? 'tidak ada data' : 1000 + i}`);
  return Buffer.from(`${lines.join('\n')}\n`);
}

describeInBrowser('the dataset flow per role, by links only (PGlite, demo region)', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pages: Record<string, { page: Page; log: PageLog }> = {};

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  }, TIMEOUT);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  }, TIMEOUT);

  /** The person's browser, signed in from the portal's login link, on their home page. */
  async function home(username: string): Promise<{ page: Page; log: PageLog }> {
    const known = pages[username];
    if (known) {
      await clickTo(known.page, 'nav a[href="/workspace"]', '**/workspace');
      return known;
    }
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/`);
    await clickTo(page, 'nav a[href="/login"]', '**/login');
    await page.fill('#username', username);
    await page.fill('#password', DEMO_PASSWORD);
    await clickTo(page, 'form[action="/login"] button[type=submit]', '**/workspace');
    const entry = { page, log: new PageLog() };
    pages[username] = entry;
    return entry;
  }

  /** The page reloaded (the upload's state is read on the server), then `read` of it. */
  function reloaded<T>(page: Page, read: () => Promise<T>): () => Promise<T> {
    return async () => {
      await page.reload();
      return read();
    };
  }

  async function clickTo(page: Page, selector: string, url: string) {
    await Promise.all([page.waitForURL(url), page.locator(selector).first().click()]);
  }

  /** From home: "Tugas saya", then the task's button on the row about our dataset. */
  async function openTask(who: { page: Page; log: PageLog }, step: string, url: string) {
    const { page, log } = who;
    await clickTo(page, 'main a[href="/tugas"]', '**/tugas');
    await log.seen(page);
    const row = page.locator(`#tasks tr[data-feature="${step}"]`, { hasText: TITLE });
    expect(await row.count()).toBe(1);
    await clickTo(page, `#tasks tr[data-feature="${step}"]:has-text("${TITLE}") a.button`, url);
  }

  it(
    'producer: a new dataset, an upload whose schema is proposed and confirmed, a refused row fixed, then submitted',
    async () => {
      const producer = await home('produsen.dinkes');
      const { page, log } = producer;
      expect(await page.locator('#work-overview').textContent()).toContain('Dinkes');
      await log.seen(page);
      await clickTo(page, 'main a[href="/workspace/datasets"]', '**/workspace/datasets');
      await log.seen(page);
      await clickTo(page, 'main a[href="/workspace/datasets/new"]', '**/workspace/datasets/new');
      await log.seen(page);
      await page.fill('#title', TITLE);
      await page.fill('#name', NAME);
      await page.fill('#notes', 'Jumlah penduduk.');
      await clickTo(page, 'form.form-grid button[type=submit]', '**/edit?done=saved');
      await page.setInputFiles('#res-file', {
        name: 'penduduk.csv',
        mimeType: 'text/csv',
        buffer: populationCsv(false),
      });
      await clickTo(page, 'form[enctype="multipart/form-data"] button', '**/edit?done=resource**');
      // The first upload is read, not loaded: its schema is proposed, the odd row named.
      const proposal = page.locator('form.schema-proposal');
      await expect.poll(() => proposal.count(), { timeout: 30_000 }).toBe(1);
      const note = await proposal.locator('tr[data-field="jumlah_penduduk"]').textContent();
      expect(note).toContain('baris 18: “tidak ada data”');
      expect(await proposal.locator('tr[data-field="jumlah_penduduk"] select').inputValue()).toBe('integer');
      await log.seen(page);
      await clickTo(page, 'form.schema-proposal button[type=submit]', '**/edit?done=schema**');
      // Confirmed as a number: the row that is not one is refused, named by row and column.
      await expect
        .poll(
          reloaded(page, () => page.locator('.ingest [role=alert]').count()),
          {
            timeout: 30_000,
          },
        )
        .toBe(1);
      const refused = await page.locator('.ingest [role=alert]').textContent();
      expect(refused).toContain('tidak ada data');
      expect(refused).toContain('18');
      await log.seen(page);
      // The fixed file loads against the schema now declared.
      await page.setInputFiles('.ingest input[type=file]', {
        name: 'penduduk-perbaikan.csv',
        mimeType: 'text/csv',
        buffer: populationCsv(true),
      });
      await clickTo(page, '.ingest form[enctype="multipart/form-data"] button', '**/edit?done=resource**');
      await expect
        .poll(
          reloaded(page, () => page.locator('.ingest').textContent()),
          { timeout: 30_000 },
        )
        .toContain('Valid: 40 baris dimuat.');
      await log.seen(page);
      // The column editor is a link away, with the template of the schema now declared.
      await clickTo(page, 'main a[href$="/schema"]', '**/schema');
      expect(await page.locator('main a[href$="/schema/template.csv"]').count()).toBe(1);
      await log.seen(page);
      await clickTo(page, `main a[href="/workspace/datasets/${NAME}/edit#resources"]`, '**/edit#resources');
      await clickTo(page, `main a[href="/workspace/datasets/${NAME}/submit"]`, '**/submit');
      await log.seen(page);
      await page.fill('#submit-note', 'Data tahun 2025');
      await clickTo(page, 'form[action$="/submit"] button', '**/workspace/submissions/**');
      expect(await page.locator('h1').textContent()).toContain('#1');
      await log.seen(page);
    },
    TIMEOUT,
  );

  it(
    'custodian: from the inbox to a verification screen with labels and the table preview; marks priority; returns with a note on the description',
    async () => {
      const custodian = await home('walidata');
      const { page, log } = custodian;
      await log.seen(page);
      await openTask(custodian, 'dataset_verify', '**/workspace/submissions/**');
      const main = page.locator('main');
      expect(await page.locator('#metadata-table tr[data-field="notes"] th').textContent()).toBe('Deskripsi');
      expect(await page.locator('#metadata-table tr[data-field="license_id"] th').textContent()).toBe(
        'Lisensi',
      );
      expect(await page.locator('#tabel-title').textContent()).toBeTruthy();
      expect(await main.textContent()).toContain('Kecamatan 17');
      await log.seen(page);
      await clickTo(page, '#priority-form button', '**?done=priority');
      expect(await main.textContent()).toContain('Data prioritas');
      await page.fill('#field_notes', 'Sebutkan sumber data dan tahun');
      await page.fill('#verify-note', 'Mohon lengkapi deskripsi');
      await clickTo(page, '#verify-form button[value="return"]', '**?done=verified');
      await log.seen(page);
    },
    TIMEOUT,
  );

  it(
    'producer: the returned work shows each note beside its field; fixes it and submits again',
    async () => {
      const producer = await home('produsen.dinkes');
      const { page, log } = producer;
      expect(await page.locator('#work-overview').textContent()).toContain('dikembalikan');
      await log.seen(page);
      await openTask(producer, 'dataset_submit', '**/submit');
      const row = page.locator('#metadata-table tr[data-field="notes"]');
      expect(await row.locator('th').textContent()).toBe('Deskripsi');
      expect(await row.locator('.field-note').textContent()).toBe('Sebutkan sumber data dan tahun');
      expect(await page.locator('.returned-notes').textContent()).toContain('Mohon lengkapi deskripsi');
      await log.seen(page);
      await clickTo(page, `#returned a[href="/workspace/datasets/${NAME}/edit"]`, '**/edit');
      await page.fill('#notes', 'Jumlah penduduk per kecamatan. Sumber: Disdukcapil, 2025.');
      await clickTo(page, 'form.form-grid button[type=submit]', '**/edit?done=saved');
      await clickTo(page, `main a[href="/workspace/datasets/${NAME}/submit"]`, '**/submit');
      await page.fill('#submit-note', 'Deskripsi dilengkapi');
      await clickTo(page, 'form[action$="/submit"] button', '**/workspace/submissions/**');
      expect(await page.locator('h1').textContent()).toContain('#2');
      await log.seen(page);
    },
    TIMEOUT,
  );

  it(
    'custodian: approves the second submission with every criterion checked; priority data goes to BPS',
    async () => {
      const custodian = await home('walidata');
      const { page, log } = custodian;
      await openTask(custodian, 'dataset_verify', '**/workspace/submissions/**');
      expect(await page.locator('#diff').textContent()).toContain('Sumber: Disdukcapil');
      // whether BPS reviews is shown before approval (issue #17 item 4)
      expect(await page.locator('#review-plan').textContent()).toContain('diperiksa Pembina Data (BPS)');
      for (const radio of await page.locator('#verify-form input[type=radio][value="yes"]').all())
        await radio.check();
      await clickTo(page, '#verify-form button[value="approve"]', '**?done=verified');
      expect(await page.locator('main').textContent()).toContain('Menunggu: Pembina Data');
      await log.seen(page);
    },
    TIMEOUT,
  );

  it(
    'BPS: the review step is reached for priority data; sees the table, records the recommendation',
    async () => {
      const bps = await home('bps');
      const { page, log } = bps;
      await log.seen(page);
      await openTask(bps, 'dataset_review', '**/workspace/submissions/**');
      expect(await page.locator('main').textContent()).toContain('Data prioritas');
      expect(await page.locator('main').textContent()).toContain('Kecamatan 17');
      await log.seen(page);
      await page.fill('#rec-number', 'B-042/35200/2026');
      await page.fill('#rec-date', '2026-04-01');
      await clickTo(page, '#review-form button[value="approve"]', '**?done=reviewed');
      await log.seen(page);
    },
    TIMEOUT,
  );

  it(
    'custodian: publishes',
    async () => {
      const custodian = await home('walidata');
      const { page, log } = custodian;
      await openTask(custodian, 'dataset_publish', '**/workspace/submissions/**');
      await clickTo(page, '#publish-form button', '**?done=published');
      await log.seen(page);
    },
    TIMEOUT,
  );

  for (const [username, role] of [
    ['pimpinan', 'leader'],
    ['sekretariat', 'secretariat'],
  ] as const)
    it(
      `${role}: the home page's overview per agency leads to each dataset's status`,
      async () => {
        const who = await home(username);
        const { page, log } = who;
        const dinkes = page.locator('#work-overview tr[data-agency="Dinkes"]');
        expect(await dinkes.locator('td[data-count="published"]').textContent()).toBe('1');
        await log.seen(page);
        await clickTo(
          page,
          '#work-overview tr[data-agency="Dinkes"] td[data-count="published"] a',
          '**/workspace/submissions',
        );
        const row = page.locator(`#own-datasets tr[data-dataset="${NAME}"]`);
        expect(await row.textContent()).toContain('Dipublikasikan');
        await log.seen(page);
        await clickTo(page, `#own-datasets tr[data-dataset="${NAME}"] a`, '**/workspace/submissions/**');
        expect(await page.locator('main').textContent()).toContain('B-042/35200/2026');
        await log.seen(page);
      },
      TIMEOUT,
    );

  it(
    'every page each person saw holds no raw key, permission name or UUID, and passes axe, in English and at phone size too',
    async () => {
      for (const { page, log } of Object.values(pages)) {
        await log.recheck(page, 'en');
        await log.recheck(page, 'id');
      }
    },
    TIMEOUT * 2,
  );
});
