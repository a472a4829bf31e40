import { BANYUWANGI_DISEMINASI_TABLE, BANYUWANGI_PERMINTAAN_TABLE } from './banyuwangi.js';
import { JAWA_TENGAH_TABLE } from './jawa-tengah.js';
import { JEMBER_TABLE } from './jember.js';
import { MAGETAN_TABLE } from './magetan.js';
import { MALUKU_UTARA_TABLE } from './maluku-utara.js';
import type { SeedTable } from './types.js';

export type { SeedRow, SeedTable } from './types.js';

/** Every seed SOP's procedure table, one per shipped preset (the tests' authority). */
export const SEED_TABLES: readonly SeedTable[] = [
  JAWA_TENGAH_TABLE,
  MAGETAN_TABLE,
  JEMBER_TABLE,
  BANYUWANGI_DISEMINASI_TABLE,
  BANYUWANGI_PERMINTAAN_TABLE,
  MALUKU_UTARA_TABLE,
];
