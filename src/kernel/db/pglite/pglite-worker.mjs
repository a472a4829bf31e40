// @ts-check
/**
 * The thread that owns the embedded PGlite database.
 *
 * PGlite runs every query synchronously on the thread that owns it, so it lives here and
 * not on the HTTP thread: a slow query stalls this worker, never every page. The main thread
 * talks to it through `pglite-client.ts` with {id, op, ...} messages. Plain JavaScript so the
 * worker starts under node, tsx and vitest alike without a TypeScript loader.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

if (!parentPort) throw new Error('pglite-worker must run in a worker thread');
const port = parentPort;

/** @type {PGlite | undefined} */
let db;

/** @param {unknown} err */
function serializeError(err) {
  const e = /** @type {Record<string, unknown>} */ (
    err && typeof err === 'object' ? err : { message: String(err) }
  );
  return {
    message: String(e.message ?? err),
    code: e.code,
    detail: e.detail,
    constraint: e.constraint,
    table: e.table,
    column: e.column,
    severity: e.severity,
  };
}

port.on('message', async (/** @type {any} */ msg) => {
  try {
    if (msg.op === 'open') {
      // Dates stay 'YYYY-MM-DD' strings, as the pg driver is set to return them (database.ts).
      // pg_trgm ("did you mean" in the portal's search) is created by migration 0026.
      db = await PGlite.create(workerData?.dataDir ?? msg.dataDir, {
        parsers: { 1082: (v) => v },
        extensions: { pg_trgm },
      });
      port.postMessage({ id: msg.id, ok: true });
      return;
    }
    if (!db) throw new Error('database is not open');
    if (msg.op === 'query') {
      const options = msg.blob ? { blob: new Blob([msg.blob]) } : undefined;
      const params = msg.params ?? [];
      // Without parameters use the simple protocol, as the pg driver does: it accepts a
      // script of several statements (migrations) and answers with the last one's rows.
      const res =
        params.length === 0 && !options
          ? /** @type {import('@electric-sql/pglite').Results} */ (
              (await db.exec(msg.sql)).at(-1) ?? { rows: [], fields: [] }
            )
          : await db.query(msg.sql, params, options);
      /** @type {Uint8Array | undefined} */
      let blob;
      if (res.blob) blob = new Uint8Array(await res.blob.arrayBuffer());
      port.postMessage(
        { id: msg.id, ok: true, rows: res.rows, affectedRows: res.affectedRows, fields: res.fields, blob },
        blob ? [blob.buffer] : [],
      );
    } else if (msg.op === 'exec') {
      await db.exec(msg.sql);
      port.postMessage({ id: msg.id, ok: true });
    } else if (msg.op === 'close') {
      await db.close();
      db = undefined;
      port.postMessage({ id: msg.id, ok: true });
    } else {
      throw new Error(`unknown op ${msg.op}`);
    }
  } catch (err) {
    port.postMessage({ id: msg.id, ok: false, error: serializeError(err) });
  }
});
