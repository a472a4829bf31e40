import type { JobHandler } from '../../kernel/jobs/job-handler.js';
import { fillFullText } from './full-text-fill.js';
import { versionsWithoutFullText } from './version-table.repository.js';

/**
 * Gives every loaded version table without `_full_text` (a fresh ingest, or one loaded before
 * the column existed) its column and index (full-text-fill.ts), newest first. It asks again after
 * each table, so an upload swapped in while it runs is filled in this run. A stopped run leaves
 * the column unswitched (searches read row by row meanwhile); the next run (or the next start)
 * goes on where it stopped.
 */
export const fullTextBackfillHandler: JobHandler<Record<string, never>> = {
  async run(_payload, ctx) {
    let done = 0;
    const seen = new Set<string>();
    for (;;) {
      const next = (await versionsWithoutFullText(ctx.db)).find((v) => !seen.has(v.versionId));
      if (!next || ctx.signal.aborted) return;
      const onChunk = (p: { rows_done: number; rows: number }) =>
        ctx.heartbeat({ tables_done: done, version_id: next.versionId, ...p });
      // One table's guard: the same table again would loop (e.g. its column of another type).
      seen.add(next.versionId);
      if (
        !(await fillFullText(ctx.db, ctx.driver, next.versionId, next.schema, {
          signal: ctx.signal,
          onChunk,
        }))
      )
        return;
      done++;
    }
  },
  async cleanUp() {
    // Nothing to undo: filled rows stay filled, and `_full_text` appears only when complete.
  },
};
