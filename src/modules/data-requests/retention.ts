import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../../kernel/access/system-actor.js';
import { mutate } from '../../kernel/actions/context.js';
import type { DB } from '../../kernel/db/schema.js';
import { purgePersonal } from './data-requests.repository.js';
import { loadRequestSettings } from './settings.js';

const DAY_MS = 86_400_000;

/**
 * Retention (issue 14, item 1): erase the requester's name, e-mail, phone, organisation and
 * address hash of requests answered (or, never confirmed, filed) more than the region's
 * retention days ago. Everything the statistics read stays. Run by the periodic sweep; one
 * audit row per run that erased something. Returns how many requests were purged.
 */
export async function purgeExpiredPersonal(db: Kysely<DB>, now: Date): Promise<number> {
  const { retentionDays } = await loadRequestSettings(db);
  const closedBefore = new Date(now.getTime() - retentionDays * DAY_MS);
  const ctx = { db, actor: SYSTEM_ACTOR, requestId: 'job:data-request-retention', ip: null };
  return mutate(ctx, async (trx, audit) => {
    const n = await purgePersonal(trx, closedBefore, now);
    // Nothing erased: roll back the empty change (mutate wants an audit row for every change).
    if (n === 0) throw new NothingToPurge();
    await audit({
      action: 'data_request_purge_personal',
      subjectType: 'data_request',
      subjectId: null,
      summary: { purged: n, retention_days: retentionDays, closed_before: closedBefore.toISOString() },
    });
    return n;
  }).catch((error: unknown) => {
    if (error instanceof NothingToPurge) return 0;
    throw error;
  });
}

class NothingToPurge extends Error {}
