import type { JobHandler } from '../../kernel/jobs/job-handler.js';
import { addFullText, versionsWithoutFullText } from './version-table.repository.js';

/**
 * Gives every old version table its `_full_text` column and index (full-text-backfill.ts). Each
 * table is one transaction, so a stopped run leaves whole tables done and the next run (or the
 * next start) goes on with the rest; searches meanwhile read row by row, as before.
 */
export const fullTextBackfillHandler: JobHandler<Record<string, never>> = {
  async run(_payload, ctx) {
    const todo = await versionsWithoutFullText(ctx.db);
    let done = 0;
    for (const { versionId, schema } of todo) {
      if (ctx.signal.aborted) return;
      await addFullText(ctx.db, versionId, schema);
      done++;
      await ctx.heartbeat({ tables_done: done, tables: todo.length });
    }
  },
  async cleanUp() {
    // Nothing half-done: each table's column and index commit together.
  },
};
