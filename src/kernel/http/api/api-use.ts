import type { Kysely } from 'kysely';
import { JsonText } from '../../actions/json-text.js';
import type { DB } from '../../db/schema.js';

/**
 * The Action API's "an action answered" extension point (issue #16: API calls counted as portal
 * use per dataset and month). The route reports every successful call here once; a module fills
 * it in its install() (evaluation: a batched in-memory counter), so the call does no I/O on the
 * request's path. Until then it does nothing.
 */
export interface ApiUse {
  action: string;
  /** The action's answer (what the observer reads the dataset or resource from). */
  result: unknown;
  /** The request's User-Agent (obvious crawlers are not counted). */
  userAgent: string | undefined;
  /** The region's time zone (which day the call counts on). */
  timeZone: string | undefined;
  at: Date;
}

export type ApiUseObserver = (db: Kysely<DB>, use: ApiUse) => void;

let observer: ApiUseObserver = () => {};

/** Called once by the module that keeps the counts. */
export function observeApiUse(fn: ApiUseObserver): void {
  observer = fn;
}

/** Report one successful API call; never throws, never waits. */
export function reportApiUse(
  db: Kysely<DB>,
  req: { headers: Record<string, string | string[] | undefined>; timeZone?: string },
  action: string,
  result: unknown,
): void {
  const ua = req.headers['user-agent'];
  try {
    observer(db, {
      action,
      result: result instanceof JsonText ? result.summary : result,
      userAgent: Array.isArray(ua) ? ua[0] : ua,
      timeZone: req.timeZone,
      at: new Date(),
    });
  } catch {
    // Counting is best effort: an API answer never fails because of it.
  }
}
