import type { ProcessKind, WorkflowDefinition } from '../definition.js';
import { BANYUWANGI_DISEMINASI } from './banyuwangi-diseminasi.js';
import { BANYUWANGI_PERMINTAAN_DATA } from './banyuwangi-permintaan-data.js';
import { JAWA_TENGAH_FORUM_DATA } from './jawa-tengah-forum-data.js';
import { JEMBER_PERENCANAAN_PENYELENGGARAAN } from './jember-perencanaan-penyelenggaraan.js';
import { MAGETAN_STATISTIK_SEKTORAL } from './magetan-statistik-sektoral.js';
import { MALUKU_UTARA_PENGUMPULAN_DISEMINASI } from './maluku-utara-pengumpulan-diseminasi.js';

/** The shipped presets, one per seed SOP (SOPS.md), stored as version 1 on first use. */
export const WORKFLOW_PRESETS: readonly WorkflowDefinition[] = [
  JAWA_TENGAH_FORUM_DATA,
  MAGETAN_STATISTIK_SEKTORAL,
  JEMBER_PERENCANAAN_PENYELENGGARAAN,
  BANYUWANGI_DISEMINASI,
  BANYUWANGI_PERMINTAAN_DATA,
  MALUKU_UTARA_PENGUMPULAN_DISEMINASI,
];

/** What a new region runs until an administrator chooses otherwise. */
export const DEFAULT_PRESET_BY_KIND: Record<ProcessKind, string> = {
  data_list_cycle: JAWA_TENGAH_FORUM_DATA.key,
  dataset_collection: MAGETAN_STATISTIK_SEKTORAL.key,
  infographic_dissemination: BANYUWANGI_DISEMINASI.key,
  data_request: BANYUWANGI_PERMINTAAN_DATA.key,
};

export {
  BANYUWANGI_DISEMINASI,
  BANYUWANGI_PERMINTAAN_DATA,
  JAWA_TENGAH_FORUM_DATA,
  JEMBER_PERENCANAAN_PENYELENGGARAAN,
  MAGETAN_STATISTIK_SEKTORAL,
  MALUKU_UTARA_PENGUMPULAN_DISEMINASI,
};
