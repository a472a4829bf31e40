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

const TIMEOUT = 240_000;
const STAFF_PASSWORD = 'staf-rahasia-2027';
const TITLE = 'Infografis Stunting 2027';

/**
 * Issue #12 in a real browser: a Banyuwangi-style dissemination run (the demo region's default
 * infographic SOP) where the head of division rejects once, then a different staff member's work
 * is approved; the run's history page shows every step with its times.
 */
describeInBrowser('an infographic dissemination run with a rejection, and its history page', () => {
  let server: TestServer;
  let browser: Browser;
  const pages: Record<string, Page> = {};

  /** Complete the open task of `step` on /tugas, optionally choosing a person, with one outcome. */
  const complete = (who: string, step: string, outcome: string, opts: { assignee?: string } = {}) =>
    completeTask(pages[who] as Page, server.baseUrl, step, outcome, {
      ...opts,
      subject: TITLE,
      note: `${step}: ${outcome} (${who})`,
    });

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const admin = await signIn(browser, server.baseUrl, 'admin', DEMO_PASSWORD);
    await addCustodianStaff(
      admin,
      server.baseUrl,
      ['staf.satu', 'staf.dua'].map((name) => ({
        username: name,
        fullName: `Staf Statistik ${name}`,
        password: STAFF_PASSWORD,
      })),
    );
    // Positions: the demo's sub-coordinator and head of division (as the demo loader gives them), and the staff.
    await admin.goto(`${server.baseUrl}/admin/positions`);
    await expectNoSeriousA11yViolations(admin);
    await assignPositions(admin, server.baseUrl, [
      ...DEMO_CHAIN,
      ['staf.satu', 'custodian', 'staff'],
      ['staf.dua', 'custodian', 'staff'],
    ]);
    Object.assign(pages, await signInChain(browser, server.baseUrl));
    pages['staf.satu'] = await signIn(browser, server.baseUrl, 'staf.satu', STAFF_PASSWORD);
    pages['staf.dua'] = await signIn(browser, server.baseUrl, 'staf.dua', STAFF_PASSWORD);
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, TIMEOUT);

  it(
    'the head of division rejects once; the second staff member’s infographic is approved; history shows each step',
    async () => {
      const sub = pages.sub as Page;
      await sub.goto(`${server.baseUrl}/tugas`);
      await sub.selectOption('#process_kind', 'infographic_dissemination');
      await sub.fill('#process_title', TITLE);
      await Promise.all([sub.waitForURL(/\/tugas$/), sub.click('form[action="/tugas/start"] button')]);

      await complete('sub', 'draft_concept', 'done', { assignee: 'staf.satu' });
      // Only the staff member disposed to sees the task.
      await pages['staf.dua']?.goto(`${server.baseUrl}/tugas`);
      expect(await pages['staf.dua']?.locator('tr[data-step="make_infographic"]').count()).toBe(0);
      await complete('staf.satu', 'make_infographic', 'done');
      await complete('staf.satu', 'submit_for_correction', 'done');
      await complete('sub', 'subcoordinator_check', 'approve');
      await complete('pimpinan', 'division_head_approval', 'reject');

      await complete('sub', 'draft_concept', 'done', { assignee: 'staf.dua' });
      await complete('staf.dua', 'make_infographic', 'done');
      await complete('staf.dua', 'submit_for_correction', 'done');
      await complete('sub', 'subcoordinator_check', 'approve');
      await complete('pimpinan', 'division_head_approval', 'approve');
      await complete('staf.dua', 'upload_portal', 'done');

      await sub.goto(`${server.baseUrl}/tugas/runs`);
      await Promise.all([
        sub.waitForURL(/\/tugas\/runs\/[0-9a-f-]{36}$/),
        sub.click(`#runs a:text-is("${TITLE}")`),
      ]);
      const rows = sub.locator('#run-history tbody tr');
      expect(await rows.count()).toBe(11);
      expect(await sub.locator('#run-history tbody tr[data-outcome="reject"]').count()).toBe(1);
      for (let i = 0; i < 11; i++) expect(await rows.nth(i).locator('time').count()).toBe(2);
      const actors = await sub
        .locator('#run-history tbody tr[data-step="make_infographic"] td:nth-child(3)')
        .allTextContents();
      expect(actors.map((a) => a.trim())).toEqual(['staf.satu', 'staf.dua']);
      expect(await sub.locator('#paraf li').count()).toBe(4);
      await expectNoSeriousA11yViolations(sub);
      await saveScreenshot(sub, 'run-history');
    },
    TIMEOUT,
  );
});
