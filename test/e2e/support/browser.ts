import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/kernel/config.js';
import { startServer } from '../../../src/main.js';
import { createTestDatabase } from '../../support/test-database.js';

/** The system Chromium (Debian package `chromium`); `npx playwright install` is not used. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Where browser tests leave screenshots (git-ignored). */
export const SCREENSHOT_DIR = path.resolve('test-output/e2e');

/** Flags for a quiet, offline, headless Chromium in a container running as root. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export const hasBrowser = existsSync(CHROMIUM_PATH);

/**
 * `describe` for browser tests. Without Chromium the suite is skipped with a message on a
 * developer machine, but fails under CI (CI set): a CI run must not pass without its e2e tests.
 */
export function describeInBrowser(name: string, fn: () => void): void {
  if (hasBrowser) {
    describe(name, fn);
    return;
  }
  const hint = `${CHROMIUM_PATH} not found: install it with \`apt-get install -y chromium\``;
  if (process.env.CI) {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`Browser tests cannot run under CI: ${hint}`);
      });
    });
    return;
  }
  console.warn(`Skipping browser tests "${name}": ${hint}`);
  describe.skip(name, fn);
}

/** Launch the system Chromium headless. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface TestServer {
  /** e.g. `http://127.0.0.1:41234` (no trailing slash). */
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * The engine browser tests run on: PGlite, or PostgreSQL when E2E_POSTGRES=1 and
 * TEST_DATABASE_URL are set (a fresh database from the run's PostgreSQL template).
 */
export const E2E_ENGINE: 'pglite' | 'postgres' =
  process.env.E2E_POSTGRES === '1' && process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/**
 * A real server, as `satudata serve` runs it, on a fresh copy of the run's template database
 * (PGlite, or PostgreSQL: E2E_ENGINE) and a free port (or the `env` given, e.g. PORT and
 * SITE_URL when links must name the server). startServer seeds the demo region because the copy
 * has no users.
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const tdb = await createTestDatabase(E2E_ENGINE);
  // The server opens the database itself. On PGlite it takes the data folder's lock (one owner
  // at a time), so the test's handle is closed now; a PostgreSQL database is dropped at stop.
  if (tdb.kind === 'pglite') await tdb.database.close();
  const removeDir = () =>
    tdb.kind === 'postgres' ? tdb.drop() : rm(tdb.dataDir, { recursive: true, force: true });
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: tdb.dataDir,
    LOG_LEVEL: 'silent',
    ...(tdb.databaseUrl ? { DATABASE_URL: tdb.databaseUrl } : {}),
    ...env,
  });
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(config);
  } catch (err) {
    await removeDir();
    throw err;
  }
  const { port } = server.app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      try {
        await server.stop();
      } finally {
        await removeDir();
      }
    },
  };
}

let axeSource: string | undefined;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * In-page script (a string: this project's TS has no DOM types): run axe-core on the whole
 * document and return its violations in a plain, serialisable shape.
 */
const RUN_AXE = `axe.run(document, { resultTypes: ['violations'] }).then((r) =>
  r.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? null,
    help: v.help,
    targets: v.nodes.map((n) => JSON.stringify(n.target)),
  })))`;

/**
 * Run axe-core on the page and fail on any violation of impact `serious` or `critical`,
 * naming each rule and the selectors of the offending nodes. Minor/moderate ones are ignored.
 */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  axeSource ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol, not page.addScriptTag: the app's CSP
  // (script-src 'self') rightly blocks inline scripts, and the test must not weaken it.
  if (!(await page.evaluate<boolean>("typeof axe !== 'undefined'"))) await page.evaluate(axeSource);
  const violations = await page.evaluate<AxeViolation[]>(RUN_AXE);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) => `  ${v.id} (${v.impact}): ${v.help}\n${v.targets.map((t) => `    ${t}`).join('\n')}`,
  );
  expect(report, `serious axe violations on ${page.url()}:\n${report.join('\n')}`).toEqual([]);
}

/** Save a full-page screenshot under test-output/e2e/<name>.png; returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
