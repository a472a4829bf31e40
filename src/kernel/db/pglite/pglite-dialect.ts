import {
  type CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';
import { QueryOutsideTransactionError, transactionScope } from '../transaction-scope.js';
import type { PgliteClient } from './pglite-client.js';

/**
 * Kysely dialect for PGlite behind a worker thread. It reuses Kysely's PostgreSQL adapter,
 * compiler and introspector, so the SQL is byte for byte what the `pg` dialect sends.
 * PGlite has one connection: a mutex hands it to one Kysely connection (and so one
 * transaction) at a time.
 */
export class PgliteDialect implements Dialect {
  constructor(private readonly client: PgliteClient) {}
  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PgliteDriver(this.client);
  }
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's own signature
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}

class PgliteDriver implements Driver {
  private queue: Promise<void> = Promise.resolve();
  private readonly connection: PgliteConnection;

  constructor(client: PgliteClient) {
    this.connection = new PgliteConnection(client);
  }
  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const scope = transactionScope.getStore();
    if (scope) throw new QueryOutsideTransactionError(scope.label);
    let release: () => void = () => {};
    const previous = this.queue;
    this.queue = new Promise<void>((r) => {
      release = r;
    });
    await previous;
    this.connection.release = release;
    return this.connection;
  }
  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    await (conn as PgliteConnection).run('BEGIN');
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await (conn as PgliteConnection).run('COMMIT');
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await (conn as PgliteConnection).run('ROLLBACK');
  }
  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    (conn as PgliteConnection).release();
  }
  async destroy(): Promise<void> {}
}

class PgliteConnection implements DatabaseConnection {
  release: () => void = () => {};
  constructor(private readonly client: PgliteClient) {}

  async run(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const res = await this.client.query<R>(compiled.sql, compiled.parameters);
    const isWrite = /^\s*(insert|update|delete|merge)/i.test(compiled.sql);
    return {
      rows: res.rows,
      ...(isWrite && res.affectedRows !== undefined ? { numAffectedRows: BigInt(res.affectedRows) } : {}),
    };
  }

  // biome-ignore lint/correctness/useYield: streaming is not offered by PGlite; fail loudly
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streamQuery is not supported on PGlite; page with limit/offset or keyset');
  }
}
