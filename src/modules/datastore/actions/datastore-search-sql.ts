import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { runSqlSearch } from '../read/sql-search.js';

/**
 * CKAN `datastore_search_sql`: one SELECT over public resources' tables (named by resource id),
 * parsed with PostgreSQL's parser and checked before it runs read-only with a timeout and a row
 * cap. See src/datastore-read/sql-check.ts for what is refused.
 */
export const datastoreSearchSql = defineAction({
  name: 'datastore_search_sql',
  sideEffectFree: true,
  input: z.object({ sql: z.string().min(1).max(20_000) }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  run: (ctx, input) => runSqlSearch(ctx.db, ctx.actor, input.sql),
});
