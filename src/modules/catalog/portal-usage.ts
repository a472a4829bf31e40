import type { Kysely } from 'kysely';
import type { PortalUsageKind } from '../../kernel/db/schema/evaluation.js';
import type { DB } from '../../kernel/db/schema.js';

/**
 * The catalog's "a dataset was used" extension point (issue #16: portal use per dataset, kind
 * and day). The public pages call `countPortalUse` with one line; the evaluation module fills it
 * in its install() with a batched in-memory counter, so the call does no I/O on the request's
 * path. Until then (or in a build without evaluation) it does nothing.
 */
export interface PortalUseHit {
  datasetId: string;
  kind: PortalUsageKind;
  /** The request's User-Agent (obvious bots are not counted). */
  userAgent: string | undefined;
  /** The region's time zone (which day the hit counts on). */
  timeZone: string | undefined;
  at: Date;
}

export type PortalUseCounter = (db: Kysely<DB>, hit: PortalUseHit) => void;

let counter: PortalUseCounter = () => {};

/** Called once by the module that keeps the counts (evaluation). */
export function providePortalUseCounter(fn: PortalUseCounter): void {
  counter = fn;
}

/** Count one page view, download or API call of a dataset; never throws, never waits. */
export function countPortalUse(
  db: Kysely<DB>,
  req: { headers: Record<string, string | string[] | undefined>; timeZone?: string },
  datasetId: string,
  kind: PortalUsageKind,
): void {
  const ua = req.headers['user-agent'];
  try {
    counter(db, {
      datasetId,
      kind,
      userAgent: Array.isArray(ua) ? ua[0] : ua,
      timeZone: req.timeZone,
      at: new Date(),
    });
  } catch {
    // Counting is best effort: a page never fails because of it.
  }
}
