import type { FormDefinition } from './form.js';
import { MS_KEG_FIELDS_A } from './ms-keg-fields-a.js';
import { MS_KEG_FIELDS_B } from './ms-keg-fields-b.js';

/**
 * MS-Keg (Metadata Statistik – Kegiatan), Peraturan BPS 5/2020: the blocks and questions of
 * BPS's form in its order and wording (see ../shared/STANDARDS.md §3.1), plus the Romantik
 * recommendation and the BPS activity code, which live in columns of statistical_activity.
 */

export { ESTIMATION_LEVELS, RECOMMENDATION_STATUSES, UNITS } from './ms-keg-vocabularies.js';

export const MS_KEG: FormDefinition = {
  key: 'ms_keg',
  title: { id: 'Metadata Statistik Kegiatan (MS-Keg)', en: 'Statistical activity metadata (MS-Keg)' },
  blocks: [
    { key: 'identitas', no: '', label: { id: 'Identitas Kegiatan', en: 'Activity identity' } },
    { key: 'penyelenggara', no: 'I', label: { id: 'Penyelenggara', en: 'Organiser' } },
    { key: 'penanggung_jawab', no: 'II', label: { id: 'Penanggung Jawab', en: 'Person in charge' } },
    {
      key: 'perencanaan',
      no: 'III',
      label: { id: 'Perencanaan dan Persiapan', en: 'Planning and preparation' },
    },
    { key: 'desain_kegiatan', no: 'IV', label: { id: 'Desain Kegiatan', en: 'Activity design' } },
    { key: 'desain_sampel', no: 'V', label: { id: 'Desain Sampel', en: 'Sample design' } },
    { key: 'penjaminan_kualitas', no: 'VI', label: { id: 'Penjaminan Kualitas', en: 'Quality assurance' } },
    { key: 'pengolahan', no: 'VII', label: { id: 'Pengolahan dan Analisis', en: 'Processing and analysis' } },
    { key: 'diseminasi', no: 'VIII', label: { id: 'Diseminasi Hasil', en: 'Dissemination of results' } },
  ],
  fields: [...MS_KEG_FIELDS_A, ...MS_KEG_FIELDS_B],
};
