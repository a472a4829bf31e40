import type { Locale } from '../../../kernel/i18n/i18n.js';

/**
 * The pages every government site has, at their Indonesian addresses, with a title in both
 * languages and a starting text shown until the custodian saves one. `{region}` in a text is
 * replaced by the region's name when the page is shown.
 */
export const SITE_PAGE_SLUGS = ['tentang', 'kontak', 'faq', 'privasi', 'ketentuan', 'aksesibilitas'] as const;
export type SitePageSlugName = (typeof SITE_PAGE_SLUGS)[number];

export function isSitePageSlug(s: string): s is SitePageSlugName {
  return (SITE_PAGE_SLUGS as readonly string[]).includes(s);
}

export const SITE_PAGE_TITLES: Record<SitePageSlugName, Record<Locale, string>> = {
  tentang: { id: 'Tentang', en: 'About' },
  kontak: { id: 'Kontak', en: 'Contact' },
  faq: { id: 'Tanya jawab', en: 'FAQ' },
  privasi: { id: 'Kebijakan privasi', en: 'Privacy policy' },
  ketentuan: { id: 'Ketentuan penggunaan', en: 'Terms of use' },
  aksesibilitas: { id: 'Pernyataan aksesibilitas', en: 'Accessibility statement' },
};

/** Starting texts (Markdown), replaced by the custodian's own once saved. */
export const SITE_PAGE_DEFAULTS: Record<SitePageSlugName, Record<Locale, string>> = {
  tentang: {
    id: 'Portal Satu Data {region} menerbitkan data statistik perangkat daerah sesuai **Perpres 39/2019 tentang Satu Data Indonesia**: satu standar data, satu metadata baku, interoperabilitas, dan kode referensi.\n\nData diperiksa oleh Walidata dan Pembina Data (BPS) sebelum terbit.',
    en: 'The One Data portal of {region} publishes the statistics of the regional agencies under **Presidential Regulation 39/2019 on One Data Indonesia**: one data standard, one metadata standard, interoperability and reference codes.\n\nData are checked by the data custodian (Walidata) and the statistics office (BPS) before publication.',
  },
  kontak: {
    id: 'Hubungi Walidata {region} untuk pertanyaan tentang data di portal ini.\n\nWalidata belum mengisi alamat kontaknya.',
    en: 'Contact the data custodian of {region} about the data on this portal.\n\nThe custodian has not filled in its contact details yet.',
  },
  faq: {
    id: '## Apakah data di sini boleh dipakai ulang?\n\nYa, sesuai lisensi yang tertulis di halaman setiap data.\n\n## Bagaimana mengutip data?\n\nGunakan kotak "Kutip data ini" di halaman data.',
    en: '## May I reuse the data here?\n\nYes, under the licence named on each dataset page.\n\n## How do I cite a dataset?\n\nUse the "Cite this dataset" box on the dataset page.',
  },
  privasi: {
    id: 'Portal ini hanya menyimpan alamat surel yang Anda berikan untuk mengikuti data, dan menghapusnya saat Anda berhenti berlangganan. Tidak ada pelacak pihak ketiga.',
    en: 'This portal keeps only the e-mail address you give to follow data, and deletes it when you unsubscribe. There are no third-party trackers.',
  },
  ketentuan: {
    id: 'Data terbuka di portal ini boleh dipakai, dibagikan dan diolah sesuai lisensinya, dengan menyebut sumbernya.',
    en: 'Open data on this portal may be used, shared and adapted under its licence, naming the source.',
  },
  aksesibilitas: {
    id: 'Portal ini dirancang mengikuti **WCAG 2.1 tingkat AA**: dapat dipakai dengan papan ketik dan pembaca layar, tanpa JavaScript, di layar ponsel. Laporkan kendala lewat halaman [Kontak](/kontak).',
    en: 'This portal is designed to meet **WCAG 2.1 level AA**: usable by keyboard and screen reader, without JavaScript, on a phone screen. Report a barrier on the [Contact](/kontak) page.',
  },
};
