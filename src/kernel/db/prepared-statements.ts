/**
 * Prepared statements on PostgreSQL connections. Parsing and planning cost more than running
 * most of this application's statements: on a cold dataset page (20,000 datasets) the server
 * spent 1.2 ms parsing and 2.8 ms planning its eight statements for 2.8 ms of executing them.
 * So each connection keeps its recent statements prepared, as pgx and Npgsql do: a statement
 * seen before on the connection is only bound and executed (PostgreSQL's plan cache then keeps a
 * generic plan where it is as good as a custom one).
 *
 * What is prepared: parameterised SELECT, WITH, INSERT, UPDATE and DELETE statements, and any
 * statement that starts with {@link PREPARED_MARK}. Never a statement on the datastore's tables
 * (their names change with each version, so their texts never repeat, and a version's columns
 * are its own). At most {@link PREPARED_PER_CONNECTION} per connection; the least recently used
 * is deallocated first, so texts built with a variable number of parameters cannot grow a
 * connection's memory without bound.
 *
 * A prepared statement whose tables changed shape under it (a migration run by another
 * instance during a rolling deploy) fails with "cached plan must not change result type": it
 * is dropped and, outside a transaction, run again unprepared, so the request still succeeds.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';

/** Marks a statement to prepare even where the rules below would not (hot, fixed shape). */
export const PREPARED_MARK = '/* prepared */ ';

export const PREPARED_PER_CONNECTION = 100;

const DML = /^\s*(?:select|with|insert|update|delete)\b/i;
/** `datastore.v_…` or `"datastore"."v_…"`: a datastore table. */
const DATASTORE_TABLE = /\bdatastore"?\./;
const TRANSACTION_START = /^\s*(?:begin|start\s+transaction)\b/i;
/** Not `rollback to savepoint`, which stays in the transaction. */
const TRANSACTION_END = /^\s*(?:commit|end|abort|rollback(?!\s+to\b))\b/i;
/** PostgreSQL's SQLSTATE for "cached plan must not change result type". */
const PLAN_CHANGED = '0A000';

/** Whether a statement is prepared on its connection. */
export function preparesStatement(text: string, values: unknown): boolean {
  if (text.startsWith(PREPARED_MARK)) return true;
  return Array.isArray(values) && values.length > 0 && DML.test(text) && !DATASTORE_TABLE.test(text);
}

type Query = (...args: unknown[]) => unknown;

/** Makes `client.query` prepare statements as described above. */
export function prepareStatementsOf(client: pg.PoolClient, capacity = PREPARED_PER_CONNECTION): void {
  const query = client.query.bind(client) as Query;
  /** Statement text → its name on this connection, least recently used first. */
  const names = new Map<string, string>();
  let generation = 0;
  let inTransaction = false;
  const parsed = () =>
    (client as unknown as { connection: { parsedStatements: Record<string, string> } }).connection
      .parsedStatements;
  const drop = (text: string, name: string) => {
    if (names.get(text) === name) names.delete(text);
    // Queued behind the statements already sent, so none of them loses its statement; a later
    // use of the same text is prepared again under a new name.
    (query(`deallocate "${name}"`) as Promise<unknown>)
      .catch(() => {})
      .finally(() => {
        delete parsed()[name];
      });
  };
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const [text, values] = args;
    if (typeof text !== 'string' || args.length > 2) return query(...args);
    // Transaction control statements are short: longer texts skip the two tests.
    if (text.length < 40) {
      if (TRANSACTION_START.test(text)) inTransaction = true;
      else if (TRANSACTION_END.test(text)) inTransaction = false;
    }
    // A known text was decided before: no pattern is tested again on it.
    let name = names.get(text);
    if (name) {
      names.delete(text);
      names.set(text, name);
    } else {
      if (!preparesStatement(text, values)) return query(...args);
      // A name per preparation, so a statement dropped and prepared again never meets its old self.
      name = `p_${createHash('sha1').update(text).digest('base64url').slice(0, 16)}_${(++generation).toString(36)}`;
      names.set(text, name);
      if (names.size > capacity) {
        const [oldText, oldName] = names.entries().next().value as [string, string];
        drop(oldText, oldName);
      }
    }
    const prepared = name;
    const retryable = !inTransaction;
    return (query({ name: prepared, text, values }) as Promise<unknown>).catch((error: unknown) => {
      if ((error as { code?: string }).code !== PLAN_CHANGED) throw error;
      drop(text, prepared);
      if (!retryable) throw error;
      return query(text, values);
    });
  };
}
