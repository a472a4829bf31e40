import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import type { PortalUseHit } from '../catalog/index.js';
import { flushApiUsage } from './api-usage-counter.js';
import { addUsage, type UsageIncrement } from './usage.repository.js';
import { dayIn } from './usage-day.js';

export { dayIn } from './usage-day.js';

/**
 * Portal use counted without slowing the public pages (issue #16 item 1): a hit only increments
 * a number in memory; the counts are written by one upsert per database a few seconds later (and
 * when the app closes). No visitor address or agent is kept, only counts per day, dataset and
 * kind; obvious bots (by their User-Agent) are not counted. A crash loses at most the last few
 * seconds of counts, which figures of months and years can afford.
 */
export const FLUSH_AFTER_MS = 10_000;

/** Crawlers, link previewers, monitors and scripted clients that name themselves. */
const BOT =
  /bot\b|bot\/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|uptime|pingdom|headless|lighthouse|curl\/|wget\/|python-|httpclient|okhttp|go-http-client|java\/|libwww|scrapy|axios\/|node-fetch|undici/i;

/** True when the User-Agent is missing or names an automated client. */
export function isBot(userAgent: string | undefined): boolean {
  return !userAgent?.trim() || BOT.test(userAgent);
}

interface Pending {
  counts: Map<string, UsageIncrement>;
  timer: NodeJS.Timeout | null;
}

const pending = new Map<Kysely<DB>, Pending>();

/** The counter the catalog calls (installed by the module): counts in memory, flushes later. */
export function countInMemory(db: Kysely<DB>, hit: PortalUseHit): void {
  if (isBot(hit.userAgent)) return;
  let p = pending.get(db);
  if (!p) {
    p = { counts: new Map(), timer: null };
    pending.set(db, p);
  }
  const day = dayIn(hit.at, hit.timeZone);
  const key = `${day}|${hit.datasetId}|${hit.kind}`;
  const row = p.counts.get(key);
  if (row) row.count++;
  else p.counts.set(key, { day, datasetId: hit.datasetId, kind: hit.kind, count: 1 });
  if (!p.timer) {
    p.timer = setTimeout(() => {
      flushPortalUsage(db).catch(() => {
        // The database went away (closed app): those counts are lost, nothing else is.
      });
    }, FLUSH_AFTER_MS);
    p.timer.unref();
  }
}

/** Writes the counts kept in memory for `db` now (the timer, app close, tests). */
export async function flushPortalUsage(db: Kysely<DB>): Promise<void> {
  await flushApiUsage(db);
  const p = pending.get(db);
  if (!p) return;
  pending.delete(db);
  if (p.timer) clearTimeout(p.timer);
  await addUsage(db, [...p.counts.values()]);
}
