import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../../src/modules/demo/demo-accounts.js';

/**
 * The set-up the dissemination browser tests share (issue #12's run history and issue #15's
 * infographic): sign people in, add staff accounts, give the SOP positions, and complete a
 * step's open task on "Tugas saya".
 */

/** A new browser context signed in as `username`. */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  username: string,
  password: string,
): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${baseUrl}/login`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/login')),
    page.click('form[action="/login"] button[type=submit]'),
  ]);
  return page;
}

/** The demo administrator adds custodian (Walidata) staff accounts. */
export async function addCustodianStaff(
  admin: Page,
  baseUrl: string,
  users: { username: string; fullName: string; password: string }[],
): Promise<void> {
  for (const u of users) {
    await admin.goto(`${baseUrl}/admin/users/new`);
    await admin.fill('#username', u.username);
    await admin.fill('#fullName', u.fullName);
    await admin.fill('#password', u.password);
    await admin.check('#role-custodian');
    await Promise.all([
      admin.waitForURL((url) => !url.pathname.endsWith('/new')),
      admin.click('form[action="/admin/users/new"] button[type=submit]'),
    ]);
  }
}

export type Position = 'staff' | 'sub_coordinator' | 'division_head';

/** The administrator gives each (user, role) its position in the SOP on /admin/positions. */
export async function assignPositions(
  admin: Page,
  baseUrl: string,
  rows: readonly (readonly [user: string, role: string, position: Position])[],
): Promise<void> {
  await admin.goto(`${baseUrl}/admin/positions`);
  for (const [user, role, position] of rows) {
    const row = admin.locator(`tr[data-user="${user}"][data-role="${role}"]`);
    await row.locator('select[name="position"]').selectOption(position);
    await Promise.all([admin.waitForURL(/done=1$/), row.locator('button[type=submit]').click()]);
  }
}

/**
 * The demo's dissemination chain, as the demo loader sets it: the Subkoordinator Statistik
 * initials (sub-coordinator), the leader approves (head of division); Walidata is staff.
 */
export const DEMO_CHAIN = [
  ['subkoor.statistik', 'custodian', 'sub_coordinator'],
  ['pimpinan', 'leader', 'division_head'],
] as const;

/** Sign in the demo sub-coordinator (`sub`) and leader (the chain's checkers) with the demo password. */
export async function signInChain(
  browser: Browser,
  baseUrl: string,
): Promise<Record<'sub' | 'pimpinan', Page>> {
  return {
    sub: await signIn(browser, baseUrl, 'subkoor.statistik', DEMO_PASSWORD),
    pimpinan: await signIn(browser, baseUrl, 'pimpinan', DEMO_PASSWORD),
  };
}

/**
 * Complete the open task of `step` for `subject` (the run's or publication's title) on /tugas with
 * one outcome, optionally choosing who does the next step. The row is picked by its subject: the
 * demo region's own publications wait in the same inboxes (one is in review at the head of division).
 */
export async function completeTask(
  page: Page,
  baseUrl: string,
  step: string,
  outcome: string,
  opts: { subject: string; assignee?: string; note?: string },
): Promise<void> {
  await page.goto(`${baseUrl}/tugas`);
  const row = page.locator(`tr[data-step="${step}"]`).filter({ hasText: opts.subject });
  if (opts.assignee) await row.locator('select[name="assignee_id"]').selectOption({ label: opts.assignee });
  await row.locator('textarea[name="note"]').fill(opts.note ?? `${step}: ${outcome}`);
  await Promise.all([
    page.waitForURL(/\/tugas\?done=1$/),
    row.locator(`button[name="outcome"][value="${outcome}"]`).click(),
  ]);
}
