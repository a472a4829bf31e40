import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/modules/demo/demo-accounts.js';
import { launchBrowser, startTestServer, type TestServer } from './browser.js';

/** How long starting the server and Chromium (and stopping them) may take. */
export const BROWSER_TIMEOUT = 180_000;

export interface DemoBrowser {
  /** The running server (available once the suite's beforeAll has run). */
  readonly server: TestServer;
  /** A signed-in browser profile for one demo account, kept for the whole suite. */
  signIn(username: string): Promise<Page>;
  /** A fresh signed-out browser profile (a member of the public). */
  visitor(): Promise<Page>;
}

/**
 * The set-up the multi-actor browser flows share (verification, EPSS self-assessment): a real
 * server on the demo region, one Chromium, a browser profile per signed-in demo account, all
 * closed after the suite. Call it inside `describeInBrowser`.
 */
export function useDemoBrowser(): DemoBrowser {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  }, BROWSER_TIMEOUT);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  }, BROWSER_TIMEOUT);

  const started = () => {
    if (!server || !browser) throw new Error('useDemoBrowser: the suite has not started its server yet');
    return { server, browser };
  };

  async function newPage(viewport?: { width: number; height: number }): Promise<Page> {
    const context = await started().browser.newContext(viewport ? { viewport } : {});
    contexts.push(context);
    return context.newPage();
  }

  return {
    get server() {
      return started().server;
    },
    visitor: () => newPage(),
    async signIn(username: string): Promise<Page> {
      const s = started().server;
      const page = await newPage({ width: 1280, height: 900 });
      await page.goto(`${s.baseUrl}/login`);
      await page.fill('#username', username);
      await page.fill('#password', DEMO_PASSWORD);
      await Promise.all([
        page.waitForURL('**/workspace'),
        page.click('form[action="/login"] button[type=submit]'),
      ]);
      return page;
    },
  };
}
