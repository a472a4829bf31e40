import type { JobHandler } from '../../kernel/jobs/job-handler.js';
import { FULL_TEXT_BACKFILL_JOB, queueFullTextBackfill } from './full-text-backfill.js';
import { fillFullText } from './full-text-fill.js';
import { otherJobDue } from './full-text-fill.repository.js';
import { versionsWithoutFullText } from './version-table.repository.js';

/**
 * Gives every loaded version table without `_full_text` (a fresh ingest, or one loaded before
 * the column existed) its column and index (full-text-fill.ts), newest first. It asks again after
 * each table, so an upload swapped in while it runs is filled in this run. A stopped run leaves
 * the column unswitched (searches read row by row meanwhile); the next run (or the next start)
 * goes on where it stopped. A job of another kind waiting (an upload: a runner runs one job at a
 * time) makes it stop after the current chunk and queue itself again behind that job.
 */
export const fullTextBackfillHandler: JobHandler<Record<string, never>> = {
  async run(_payload, ctx) {
    let done = 0;
    const seen = new Set<string>();
    const yielded = new AbortController();
    const signal = AbortSignal.any([ctx.signal, yielded.signal]);
    for (;;) {
      const next = (await versionsWithoutFullText(ctx.db)).find((v) => !seen.has(v.versionId));
      if (!next || ctx.signal.aborted) return;
      const onChunk = async (p: { rows_done: number; rows: number }) => {
        await ctx.heartbeat({ tables_done: done, version_id: next.versionId, ...p });
        if (await otherJobDue(ctx.db, FULL_TEXT_BACKFILL_JOB.kind)) yielded.abort();
      };
      // One table's guard: the same table again would loop (e.g. its column of another type).
      seen.add(next.versionId);
      if (!(await fillFullText(ctx.db, ctx.driver, next.versionId, next.schema, { signal, onChunk }))) {
        if (yielded.signal.aborted && !ctx.signal.aborted) await queueFullTextBackfill(ctx.db);
        return;
      }
      done++;
    }
  },
  async cleanUp() {
    // Nothing to undo: filled rows stay filled, and `_full_text` appears only when complete.
  },
};
