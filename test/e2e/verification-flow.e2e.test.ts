import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser, expectNoSeriousA11yViolations, saveScreenshot } from './support/browser.js';
import { BROWSER_TIMEOUT, useDemoBrowser } from './support/evaluation-browser.js';

const NAME = 'jumlah-puskesmas-e2e';
const TITLE = 'Jumlah Puskesmas per Kecamatan';

describeInBrowser('dataset verification flow in a real browser (PGlite, demo region)', () => {
  const demo = useDemoBrowser();
  const signIn = (username: string) => demo.signIn(username);

  /** Open "Tugas saya" and return the step ids of the rows about our dataset. */
  async function inboxSteps(page: Page): Promise<string[]> {
    await page.goto(`${demo.server.baseUrl}/tugas`);
    const rows = page.locator('#tasks tr[data-feature]', { hasText: TITLE });
    const n = await rows.count();
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push((await rows.nth(i).getAttribute('data-feature')) ?? '');
    return out;
  }

  /** Click the task's button in the inbox and wait for the page it leads to. */
  async function openTask(page: Page, step: string, urlPattern: string) {
    await inboxSteps(page);
    await Promise.all([
      page.waitForURL(urlPattern),
      page.locator(`#tasks tr[data-feature="${step}"]`, { hasText: TITLE }).locator('a.button').click(),
    ]);
  }

  async function submit(page: Page, note: string) {
    await page.fill('#submit-note', note);
    await Promise.all([
      page.waitForURL('**/workspace/submissions/**'),
      page.click('form[action$="/submit"] button'),
    ]);
  }

  it(
    'producer uploads and submits, custodian returns, producer resubmits, custodian approves, supervisor recommends, custodian publishes',
    async () => {
      const base = demo.server.baseUrl;
      const producer = await signIn('produsen.dinkes');
      const custodian = await signIn('walidata');
      const supervisor = await signIn('bps');

      // ── producer: a new dataset with an uploaded CSV, then "Kirim untuk diperiksa"
      await producer.goto(`${base}/workspace/datasets/new`);
      await producer.fill('#title', TITLE);
      await producer.fill('#name', NAME);
      await producer.fill('#notes', 'Jumlah puskesmas.');
      await Promise.all([
        producer.waitForURL('**/edit?done=saved'),
        producer.click('form.form-grid button[type=submit]'),
      ]);
      await producer.setInputFiles('#res-file', {
        name: 'puskesmas.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('kecamatan;jumlah\nPoncol;2\nParang;3\n', 'utf8'),
      });
      await Promise.all([
        producer.waitForURL('**/edit?done=resource**'),
        producer.click('form[enctype="multipart/form-data"] button'),
      ]);
      expect(await inboxSteps(producer)).toEqual([]);
      await producer.goto(`${base}/workspace/datasets/${NAME}/submit`);
      await submit(producer, 'Data tahun 2025');
      expect(await producer.locator('h1').textContent()).toContain('#1');
      expect(await inboxSteps(supervisor)).toEqual([]);

      // ── custodian: the task is in the inbox; returns it with a note per item and a general note
      expect(await inboxSteps(custodian)).toEqual(['dataset_verify']);
      await expectNoSeriousA11yViolations(custodian);
      await saveScreenshot(custodian, 'verification-inbox');
      await openTask(custodian, 'dataset_verify', '**/workspace/submissions/**');
      await expectNoSeriousA11yViolations(custodian);
      await saveScreenshot(custodian, 'verification-page');
      await Promise.all([custodian.waitForURL('**?done=priority'), custodian.click('#priority-form button')]);
      await custodian.check('input[name="met_metadata_complete"][value="no"]');
      await custodian.fill('#note_metadata_complete', 'Deskripsi belum menyebut sumber data');
      await custodian.fill('#verify-note', 'Mohon lengkapi deskripsi');
      await Promise.all([
        custodian.waitForURL('**?done=verified'),
        custodian.click('#verify-form button[value="return"]'),
      ]);
      expect(await inboxSteps(custodian)).toEqual([]);

      // ── producer: sees the returned task with the notes, fixes the description, resubmits
      expect(await inboxSteps(producer)).toEqual(['dataset_submit']);
      await expectNoSeriousA11yViolations(producer);
      await producer.goto(`${base}/workspace/datasets/${NAME}/edit`);
      await producer.fill('#notes', 'Jumlah puskesmas per kecamatan. Sumber: Dinas Kesehatan.');
      await Promise.all([
        producer.waitForURL('**/edit?done=saved'),
        producer.click('form.form-grid button[type=submit]'),
      ]);
      await openTask(producer, 'dataset_submit', '**/submit');
      await submit(producer, 'Deskripsi dilengkapi');
      const second = await producer.locator('main').textContent();
      expect(second).toContain('#2');
      expect(second).toContain('Mohon lengkapi deskripsi');
      expect(second).toContain('Deskripsi belum menyebut sumber data');
      expect(await inboxSteps(producer)).toEqual([]);

      // ── custodian approves the second submission, which shows what changed
      await openTask(custodian, 'dataset_verify', '**/workspace/submissions/**');
      expect(await custodian.locator('#diff').textContent()).toContain('Sumber: Dinas Kesehatan');
      // an approval records each checklist item as met (issue #17 item 4)
      for (const radio of await custodian.locator('#verify-form input[type=radio][value="yes"]').all())
        await radio.check();
      await Promise.all([
        custodian.waitForURL('**?done=verified'),
        custodian.click('#verify-form button[value="approve"]'),
      ]);
      expect(await inboxSteps(custodian)).toEqual([]);

      // ── supervisor (priority data): records the statistical recommendation
      expect(await inboxSteps(supervisor)).toEqual(['dataset_review']);
      await openTask(supervisor, 'dataset_review', '**/workspace/submissions/**');
      await supervisor.fill('#rec-number', 'B-042/35200/2026');
      await supervisor.fill('#rec-date', '2026-04-01');
      await Promise.all([
        supervisor.waitForURL('**?done=reviewed'),
        supervisor.click('#review-form button[value="approve"]'),
      ]);
      expect(await inboxSteps(supervisor)).toEqual([]);

      // ── custodian publishes; the dataset is on the public portal
      expect(await inboxSteps(custodian)).toEqual(['dataset_publish']);
      await openTask(custodian, 'dataset_publish', '**/workspace/submissions/**');
      await Promise.all([custodian.waitForURL('**?done=published'), custodian.click('#publish-form button')]);
      expect(await inboxSteps(custodian)).toEqual([]);
      expect(await inboxSteps(producer)).toEqual([]);

      const history = await custodian.goto(`${base}/dataset/${NAME}`);
      expect(history?.status()).toBe(200);
      expect(await custodian.locator('main').textContent()).toContain('B-042/35200/2026');

      const visitor = await demo.visitor();
      const res = await visitor.goto(`${base}/dataset/${NAME}`);
      expect(res?.status()).toBe(200);
      expect(await visitor.locator('h1').textContent()).toBe(TITLE);
      expect(await visitor.locator('main').textContent()).not.toContain('B-042/35200/2026');
    },
    BROWSER_TIMEOUT,
  );
});
