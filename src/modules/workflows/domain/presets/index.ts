import type { ProcessKind, WorkflowDefinition } from '../definition.js';
import { BANYUWANGI_DISEMINASI } from './banyuwangi-diseminasi.js';
import { BANYUWANGI_PERMINTAAN_DATA } from './banyuwangi-permintaan-data.js';
import { JAWA_TENGAH_FORUM_DATA } from './jawa-tengah-forum-data.js';
import { JEMBER_PERENCANAAN_PENYELENGGARAAN } from './jember-perencanaan-penyelenggaraan.js';
import { MAGETAN_STATISTIK_SEKTORAL } from './magetan-statistik-sektoral.js';
import { MALUKU_UTARA_PENGUMPULAN_DISEMINASI } from './maluku-utara-pengumpulan-diseminasi.js';
import { NATIONAL_PRESET_BY_KIND, NATIONAL_PRESETS } from './national.js';

/** The shipped presets, one per seed SOP (SOPS.md), stored as version 1 on first use. */
export const WORKFLOW_PRESETS: readonly WorkflowDefinition[] = [
  JAWA_TENGAH_FORUM_DATA,
  MAGETAN_STATISTIK_SEKTORAL,
  JEMBER_PERENCANAAN_PENYELENGGARAAN,
  BANYUWANGI_DISEMINASI,
  BANYUWANGI_PERMINTAAN_DATA,
  MALUKU_UTARA_PENGUMPULAN_DISEMINASI,
];

/** Every shipped preset: the regions' own SOPs and the national defaults, stored on first use. */
export const SHIPPED_PRESETS: readonly WorkflowDefinition[] = [...WORKFLOW_PRESETS, ...NATIONAL_PRESETS];

/**
 * The regions whose own SOPs the platform ships, by official Kemendagri code: a deployment for
 * one of them runs its own SOP for each process kind it covers.
 */
export const REGION_PRESETS: Readonly<Record<string, readonly WorkflowDefinition[]>> = {
  '33': [JAWA_TENGAH_FORUM_DATA],
  '35.09': [JEMBER_PERENCANAAN_PENYELENGGARAAN],
  '35.10': [BANYUWANGI_DISEMINASI, BANYUWANGI_PERMINTAAN_DATA],
  '35.20': [MAGETAN_STATISTIK_SEKTORAL],
  '82': [MALUKU_UTARA_PENGUMPULAN_DISEMINASI],
};

/** What a region with no shipped SOP of its own runs: the national defaults (no region named). */
export const DEFAULT_PRESET_BY_KIND: Record<ProcessKind, string> = NATIONAL_PRESET_BY_KIND;

/**
 * What a new region runs until an administrator chooses otherwise: its own shipped SOP for a
 * kind it covers, otherwise the national default. `regionCode` null (the site is not known yet)
 * gives the national defaults.
 */
export function defaultPresetsFor(regionCode: string | null): Record<ProcessKind, string> {
  const own = (regionCode && REGION_PRESETS[regionCode]) || [];
  const out = { ...DEFAULT_PRESET_BY_KIND };
  for (const p of own) out[p.processKind] = p.key;
  return out;
}

export {
  NATIONAL_DISEMINASI,
  NATIONAL_PENGUMPULAN_DATA,
  NATIONAL_PERMINTAAN_DATA,
  NATIONAL_PRESETS,
  NATIONAL_SIKLUS_DAFTAR_DATA,
} from './national.js';
export {
  BANYUWANGI_DISEMINASI,
  BANYUWANGI_PERMINTAAN_DATA,
  JAWA_TENGAH_FORUM_DATA,
  JEMBER_PERENCANAAN_PENYELENGGARAAN,
  MAGETAN_STATISTIK_SEKTORAL,
  MALUKU_UTARA_PENGUMPULAN_DISEMINASI,
};
