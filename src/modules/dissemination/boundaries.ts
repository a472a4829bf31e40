import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import { getSetting, putSetting } from '../../kernel/db/settings.repository.js';
import type { RegionBoundaries } from './domain/region-boundaries.js';

/** The site setting that holds the region's district boundaries (uploaded GeoJSON, validated). */
export const BOUNDARIES_SETTING = 'region_boundaries';

export interface StoredBoundaries {
  /** sha256 of the stored GeoJSON: the map's key, so a new upload draws a new map. */
  hash: string;
  fileName: string;
  codeProperty: string;
  nameProperty: string;
  uploadedAt: string;
  boundaries: RegionBoundaries;
}

/** The uploaded boundaries, or undefined when none were uploaded (then no map is offered). */
export function loadBoundaries(db: Kysely<DB>): Promise<StoredBoundaries | undefined> {
  return getSetting<StoredBoundaries>(db, BOUNDARIES_SETTING);
}

export function saveBoundaries(db: Kysely<DB>, value: StoredBoundaries): Promise<void> {
  return putSetting(db, BOUNDARIES_SETTING, value);
}
