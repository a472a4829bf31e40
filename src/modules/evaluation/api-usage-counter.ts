import type { Kysely } from 'kysely';
import { regionTimeZone } from '../../kernel/db/region-time-zone.repository.js';
import type { DB } from '../../kernel/db/schema.js';
import type { ApiUse } from '../../kernel/http/api/api-use.js';
import { addUsage, type UsageIncrement } from './usage.repository.js';
import { dayIn } from './usage-day.js';

/**
 * API calls counted as portal use (issue #16 item 1: "page views, downloads and API calls per
 * dataset, agency and month"). The Action API reports each answered call (kernel api-use.ts);
 * the calls that read one dataset are counted here in memory and written with the page counts.
 * Scripted clients (curl, python, R) are the API's real users, so only obvious crawlers are
 * left out. Datastore calls name a resource: its dataset is looked up when the counts are
 * written. The API does not resolve the region's time zone per request, so a call is kept by
 * its UTC hour and given the region's day when written (Indonesia's zones are whole hours).
 */
const CRAWLER =
  /bot\b|bot\/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|headless|lighthouse|pingdom|uptime/i;

/** True when the User-Agent names a crawler or a monitor (a missing agent is still a caller). */
export function isCrawler(userAgent: string | undefined): boolean {
  return !!userAgent && CRAWLER.test(userAgent);
}

type Target = { datasetId: string } | { resourceId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * An id the counter can write: datastore_search echoes the `resource_id` it was asked, which may
 * be an alias or `_table_metadata` (CKAN's table list); those are not one resource's use.
 */
const str = (v: unknown): string | null => (typeof v === 'string' && UUID.test(v) ? v : null);
const field = (r: unknown, k: string): unknown =>
  r && typeof r === 'object' ? (r as Record<string, unknown>)[k] : undefined;

/** The dataset or resource an answered call read, for the actions that are counted. */
export function apiCallTarget(action: string, result: unknown): Target | null {
  let id: string | null;
  switch (action) {
    case 'package_show':
      id = str(field(result, 'id'));
      return id ? { datasetId: id } : null;
    case 'resource_show':
      id = str(field(result, 'package_id'));
      return id ? { datasetId: id } : null;
    case 'datastore_search':
      id = str(field(result, 'resource_id'));
      return id ? { resourceId: id } : null;
    case 'datastore_info':
      id = str(field(field(result, 'meta'), 'id'));
      return id ? { resourceId: id } : null;
    default:
      return null;
  }
}

/** As the page counter: written a few seconds after the first call of a batch. */
const FLUSH_AFTER_MS = 10_000;

interface PendingCall {
  hour: string;
  target: Target;
  count: number;
}

interface Pending {
  calls: Map<string, PendingCall>;
  timer: NodeJS.Timeout | null;
}

const pending = new Map<Kysely<DB>, Pending>();

/** The observer the module installs on the Action API: counts in memory only. */
export function countApiCall(db: Kysely<DB>, use: ApiUse): void {
  if (isCrawler(use.userAgent)) return;
  const target = apiCallTarget(use.action, use.result);
  if (!target) return;
  let p = pending.get(db);
  if (!p) {
    p = { calls: new Map(), timer: null };
    pending.set(db, p);
  }
  const hour = use.at.toISOString().slice(0, 13);
  const key = `${hour}|${'datasetId' in target ? `d:${target.datasetId}` : `r:${target.resourceId}`}`;
  const row = p.calls.get(key);
  if (row) row.count++;
  else p.calls.set(key, { hour, target, count: 1 });
  if (!p.timer) {
    p.timer = setTimeout(() => {
      flushApiUsage(db).catch(() => {
        // The database went away (closed app): those counts are lost, nothing else is.
      });
    }, FLUSH_AFTER_MS);
    p.timer.unref();
  }
}

/** Writes the API calls kept in memory for `db`, on the region's day of each call. */
export async function flushApiUsage(db: Kysely<DB>): Promise<void> {
  const p = pending.get(db);
  if (!p) return;
  pending.delete(db);
  if (p.timer) clearTimeout(p.timer);
  const timeZone = await regionTimeZone(db);
  const rows: UsageIncrement[] = [...p.calls.values()].map((c) => ({
    day: dayIn(new Date(`${c.hour}:00:00Z`), timeZone),
    ...c.target,
    kind: 'api',
    count: c.count,
  }));
  await addUsage(db, rows);
}
