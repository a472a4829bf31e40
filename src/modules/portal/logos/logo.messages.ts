import { defineMessages } from '../../../kernel/i18n/i18n.js';

const id = {
  'logo.title': 'Logo daerah dan perangkat daerah',
  'logo.lead':
    'Logo daerah tampil di kepala setiap halaman; logo perangkat daerah di halaman publiknya. PNG, JPEG atau SVG polos, paling besar 512 KB.',
  'logo.region': 'Logo daerah',
  'logo.agencies': 'Logo perangkat daerah',
  'logo.agency': 'Perangkat daerah',
  'logo.file': 'Berkas logo',
  'logo.altId': 'Teks alternatif (Indonesia)',
  'logo.altEn': 'Teks alternatif (Inggris)',
  'logo.altHint': 'Apa yang dibacakan pembaca layar, mis. "Lambang Kabupaten Magetan".',
  'logo.upload': 'Unggah logo',
  'logo.current': 'Logo saat ini',
  'logo.none': 'Belum ada logo.',
  'logo.saved': 'Logo disimpan.',
  'logo.manage': 'Logo daerah dan perangkat daerah',
  'logo.regionAlt': 'Lambang {region}',
} as const;

const en: Record<keyof typeof id, string> = {
  'logo.title': 'Region and agency logos',
  'logo.lead':
    "The region's logo shows in every page header; an agency's logo on its public page. PNG, JPEG or plain SVG, at most 512 KB.",
  'logo.region': "Region's logo",
  'logo.agencies': 'Agency logos',
  'logo.agency': 'Agency',
  'logo.file': 'Logo file',
  'logo.altId': 'Alternative text (Indonesian)',
  'logo.altEn': 'Alternative text (English)',
  'logo.altHint': 'What a screen reader says, e.g. "Emblem of Magetan Regency".',
  'logo.upload': 'Upload logo',
  'logo.current': 'Current logo',
  'logo.none': 'No logo yet.',
  'logo.saved': 'Logo saved.',
  'logo.manage': 'Region and agency logos',
  'logo.regionAlt': 'Emblem of {region}',
};

export type LogoKey = keyof typeof id;
export const logoText = defineMessages<LogoKey>({ id: { ...id }, en });
