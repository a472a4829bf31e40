import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import { addDatasetViews } from './dataset.repository.js';

/** How long views gather in memory before one statement adds them. */
const FLUSH_AFTER_MS = 2000;

const pending = new WeakMap<Kysely<DB>, { views: Map<string, number>; timer: NodeJS.Timeout }>();

/**
 * Count one page view of a dataset. Views gather in memory for two seconds and are then added
 * in one UPDATE: a write per view would cost a commit (and, on PGlite, the only connection) per
 * page read. A process that dies loses at most its last two seconds of views.
 */
export function countDatasetView(db: Kysely<DB>, datasetId: string): void {
  let batch = pending.get(db);
  if (!batch) {
    const views = new Map<string, number>();
    const timer = setTimeout(() => void flushDatasetViews(db).catch(() => {}), FLUSH_AFTER_MS);
    timer.unref();
    batch = { views, timer };
    pending.set(db, batch);
  }
  batch.views.set(datasetId, (batch.views.get(datasetId) ?? 0) + 1);
}

/** Write the views gathered so far (at shutdown, and in tests that read the counts). */
export async function flushDatasetViews(db: Kysely<DB>): Promise<void> {
  const batch = pending.get(db);
  if (!batch) return;
  pending.delete(db);
  clearTimeout(batch.timer);
  await addDatasetViews(db, batch.views);
}
