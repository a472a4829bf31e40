import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { ensureSqlReaderRole, SQL_READER_ROLE } from '../datastore-read.repository.js';

/**
 * At start, when DATASTORE_SQL is on: make sure the read-only role `datastore_search_sql` runs as
 * exists. When the database user may not create it, say so once; queries then run as the app's
 * user, still in a READ ONLY transaction with the statement timeout and the checker in front.
 */
export async function sqlReaderStartup(app: FastifyInstance, { config, database }: AppDeps): Promise<void> {
  if (!config.datastoreSql) return;
  const problem = await ensureSqlReaderRole(database.db);
  if (problem)
    app.log.warn(
      `datastore_search_sql: cannot set up the read-only role ${SQL_READER_ROLE} (${problem}); queries run as the database user, read-only with a timeout. Create the role once as a superuser, or give this user CREATEROLE.`,
    );
}
