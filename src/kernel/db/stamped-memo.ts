/**
 * Whole-catalog figures (public datasets per agency, per topic) kept while the catalog's change
 * stamps hold (migration 0033). They are read on every home, organization and group listing
 * and cost a scan of the catalog each (16 and 28 ms of server time at 20,000 datasets, when a
 * cold home page took 5 ms for everything else); the stamps are one prepared single-row read.
 * Correct with several instances: the stamps live in the database and are read on each call.
 *
 * The stamps are read before the figures, so a change committed in between leaves the kept
 * figures under the older stamps: the next call sees newer stamps and reads them again. Inside a
 * transaction nothing is kept (the stamps move at commit, and the transaction may see its own
 * uncommitted changes).
 */
import type { Kysely } from 'kysely';
import { readPageStamps } from './page-stamp.repository.js';
import type { DB } from './schema.js';

export function memoByCatalogStamps<T>(read: (db: Kysely<DB>) => Promise<T>): (db: Kysely<DB>) => Promise<T> {
  // Per database handle: a process may hold several databases (tests, the benchmark).
  const kept = new WeakMap<Kysely<DB>, { stamps: string; value: Promise<T> }>();
  return async (db) => {
    if (db.isTransaction) return read(db);
    const stamps = await readPageStamps(db);
    const entry = kept.get(db);
    if (entry?.stamps === stamps) return entry.value;
    // The promise is kept, so callers arriving during the read share it; a failed read is not.
    const value = read(db);
    kept.set(db, { stamps, value });
    value.catch(() => {
      if (kept.get(db)?.value === value) kept.delete(db);
    });
    return value;
  };
}
