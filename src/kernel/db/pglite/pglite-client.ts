import { Worker } from 'node:worker_threads';

export interface PgliteQueryResult<R> {
  rows: R[];
  affectedRows?: number;
  fields: { name: string; dataTypeID: number }[];
  /** Output of `COPY … TO '/dev/blob'`. */
  blob?: Uint8Array;
}

/** A database error carried over from the worker, with PostgreSQL's SQLSTATE `code`. */
export class PgliteError extends Error {
  code?: string;
  detail?: string;
  constraint?: string;
  constructor(e: { message: string; code?: string; detail?: string; constraint?: string }) {
    super(e.message);
    this.name = 'PgliteError';
    this.code = e.code;
    this.detail = e.detail;
    this.constraint = e.constraint;
  }
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/**
 * Main-thread handle on a PGlite database owned by a worker thread (pglite-worker.mjs).
 *
 * Why a worker: PGlite executes on the thread that owns it; on the HTTP thread one slow query
 * would stall every request. Messages are answered in order; the Kysely driver adds the
 * single-connection mutex that transactions need.
 */
export class PgliteClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  private constructor(dataDir: string) {
    this.worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
      workerData: { dataDir },
      // The worker is plain JS: it needs no TypeScript loader from the parent.
      execArgv: [],
    });
    this.worker.on('message', (msg: { id: number; ok: boolean; error?: { message: string } }) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.ok) p.resolve(msg);
      else p.reject(new PgliteError(msg.error ?? { message: 'unknown PGlite error' }));
    });
    this.worker.on('error', (err) => this.failAll(err));
    this.worker.on('exit', (code) => {
      if (!this.closed) this.failAll(new Error(`PGlite worker exited with code ${code}`));
    });
  }

  /** Start the worker and open (or create) the database in `dataDir`. */
  static async open(dataDir: string): Promise<PgliteClient> {
    const client = new PgliteClient(dataDir);
    await client.send({ op: 'open' });
    return client;
  }

  async query<R = Record<string, unknown>>(
    sql: string,
    params: readonly unknown[] = [],
    blob?: Uint8Array,
  ): Promise<PgliteQueryResult<R>> {
    return (await this.send({ op: 'query', sql, params, blob })) as PgliteQueryResult<R>;
  }

  /** Run several statements separated by semicolons (no parameters). */
  async exec(sql: string): Promise<void> {
    await this.send({ op: 'exec', sql });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.send({ op: 'close' });
    this.closed = true;
    await this.worker.terminate();
  }

  private send(msg: Record<string, unknown>): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('PGlite database is closed'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...msg, id });
    });
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}
