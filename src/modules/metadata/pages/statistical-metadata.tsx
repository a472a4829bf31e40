import type { Locale } from '../../../kernel/i18n/i18n.js';
import type { PackageDict } from '../../catalog/index.js';
import { STANDARD_SOURCE_KINDS, type StandardSourceKind } from '../domain/data-standard.js';
import type { FormDefinition } from '../domain/form.js';
import { displayValue, type FormValues, hasAnswer } from '../domain/form-values.js';
import { MS_IND } from '../domain/ms-ind.js';
import { MS_KEG, RECOMMENDATION_STATUSES } from '../domain/ms-keg.js';
import { MS_VAR } from '../domain/ms-var.js';
import { smt } from './statistical-metadata.messages.js';

export type Row = [string, string];

export function Pairs({ rows }: { rows: Row[] }) {
  const shown = rows.filter(([, v]) => v !== '');
  if (shown.length === 0) return '';
  return (
    <dl class="metadata-pairs">
      {shown.map(([k, v]) => (
        <>
          <dt safe>{k}</dt>
          <dd safe>{v}</dd>
        </>
      ))}
    </dl>
  );
}

/** The answered fields of a form, block by block, with BPS's labels in the reader's language. */
export function FormAnswers({
  def,
  values,
  locale,
}: {
  def: FormDefinition;
  values: FormValues;
  locale: Locale;
}) {
  return (
    <>
      {def.blocks.map((b) => {
        const rows: Row[] = def.fields
          .filter((f) => f.block === b.key && hasAnswer(values[f.key]))
          .map((f) => [f.label[locale], displayValue(f, values[f.key], locale)]);
        if (rows.length === 0) return '';
        return (
          <details>
            <summary safe>{b.no ? `${b.no}. ${b.label[locale]}` : b.label[locale]}</summary>
            <Pairs rows={rows} />
          </details>
        );
      })}
    </>
  );
}

const VARIABLE_COLUMNS = [
  'nama_variabel',
  'alias',
  'tipe_data',
  'definisi',
  'konsep',
  'satuan',
  'aksesibilitas_publik',
] as const;

/**
 * The MS-Var table as a reader sees it (issue #17 item 7): one row per distinct variable (the
 * same column in several tables of a dataset, a yearly file each, is listed once), no alias that
 * repeats the name, and no column that is empty in every row.
 */
export function variableTable(
  variables: readonly { ms_var: FormValues }[],
  locale: Locale,
): { headers: string[]; rows: string[][] } {
  const fields = VARIABLE_COLUMNS.flatMap((k) => MS_VAR.fields.filter((f) => f.key === k));
  // An alias equal to the name (a column without a label) says the same thing twice: left blank.
  const all = variables.map((v) =>
    fields.map((f) => {
      const value = displayValue(f, v.ms_var[f.key], locale);
      return f.key === 'alias' && value === displayValue(f, v.ms_var.nama_variabel, locale) ? '' : value;
    }),
  );
  const seen = new Set<string>();
  const unique = all.filter((r) => {
    const key = JSON.stringify(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const kept = fields.map((_f, i) => unique.some((r) => r[i] !== '')).flatMap((k, i) => (k ? [i] : []));
  return {
    headers: kept.map((i) => fields[i]?.label[locale] ?? ''),
    rows: unique.map((r) => kept.map((i) => r[i] ?? '')),
  };
}

/**
 * The public, readable form of a dataset's statistical metadata (from package_show's
 * `sdi_metadata`): the data standard, the activity (MS-Keg), every column (MS-Var) and every
 * indicator (MS-Ind). Nothing is shown when the dataset has none.
 */
export function StatisticalMetadataSection({ locale, dict }: { locale: Locale; dict: PackageDict }) {
  const m = dict.sdi_metadata;
  const t = (k: Parameters<typeof smt>[1], p?: Record<string, string | number>) => smt(locale, k, p);
  if (!m.data_standard && !m.statistical_activity && m.variables.length === 0 && m.indicators.length === 0)
    return '';
  const s = m.data_standard;
  const a = m.statistical_activity;
  const status = RECOMMENDATION_STATUSES.find((r) => r.code === a?.recommendation_status);
  const vars = variableTable(m.variables, locale);
  return (
    <section aria-labelledby="sdi-metadata-title" class="statistical-metadata">
      <h2 safe id="sdi-metadata-title">
        {t('sm.title')}
      </h2>
      {s ? (
        <>
          <h3 safe>{`${t('sm.standard')}: ${s.title} (${t('sm.version', { version: s.version })})`}</h3>
          <Pairs
            rows={[
              [t('sm.sdsn'), s.sdsn_code ?? ''],
              [t('sm.concept'), s.concept],
              [t('sm.definition'), s.definition],
              [t('sm.classification'), s.classification],
              [t('sm.measure'), s.measure],
              [t('sm.unit'), s.unit],
              [
                t('sm.source'),
                [
                  STANDARD_SOURCE_KINDS[s.source_kind as StandardSourceKind]?.[locale] ?? s.source_kind,
                  s.source_reference,
                ]
                  .filter(Boolean)
                  .join(' · '),
              ],
            ]}
          />
        </>
      ) : (
        ''
      )}
      {a ? (
        <>
          <h3 safe>{`${t('sm.activity')}: ${a.title}`}</h3>
          <Pairs
            rows={[
              [t('sm.activityCode'), a.activity_code ?? ''],
              [
                t('sm.recommendation'),
                [status?.[locale] ?? '', a.recommendation_number ?? '', a.recommendation_date ?? '']
                  .filter(Boolean)
                  .join(' · '),
              ],
            ]}
          />
          <FormAnswers
            def={{ ...MS_KEG, fields: MS_KEG.fields.filter((f) => f.key !== 'judul_kegiatan') }}
            values={a.ms_keg}
            locale={locale}
          />
        </>
      ) : (
        ''
      )}
      {m.variables.length ? (
        <>
          <h3 safe>{t('sm.variables')}</h3>
          <div class="table-wrap" tabindex="0">
            <table>
              <thead>
                <tr>
                  {vars.headers.map((h) => (
                    <th scope="col" safe>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {vars.rows.map((r) => (
                  <tr>
                    {r.map((cell) => (
                      <td safe>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        ''
      )}
      {m.indicators.length ? (
        <>
          <h3 safe>{t('sm.indicators')}</h3>
          {m.indicators.map((i) => (
            <>
              <h4 safe>{i.name}</h4>
              <FormAnswers def={MS_IND} values={i.ms_ind} locale={locale} />
            </>
          ))}
        </>
      ) : (
        ''
      )}
    </section>
  );
}
