/**
 * What a person reads must never be a raw key, a permission name or a UUID (issue #17 item 9).
 * `scanReadableText` fails on any of them in the page's visible text; `PageLog` remembers every
 * page a browser test visited so the other language and the phone size can be checked too.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectNoSeriousA11yViolations } from './browser.js';

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;
/** A permission (`user:read`, `dataset:verify`) or a reference key (`region:district`). */
const PERMISSION =
  /\b(account|agency|audit|codelist|dataset|metadata|portal|region|standard|task|token|user|workflow|workspace):[a-z_]+\b/;
/** CKAN's field keys, and i18n keys (`sub.pageTitle`), as they leak when a label is missing. */
const RAW_KEY =
  /\b(license_id|update_frequency|temporal_start|temporal_end|maintainer_email|owner_org|x-classification)\b|\b(sub|work|ingest|proposal|field|note|hub|workspace|tasks|state)\.[a-z][A-Za-z]+\b/;

/** A seed or stored file's machine name (`000_d7c36ee3170075eb.txt`) shown as a source. */
const FILE_NAME = /\b\d{3}_[0-9a-f]{16}\.[a-z]{2,4}\b/;
/** An empty JSON object where a value should be (`{}` in an audit row or a field). */
const EMPTY_OBJECT = /(^|[\s:(])\{\}(?=$|[\s,.;)])/m;
/** English counts inside an Indonesian page ("18 rows"). */
const ENGLISH_COUNT = /\b\d[\d.,]*\s+(rows|records|items|results|files|columns)\b/i;

/**
 * The first leak in a text: what it is, the leaked text and what surrounds it; null when none.
 * `locale` is the page's language: English words are a leak only in an Indonesian page.
 */
export function findLeak(
  text: string,
  locale: 'id' | 'en' = 'id',
): { what: string; found: string; context: string } | null {
  for (const [what, pattern] of [
    ['a UUID', UUID],
    ['a permission name', PERMISSION],
    ['a raw key', RAW_KEY],
    ['a file name', FILE_NAME],
    ['an empty object', EMPTY_OBJECT],
    ...(locale === 'id' ? ([['English inside Indonesian', ENGLISH_COUNT]] as const) : []),
  ] as const) {
    const match = pattern.exec(text);
    if (match)
      return { what, found: match[0], context: text.slice(Math.max(0, match.index - 80), match.index + 80) };
  }
  return null;
}

/** Fails, naming the page and the text, when what a person reads holds a leak. */
export async function scanReadableText(page: Page): Promise<void> {
  const lang = (await page.locator('html').getAttribute('lang')) === 'en' ? 'en' : 'id';
  const leak = findLeak(await page.locator('body').innerText(), lang);
  expect(leak, leak ? `${leak.what} on ${page.url()}: "${leak.context}"` : '').toBeNull();
}

/** The pages a browser test saw, to check again in the other language and at phone size. */
export class PageLog {
  readonly urls = new Set<string>();

  /** Scan what the person sees now, check it with axe, and remember the page. */
  async seen(page: Page): Promise<void> {
    await scanReadableText(page);
    await expectNoSeriousA11yViolations(page);
    const url = new URL(page.url());
    url.hash = '';
    this.urls.add(url.toString());
  }

  /**
   * Every page seen, again: in `locale` (through the language switch's cookie route) and at a
   * phone's width; each is scanned and checked with axe.
   */
  async recheck(page: Page, locale: 'id' | 'en'): Promise<void> {
    const base = new URL(page.url()).origin;
    await page.goto(`${base}/lang/${locale}`);
    await page.setViewportSize({ width: 375, height: 812 });
    for (const url of this.urls) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBeLessThan(400);
      await scanReadableText(page);
      await expectNoSeriousA11yViolations(page);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }
}
