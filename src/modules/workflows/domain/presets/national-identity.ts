import type { SopIdentity } from '../sop-identity.js';

/**
 * The identity sheet of a national default SOP: what a region runs until it adopts its own. It
 * names no region, no signatory and no regional regulation, only the national legal basis
 * (Perpres 39/2019 on Satu Data Indonesia) and the roles that regulation sets (Pembina Data,
 * Walidata, Produsen Data, Forum Satu Data); the region replaces it with its signed SOP.
 */
export function nationalIdentity(name: string, executors: string[]): SopIdentity {
  return {
    header: ['PEMERINTAH DAERAH', 'WALIDATA SATU DATA INDONESIA'],
    name,
    number: null,
    madeOn: null,
    revisedOn: null,
    ratifiedOn: null,
    effectiveOn: null,
    ratifiedBy: [],
    legalBasis: ['Peraturan Presiden Nomor 39 Tahun 2019 tentang Satu Data Indonesia'],
    qualifications: ['Memahami prinsip Satu Data Indonesia', 'Memiliki pengetahuan tentang mengolah data'],
    relatedSops: [],
    equipment: ['Komputer, Laptop', 'Internet'],
    warnings: ['SOP bawaan nasional: sesuaikan dengan SOP yang ditetapkan daerah'],
    records: ['Disimpan dalam sistem informasi'],
    executors,
  };
}

/** The `source` of a national default: no seed file, no region. */
export const NATIONAL_SOURCE = { seed: '', region: 'Nasional' } as const;

/** The Perpres 39/2019 actors, worded as the regulation names them. */
export const ACTORS = {
  custodian: { id: 'Walidata', en: 'Data custodian (Walidata)' },
  custodianStaff: { id: 'Staf Walidata', en: 'Data custodian staff' },
  custodianLead: { id: 'Koordinator Walidata', en: 'Data custodian coordinator' },
  custodianHead: { id: 'Kepala Bidang Statistik', en: 'Head of the statistics division' },
  producer: { id: 'Produsen Data', en: 'Data producer' },
  supervisor: { id: 'Pembina Data', en: 'Data supervisor (Pembina Data)' },
  forum: { id: 'Forum Satu Data', en: 'Satu Data forum' },
  leader: { id: 'Kepala Daerah', en: 'Head of region' },
  user: { id: 'Pengguna Data', en: 'Data user' },
} as const;
