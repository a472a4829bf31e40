import type { Kysely } from 'kysely';
import type { DB } from '../../../kernel/db/schema.js';
import { NotFoundError } from '../../../kernel/errors.js';
import {
  findRegionWithChildrenCount,
  listRegions,
  regionCodeEditions,
} from '../code-lists/region-code.repository.js';
import type { EditionView } from './code-list-public.page.js';

const text = (v: unknown) =>
  v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v);
const day = (d: Date | string | null) => (d ? new Date(d).toISOString().slice(0, 10) : null);

/**
 * The view of `/kode-referensi/wilayah`: the regions under `induk` (provinces when none) and
 * the code edition with its history. An unknown `induk` is a 404.
 */
export async function loadRegionCodes(db: Kysely<DB>, induk: string | null) {
  const parent = induk ? await findRegionWithChildrenCount(db, induk) : null;
  if (induk && !parent)
    throw new NotFoundError({
      id: `Kode wilayah ${induk} tidak dikenal`,
      en: `Unknown region code ${induk}`,
    });
  const [regions, editions] = await Promise.all([
    listRegions(db, parent?.code ?? null),
    regionCodeEditions(db),
  ]);
  const edition: EditionView = {
    current: text(editions.current) ?? '—',
    since: day(editions.history[0]?.changed_at ?? null),
    history: editions.history.map((h) => ({
      previous: text(h.previous_edition),
      edition: text(h.edition) ?? '',
      changedAt: day(h.changed_at) ?? '',
    })),
  };
  return { parent: parent ?? null, regions, edition };
}
