import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { executeAction } from '../../kernel/actions/action.js';
import { loadConfig } from '../../kernel/config.js';
import { agencyImport, regencyAgenciesCsv } from '../../modules/agencies/index.js';
import { withPlatform } from '../platform.js';

/** `satudata agency import` and `agency-regencies`. */

export function importAgencies(file: string): Promise<void> {
  return withPlatform('agency import', async (_p, ctx) => {
    const csv = await readFile(file, 'utf8');
    const r = await executeAction(ctx, agencyImport, { csv, fileName: path.basename(file) });
    console.log(`OK: ${r.created} ditambah / added, ${r.updated} diperbarui / updated`);
  });
}

export function addRegencyAgencies(): Promise<void> {
  return withPlatform('agency-regencies', async (_p, ctx) => {
    const config = loadConfig();
    if (config.regionCode.includes('.'))
      throw new Error(
        `REGION_CODE ${config.regionCode} bukan provinsi / is not a province: only a provincial deployment has regencies as producers`,
      );
    const csv = await regencyAgenciesCsv(ctx.db, config.regionCode);
    const r = await executeAction(ctx, agencyImport, { csv, fileName: 'kabupaten-kota.csv' });
    console.log(`OK: ${r.created} ditambah / added, ${r.updated} diperbarui / updated`);
  });
}
