import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';

/**
 * A planned data release another module puts in the release calendar (/jadwal-rilis): the
 * items of the enacted yearly data list (planning), one per item and period. Planning comes
 * after dissemination in the module order, so it registers a source here in its `install()`
 * rather than dissemination importing it.
 */
export interface PlannedDataRelease {
  /** Stable across reads (the iCalendar UID), e.g. the obligation's id. */
  key: string;
  /** What is released ("Jumlah penduduk menurut kecamatan"). */
  title: string;
  /** The producing agency's name. */
  agency: string;
  /** The period released ('2027', '2027-Q1', '2027-03'). */
  period: string;
  /** Planned release date, 'YYYY-MM-DD'. */
  plannedOn: string;
  /** Where a reader learns more (the enacted list's public page), a path under the site. */
  path: string;
}

export type ReleaseSource = (db: Kysely<DB>) => Promise<PlannedDataRelease[]>;

const sources: ReleaseSource[] = [];

/** Add a source of planned data releases (called once, from a module's `install()`). */
export function addReleaseSource(source: ReleaseSource): void {
  sources.push(source);
}

/** Every registered source's planned releases, soonest first (then by title and period). */
export async function plannedDataReleases(db: Kysely<DB>): Promise<PlannedDataRelease[]> {
  const all = (await Promise.all(sources.map((s) => s(db)))).flat();
  return all.sort(
    (a, b) =>
      a.plannedOn.localeCompare(b.plannedOn) ||
      a.title.localeCompare(b.title) ||
      a.period.localeCompare(b.period) ||
      a.key.localeCompare(b.key),
  );
}
