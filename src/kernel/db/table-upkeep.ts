/**
 * Vacuum and analyze for the embedded database. PostgreSQL's autovacuum runs in background
 * workers that PGlite does not have: on PGlite nothing ever removes the dead row versions each
 * UPDATE leaves, so the catalog's tables only grow and every search reads more pages (the plans
 * in catalog/dataset-search.plans.md show one heap page per hit on a bloated table). This does
 * autovacuum's job in small steps: every `everyMs`, the one table most in need (autovacuum's own
 * thresholds) is vacuumed and analyzed. One table per step, and none larger than `maxBytes`,
 * because PGlite has one connection: a step must not keep public requests waiting for long.
 * A larger table is logged once: a catalog that size belongs on PostgreSQL (DATABASE_URL), whose
 * own autovacuum keeps it.
 */
import type { Kysely } from 'kysely';
import type { DB } from './schema.js';
import { nextTableToVacuum, vacuumAnalyze } from './table-upkeep.repository.js';

export interface TableUpkeepOptions {
  /** Time between steps (ms). Default 60 s. */
  everyMs?: number;
  /** Tables above this size are never vacuumed here (bytes). Default 256 MiB. */
  maxBytes?: number;
  /** Told about each table vacuumed or skipped, and about failures. */
  log?: (event: { table: string; outcome: 'vacuumed' | 'too_large'; ms?: number }) => void;
  onError?: (error: unknown) => void;
}

/**
 * A step holds PGlite's one connection while it runs: a 134 MB table (a 40,000-row table with a
 * GIN index, every row updated once) took 350 ms to vacuum here, so 256 MiB keeps a step under
 * about a second, at most once a minute and only when a table needs it.
 */
export const UPKEEP_MAX_BYTES = 256 * 1024 * 1024;

/**
 * One step: vacuum and analyze the table most in need, if any. Returns its name, or undefined
 * when every table is within autovacuum's thresholds (or only too large ones are not).
 */
export async function upkeepStep(
  db: Kysely<DB>,
  options: Pick<TableUpkeepOptions, 'maxBytes' | 'log'> = {},
): Promise<string | undefined> {
  const maxBytes = options.maxBytes ?? UPKEEP_MAX_BYTES;
  const next = await nextTableToVacuum(db);
  for (const table of next) {
    if (table.bytes > maxBytes) {
      options.log?.({ table: table.name, outcome: 'too_large' });
      continue;
    }
    const started = performance.now();
    await vacuumAnalyze(db, table.name);
    options.log?.({ table: table.name, outcome: 'vacuumed', ms: Math.round(performance.now() - started) });
    return table.name;
  }
  return undefined;
}

/** Runs `upkeepStep` every `everyMs` until the returned stop is called. */
export function startTableUpkeep(db: Kysely<DB>, options: TableUpkeepOptions = {}): () => Promise<void> {
  let running: Promise<unknown> | undefined;
  const tooLargeLogged = new Set<string>();
  const log: TableUpkeepOptions['log'] = (event) => {
    // A table too large for a step is told once per process, not every minute.
    if (event.outcome === 'too_large') {
      if (tooLargeLogged.has(event.table)) return;
      tooLargeLogged.add(event.table);
    }
    options.log?.(event);
  };
  const timer = setInterval(() => {
    running ??= upkeepStep(db, { maxBytes: options.maxBytes, log })
      .catch((error) => options.onError?.(error))
      .finally(() => {
        running = undefined;
      });
  }, options.everyMs ?? 60_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
