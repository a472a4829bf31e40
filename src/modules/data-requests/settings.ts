import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import { getSetting, putSetting } from '../../kernel/db/settings.repository.js';

/**
 * The region's settings of the data-request service, kept in site settings and changed on the
 * admin page /admin/permintaan-data (data_request_settings_update):
 * - how many days after a request is answered (or, never confirmed, filed) the requester's
 *   personal data are kept before the sweep erases them (statistics stay);
 * - whether the public list of what was asked (/permintaan-data/daftar) is shown (off by default).
 */
export const RETENTION_KEY = 'data_request_retention_days';
export const PUBLIC_LIST_KEY = 'data_request_public_list';
/** Two years: enough for the objection window and a dispute before the information commission. */
export const DEFAULT_RETENTION_DAYS = 730;
export const MIN_RETENTION_DAYS = 30;
export const MAX_RETENTION_DAYS = 3650;

export interface RequestSettings {
  retentionDays: number;
  publicList: boolean;
}

export async function loadRequestSettings(db: Kysely<DB>): Promise<RequestSettings> {
  const days = await getSetting<number>(db, RETENTION_KEY);
  const list = await getSetting<boolean>(db, PUBLIC_LIST_KEY);
  return {
    retentionDays:
      typeof days === 'number' && Number.isInteger(days) && days >= MIN_RETENTION_DAYS
        ? days
        : DEFAULT_RETENTION_DAYS,
    publicList: list === true,
  };
}

/** Store both settings (tests and the demo; people change them with data_request_settings_update). */
export async function saveRequestSettings(db: Kysely<DB>, s: RequestSettings): Promise<void> {
  await putSetting(db, RETENTION_KEY, s.retentionDays);
  await putSetting(db, PUBLIC_LIST_KEY, s.publicList);
}
