import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../access/policy.js';
import type { DB } from '../db/schema.js';
import { transactionScope } from '../db/transaction-scope.js';
import type { FileStore } from '../storage/file-store.js';
import { insertAuditEntry } from './audit.repository.js';

/** Everything an action needs to run: the database, who acts, and where the request came from. */
export interface ActionContext {
  db: Kysely<DB>;
  actor: Actor;
  requestId: string | null;
  ip: string | null;
  /** Public base URL of the site, for links in results (CKAN `site_url`). */
  siteUrl?: string;
  /** The API serves `datastore_search_sql` (config DATASTORE_SQL); absent means off. */
  datastoreSql?: boolean;
  /** The file store, for actions that write a file themselves (DataStore writes keep each version's file). */
  files?: FileStore;
}

/** One decision or change, as it goes into the audit log. */
export interface AuditInput {
  action: string;
  subjectType: string;
  subjectId: string | null;
  /** What changed: field → new value, or before/after; never secrets. */
  summary?: Record<string, unknown>;
}

export type Audit = (entry: AuditInput) => Promise<void>;

/**
 * Run a state change in one transaction together with its audit rows.
 *
 * The callback receives the transaction and an `audit` function; a change that writes no
 * audit row throws and rolls back, and a failed audit insert rolls the change back too: both
 * or neither are committed.
 */
export async function mutate<T>(
  ctx: ActionContext,
  change: (trx: Transaction<DB>, audit: Audit) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    let written = 0;
    const audit: Audit = async (entry) => {
      await insertAuditEntry(trx, {
        actor_id: ctx.actor.userId,
        actor_name: ctx.actor.username,
        action: entry.action,
        subject_type: entry.subjectType,
        subject_id: entry.subjectId,
        summary: JSON.stringify(entry.summary ?? {}),
        request_id: ctx.requestId,
        ip: ctx.ip,
      });
      written++;
    };
    const label = ctx.requestId ?? 'mutate';
    const result = await transactionScope.run({ label }, () => change(trx, audit));
    if (written === 0) throw new Error('A state change must write an audit row (mutate without audit)');
    return result;
  });
}
