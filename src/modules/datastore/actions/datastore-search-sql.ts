import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { ValidationError } from '../../../kernel/errors.js';
import { runSqlSearch } from '../read/sql-search.js';

/** Why the action is refused while DATASTORE_SQL is off (the default on the embedded PGlite). */
export const SQL_OFF = {
  id: 'datastore_search_sql tidak diaktifkan di server ini: basis data bawaan (PGlite) tidak dapat menghentikan kueri yang berjalan lama. Pakai datastore_search, atau minta administrator memakai PostgreSQL dengan DATASTORE_SQL=on.',
  en: 'datastore_search_sql is not enabled on this server: the embedded database (PGlite) cannot stop a long-running query. Use datastore_search, or ask the administrator to run on PostgreSQL with DATASTORE_SQL=on.',
};

/**
 * CKAN `datastore_search_sql`: one SELECT over public resources' tables (named by resource id),
 * parsed with PostgreSQL's parser and checked before it runs read-only with a timeout and a row
 * cap. See read/sql-check.ts for what is refused. Off unless DATASTORE_SQL is on (config.ts).
 */
export const datastoreSearchSql = defineAction({
  name: 'datastore_search_sql',
  sideEffectFree: true,
  input: z.object({ sql: z.string().min(1).max(20_000) }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  run: (ctx, input) => {
    if (!ctx.datastoreSql) throw new ValidationError({ sql: [SQL_OFF] }, SQL_OFF);
    return runSqlSearch(ctx.db, ctx.actor, input.sql);
  },
});
