import type { Kysely } from 'kysely';
import type { DB } from '../../../kernel/db/schema.js';
import { listRegenciesOf } from '../region.repository.js';
import { titleCaseRegion } from '../site.js';

/** "KABUPATEN MAGETAN" → "kab-magetan", "KOTA MADIUN" → "kota-madiun" (a CKAN organization name). */
export function regencyAgencyCode(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/^kabupaten\s+/, 'kab-')
    .replace(/^kota\s+/, 'kota-')
    .replace(/^kab\.\s*/, 'kab-')
    .normalize('NFKD')
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return slug.slice(0, 40);
}

/**
 * An agency import file (the `agency_import` format) with one producer per regency/city of a
 * province: a provincial deployment collects data from its regencies and cities too.
 */
export async function regencyAgenciesCsv(db: Kysely<DB>, provinceCode: string): Promise<string> {
  const regencies = await listRegenciesOf(db, provinceCode);
  const rows = regencies.map((r) => {
    const name = `Pemerintah ${titleCaseRegion(r.name)}`;
    const short = titleCaseRegion(r.name).replace(/^Kabupaten /, 'Kab. ');
    return [regencyAgencyCode(r.name), name, short.slice(0, 60), 'local_government', r.code]
      .map((v) => `"${v.replace(/"/g, '""')}"`)
      .join(',');
  });
  return ['code,name,short_name,kind,region_code', ...rows].join('\n');
}
