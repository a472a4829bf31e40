import type { ProcessKind, WorkflowDefinition } from '../definition.js';
import { NATIONAL_DISEMINASI } from './national-diseminasi.js';
import { NATIONAL_PENGUMPULAN_DATA } from './national-pengumpulan-data.js';
import { NATIONAL_PERMINTAAN_DATA } from './national-permintaan-data.js';
import { NATIONAL_SIKLUS_DAFTAR_DATA } from './national-siklus-daftar-data.js';

/**
 * The national defaults (Perpres 39/2019 roles, generic wording, no region named), one per
 * process kind: what a region runs for a kind its own SOPs do not cover.
 */
export const NATIONAL_PRESETS: readonly WorkflowDefinition[] = [
  NATIONAL_SIKLUS_DAFTAR_DATA,
  NATIONAL_PENGUMPULAN_DATA,
  NATIONAL_DISEMINASI,
  NATIONAL_PERMINTAAN_DATA,
];

export const NATIONAL_PRESET_BY_KIND: Record<ProcessKind, string> = {
  data_list_cycle: NATIONAL_SIKLUS_DAFTAR_DATA.key,
  dataset_collection: NATIONAL_PENGUMPULAN_DATA.key,
  infographic_dissemination: NATIONAL_DISEMINASI.key,
  data_request: NATIONAL_PERMINTAAN_DATA.key,
};

export {
  NATIONAL_DISEMINASI,
  NATIONAL_PENGUMPULAN_DATA,
  NATIONAL_PERMINTAAN_DATA,
  NATIONAL_SIKLUS_DAFTAR_DATA,
};
