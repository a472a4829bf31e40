import type { DataRequestOutcome } from '../../kernel/db/schema/data-requests.js';
import type { Bilingual } from '../../kernel/errors.js';

/** The outcomes of a request in plain words (staff choose them; the requester reads them). */
export const OUTCOME_TEXT: Record<DataRequestOutcome, Bilingual> = {
  delivered_file: { id: 'data dikirim sebagai berkas', en: 'data sent as a file' },
  delivered_dataset: { id: 'data tersedia sebagai dataset terbuka', en: 'data available as an open dataset' },
  not_held: { id: 'data tidak dikuasai pemerintah daerah', en: 'the data is not held by the region' },
  exempt: { id: 'informasi yang dikecualikan', en: 'exempt information' },
  not_yet_produced: {
    id: 'data belum dihasilkan; diusulkan masuk daftar data tahun depan',
    en: 'the data is not yet produced; proposed for next year’s data list',
  },
};
