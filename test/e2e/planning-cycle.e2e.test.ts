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

const TIMEOUT = 300_000;
const YEAR = 2040;
const NAME = 'ibu-hamil-kek-e2e';
const TITLE = 'Ibu Hamil KEK per Kecamatan';

describeInBrowser('planning: a full data-list cycle in a real browser (PGlite, demo region)', () => {
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

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    return context.newPage();
  }

  async function signIn(username: string): Promise<Page> {
    const page = await newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.fill('#username', username);
    await page.fill('#password', DEMO_PASSWORD);
    await Promise.all([
      page.waitForURL('**/workspace'),
      page.click('form[action="/login"] button[type=submit]'),
    ]);
    return page;
  }

  /** Submit a form by its submit button and wait for the redirect (or the refused page). */
  async function post(page: Page, form: string, button = 'button[type=submit]') {
    await Promise.all([
      page.waitForLoadState('load'),
      page.waitForNavigation(),
      page.click(`${form} ${button}`),
    ]);
  }

  it(
    'public proposal, a producer refusing a row, the forum deciding, records generated, list enacted, producers seeing what they owe, one item fulfilled by a verified dataset',
    async () => {
      const base = server.baseUrl;
      const yearUrl = `${base}/workspace/daftar-data/${YEAR}`;

      // ── the public proposes a data set, without an account
      const visitor = await newPage();
      await visitor.goto(`${base}/daftar-data`);
      await expectNoSeriousA11yViolations(visitor);
      await visitor.fill('#f-year', String(YEAR));
      await visitor.fill('#f-data', 'Jumlah ibu hamil KEK');
      await visitor.fill('#f-desc', 'Per kecamatan, untuk program gizi');
      await visitor.fill('#f-name', 'Warga Magetan');
      await post(visitor, 'form[action="/daftar-data/usulan"]');
      expect(await visitor.locator('[role=status].notice').textContent()).toContain('Terima kasih');

      // ── the custodian accepts it into the list and adds a row for another agency
      const custodian = await signIn('walidata');
      await custodian.goto(yearUrl);
      const proposal = custodian.locator('tr[data-proposal="Jumlah ibu hamil KEK"]');
      await proposal.locator('input[name=id_ddd]').fill('E.01');
      await proposal.locator('select[name=agency_id]').selectOption({ label: 'Dinas Kesehatan' });
      await Promise.all([custodian.waitForNavigation(), proposal.locator('button[value=accept]').click()]);
      await custodian.fill('#f-id_ddd', 'E.02');
      await custodian.fill('#f-data_name', 'Angka Putus Sekolah');
      await custodian.selectOption('#f-agency_id', { label: 'Dinas Pendidikan' });
      await post(custodian, 'form[action$="/items"]');
      // A refused row keeps what was typed: a duplicate ID DDD.
      await custodian.fill('#f-id_ddd', 'E.02');
      await custodian.fill('#f-data_name', 'Duplikat');
      await post(custodian, 'form[action$="/items"]');
      expect(await custodian.locator('.errors').textContent()).toContain('E.02');
      expect(await custodian.inputValue('#f-data_name')).toBe('Duplikat');
      expect(await custodian.locator('#items tr[data-item]').count()).toBe(2);
      await expectNoSeriousA11yViolations(custodian);

      // ── the education producer refuses its row with a reason
      const disdik = await signIn('produsen.disdik');
      await disdik.goto(yearUrl);
      const row = disdik.locator('tr[data-item="E.02"]');
      await row.locator('select[name=response]').selectOption('refuse');
      await row.locator('input[name=reason]').fill('Data dihasilkan Kemendikbud (Dapodik)');
      await Promise.all([disdik.waitForNavigation(), row.locator('button').click()]);
      expect(await disdik.locator('tr[data-item="E.02"]').textContent()).toContain('Dapodik');

      // ── the forum meets and decides each row, then its minutes are recorded
      await custodian.goto(yearUrl);
      await custodian.fill('#f-title', `Forum Satu Data ${YEAR}`);
      await custodian.fill('#f-held_on', `${YEAR - 1}-11-20`);
      await custodian.fill('#f-place', 'Ruang Rapat Bappeda');
      await post(custodian, 'form[action$="/forum"]');
      await Promise.all([custodian.waitForNavigation(), custodian.click('#meetings a')]);
      await expectNoSeriousA11yViolations(custodian);
      const decide = async (id: string, decision: string, note: string) => {
        const r = custodian.locator(`#decisions tr[data-item="${id}"]`);
        await r.locator('select[name=decision]').selectOption(decision);
        await r.locator('input[name=note]').fill(note);
        await Promise.all([custodian.waitForNavigation(), r.locator('button').click()]);
      };
      await decide('E.01', 'agreed', '');
      await decide('E.02', 'refused', 'Mengikuti penolakan produsen');
      expect(await custodian.locator('#decisions tr[data-item="E.02"]').textContent()).toContain('Ditolak');
      await custodian.fill(
        '#f-minutes',
        'Forum menyepakati data ibu hamil KEK dan menolak angka putus sekolah.',
      );
      await custodian.fill('#f-attendance', 'BPS\nBappeda\nDinas Kesehatan\nDinas Pendidikan');
      await post(custodian, 'form[action$="/minutes"]');
      expect(await custodian.locator('#minutes').textContent()).toContain('menyepakati');

      // ── the records are generated and open as documents
      await custodian.goto(yearUrl);
      await custodian.selectOption('#f-record-kind', 'berita_acara');
      await custodian.fill(
        '#f-signatories',
        'Kepala BPS Magetan|Pembina Data\nKepala Bappelitbangda|Sekretariat',
      );
      await post(custodian, 'form[action$="/records"]');
      await custodian.selectOption('#f-record-kind', 'sk_draft');
      await post(custodian, 'form[action$="/records"]');
      const pdf = await custodian.request.get(`${yearUrl}/dokumen/berita-acara.pdf`);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
      const docx = await custodian.request.get(`${yearUrl}/dokumen/sk.docx`);
      expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');

      // ── the list is enacted with the signed decree's scan
      await custodian.fill('#f-decree_number', `188/${YEAR}/SK`);
      await custodian.setInputFiles('#f-upload', {
        name: 'sk-daftar-data.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n% scan\n'),
      });
      await post(custodian, 'form[action$="/enact"]');
      expect(await custodian.locator('main').textContent()).toContain(`188/${YEAR}/SK`);
      await saveScreenshot(custodian, 'planning-enacted');

      // ── the health producer sees what it owes; the education producer owes nothing
      const dinkes = await signIn('produsen.dinkes');
      await dinkes.goto(yearUrl);
      expect(await dinkes.locator('#owed').textContent()).toContain('Jumlah ibu hamil KEK');
      await disdik.goto(yearUrl);
      expect(await disdik.locator('#owed').count()).toBe(0);

      // ── the health producer uploads a dataset, names it on its item, the custodian verifies it
      await dinkes.goto(`${base}/workspace/datasets/new`);
      await dinkes.fill('#title', TITLE);
      await dinkes.fill('#name', NAME);
      await dinkes.fill('#notes', 'Ibu hamil kurang energi kronis per kecamatan. Sumber: Dinas Kesehatan.');
      await Promise.all([
        dinkes.waitForURL('**/edit?done=saved'),
        dinkes.click('form.form-grid button[type=submit]'),
      ]);
      await dinkes.setInputFiles('#res-file', {
        name: 'kek.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('kecamatan;jumlah\nPoncol;12\nParang;9\n', 'utf8'),
      });
      await Promise.all([
        dinkes.waitForURL('**/edit?done=resource**'),
        dinkes.click('form[enctype="multipart/form-data"] button'),
      ]);
      await dinkes.goto(`${base}/workspace/datasets/${NAME}/submit`);
      await dinkes.fill('#submit-note', `Daftar Data ${YEAR} E.01`);
      await Promise.all([
        dinkes.waitForURL('**/workspace/submissions/**'),
        dinkes.click('form[action$="/submit"] button'),
      ]);
      await dinkes.goto(yearUrl);
      const item = dinkes.locator('tr[data-item="E.01"]');
      await item.locator('input[name=dataset]').fill(NAME);
      await Promise.all([dinkes.waitForNavigation(), item.locator('form[action$="/link"] button').click()]);
      expect(await dinkes.locator('tr[data-item="E.01"]').textContent()).toContain('Dikirim');

      await custodian.goto(`${base}/tugas`);
      await Promise.all([
        custodian.waitForURL('**/workspace/submissions/**'),
        custodian
          .locator('#tasks tr[data-feature="dataset_verify"]', { hasText: TITLE })
          .locator('a.button')
          .click(),
      ]);
      // An approval needs every SDI checklist item marked met (issue #17 item 4).
      for (const radio of await custodian.locator('#verify-form input[type=radio][value="yes"]').all())
        await radio.check();
      await Promise.all([
        custodian.waitForURL('**?done=verified'),
        custodian.click('#verify-form button[value="approve"]'),
      ]);
      await dinkes.goto(yearUrl);
      expect(await dinkes.locator('tr[data-item="E.01"]').textContent()).toContain('Terverifikasi');

      // ── the public sees the enacted list (open rows only), its XLSX and decree
      await visitor.goto(`${base}/daftar-data/${YEAR}`);
      const publicRows = await visitor.locator('#public-items tbody tr').allTextContents();
      expect(publicRows).toHaveLength(1);
      expect(publicRows[0]).toContain('Jumlah ibu hamil KEK');
      await expectNoSeriousA11yViolations(visitor);
      const xlsx = await visitor.request.get(`${base}/daftar-data/${YEAR}.xlsx`);
      expect(xlsx.status()).toBe(200);
      expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
      const sk = await visitor.request.get(`${base}/daftar-data/${YEAR}/sk`);
      expect((await sk.body()).toString()).toContain('%PDF-1.4');
    },
    TIMEOUT,
  );
});
