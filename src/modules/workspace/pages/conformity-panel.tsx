import { escapeHtml } from '@kitajs/html';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { defineMessages } from '../../../kernel/i18n/i18n.js';
import type { Conformity } from '../../metadata/index.js';

const id = {
  'conformity.title': 'Kesesuaian Satu Data Indonesia',
  'conformity.score': 'Skor kesesuaian: {score} dari 100',
  'conformity.met': 'Terpenuhi',
  'conformity.missing': 'Belum terpenuhi',
  'conformity.na': 'Tidak berlaku',
  'conformity.standard_linked': 'Standar data tertaut',
  'conformity.activity_metadata_complete': 'Metadata kegiatan (MS-Keg) lengkap',
  'conformity.variable_metadata_complete': 'Metadata variabel (MS-Var) untuk setiap kolom',
  'conformity.indicator_metadata_complete': 'Metadata indikator (MS-Ind) lengkap',
  'conformity.open_format': 'Format terbuka yang dapat dibaca mesin',
  'conformity.open_license': 'Lisensi terbuka',
  'conformity.reference_codes_bound': 'Kolom kode terikat ke kode referensi',
  'conformity.reference_codes_valid': 'Kode referensi valid',
  'conformity.classification_set': 'Klasifikasi akses ditetapkan',
};
const en: Record<keyof typeof id, string> = {
  'conformity.title': 'Satu Data Indonesia conformity',
  'conformity.score': 'Conformity score: {score} of 100',
  'conformity.met': 'Met',
  'conformity.missing': 'Missing',
  'conformity.na': 'Not applicable',
  'conformity.standard_linked': 'Data standard linked',
  'conformity.activity_metadata_complete': 'Activity metadata (MS-Keg) complete',
  'conformity.variable_metadata_complete': 'Variable metadata (MS-Var) for every column',
  'conformity.indicator_metadata_complete': 'Indicator metadata (MS-Ind) complete',
  'conformity.open_format': 'Open machine-readable format',
  'conformity.open_license': 'Open license',
  'conformity.reference_codes_bound': 'Coded columns bound to reference codes',
  'conformity.reference_codes_valid': 'Reference codes valid',
  'conformity.classification_set': 'Access classification set',
};

/** Strings of the conformity panel. */
export const ct = defineMessages({ id, en });

/**
 * The SDI checklist for the producer while editing a dataset: the score and each requirement,
 * met or missing, with where. The page passes `datasetConformity(db, id)`.
 */
export function ConformityPanel({ ctx, conformity }: { ctx: PageContext; conformity: Conformity }) {
  const c = (k: keyof typeof id, p: Record<string, string | number> = {}) => ct(ctx.locale, k, p);
  return (
    <section class="conformity" aria-labelledby="conformity-title">
      <h2 safe id="conformity-title">
        {c('conformity.title')}
      </h2>
      <p>
        <meter min="0" max="100" value={String(conformity.score)} aria-hidden="true" />{' '}
        <strong safe>{c('conformity.score', { score: conformity.score })}</strong>
      </p>
      <ul>
        {conformity.checks.map((check) => (
          <li data-check={check.key} data-met={String(check.met)}>
            <strong safe>
              {!check.applicable
                ? c('conformity.na')
                : check.met
                  ? c('conformity.met')
                  : c('conformity.missing')}
            </strong>
            {': '}
            {escapeHtml(c(`conformity.${check.key}`))}
            {' — '}
            <span safe>{ctx.locale === 'en' ? check.detail_en : check.detail_id}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
