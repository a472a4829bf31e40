/**
 * Where the loader writes COPY text. Both keep parsing and loading at the same time:
 * - PostgreSQL: one `COPY … FROM STDIN` (pg-copy-streams) on the load transaction's connection,
 *   written with stream backpressure;
 * - PGlite: `COPY … FROM '/dev/blob'` once per chunk, each its own statement, so page requests
 *   get the single connection between chunks; while one chunk loads in the database's worker
 *   thread, the next one is parsed here.
 */
import { finished } from 'node:stream/promises';
import type { CompiledQuery, DatabaseConnection, Kysely, Transaction } from 'kysely';
import copyStreams from 'pg-copy-streams';
import type { PgliteClient } from '../../kernel/db/pglite/pglite-client.js';
import type { DB } from '../../kernel/db/schema.js';

export interface CopySink {
  /** Send COPY text (whole lines, a string or UTF-8 bytes); resolves when the sink can take more. */
  write(text: string | Uint8Array): Promise<void>;
  /** Everything written is loaded. */
  finish(): Promise<void>;
  /** Stop; what was in flight is discarded (the caller drops or rolls back the table). */
  abort(error: Error): Promise<void>;
}

/**
 * The PGlite client behind a Kysely connection of our PGlite dialect (db/pglite), which keeps
 * it in a field named `client`; the dialect's own `query` has no way to pass a blob.
 */
function pgliteClientOf(conn: DatabaseConnection): PgliteClient {
  const client = (conn as unknown as { client?: PgliteClient }).client;
  if (!client || typeof client.query !== 'function')
    throw new Error('COPY on PGlite needs the PGlite dialect of src/db/pglite');
  return client;
}

export function pgliteCopySink(db: Kysely<DB>, copySql: string): CopySink {
  let inFlight: Promise<unknown> = Promise.resolve();
  const copy = (text: string | Uint8Array) =>
    db.getExecutor().provideConnection(async (conn) => {
      const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
      await pgliteClientOf(conn).query(copySql, [], bytes);
    });
  return {
    async write(text) {
      await inFlight;
      inFlight = copy(text);
      inFlight.catch(() => {});
    },
    async finish() {
      await inFlight;
    },
    async abort() {
      await inFlight.catch(() => {});
    },
  };
}

/** Starts `COPY … FROM STDIN` on the transaction's connection. */
export async function pgCopySink(trx: Transaction<DB>, copySql: string): Promise<CopySink> {
  const stream = copyStreams.from(copySql);
  let failure: Error | undefined;
  stream.on('error', (err: Error) => {
    failure ??= err;
  });
  await trx.getExecutor().provideConnection(async (conn) => {
    // pg's client.query accepts a Submittable in place of the text; Kysely passes it through.
    await conn.executeQuery({ sql: stream, parameters: [] } as unknown as CompiledQuery);
  });
  // Two chunks are kept queued ahead of the one the server is reading, so the COPY never waits
  // for the next chunk to be made (awaiting 'drain' would let the queue run dry first).
  const queued: Promise<void>[] = [];
  return {
    async write(text) {
      if (failure) throw failure;
      queued.push(new Promise<void>((resolve) => stream.write(text, () => resolve())));
      if (queued.length > 2) await queued.shift();
      if (failure) throw failure;
    },
    async finish() {
      if (failure) throw failure;
      stream.end();
      await finished(stream);
    },
    async abort(error) {
      // A stream that already failed (the connection was lost, the server refused a row) has
      // ended its COPY. Destroying it would send CopyFail on a connection it no longer holds and
      // wait for an answer that never comes: the load, and its job, would hang for ever.
      if (failure || stream.destroyed) return;
      stream.destroy(error);
      await finished(stream).catch(() => {});
    },
  };
}
