import { Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { formatDateTime } from '../../../kernel/i18n/i18n.js';
import { STANDARD_SOURCE_KINDS, type StandardSourceKind } from '../domain/data-standard.js';
import { MS_KEG, RECOMMENDATION_STATUSES } from '../domain/ms-keg.js';
import type { ActivityView, StandardVersionView, StandardView } from './metadata.views.js';
import { FormAnswers, Pairs } from './statistical-metadata.js';
import { smt } from './statistical-metadata.messages.js';

/**
 * The public page of a data standard (`/standar-data/:name`), the URI DCAT's dct:conformsTo
 * names: its content in the current version and the list of versions.
 */
export function StandardPublicPage({
  ctx,
  standard: s,
  versions,
}: {
  ctx: PageContext;
  standard: StandardView;
  versions: StandardVersionView[];
}) {
  const t = (k: Parameters<typeof smt>[1], p?: Record<string, string | number>) => smt(ctx.locale, k, p);
  return (
    <Layout ctx={ctx} title={s.title}>
      <h1 safe>{`${t('sm.standard')}: ${s.title}`}</h1>
      <p safe>{t('sm.version', { version: s.version })}</p>
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
              STANDARD_SOURCE_KINDS[s.source_kind as StandardSourceKind]?.[ctx.locale] ?? s.source_kind,
              s.source_reference,
            ]
              .filter(Boolean)
              .join(' · '),
          ],
        ]}
      />
      <ul>
        {versions.map((v) => (
          <li
            safe
          >{`${t('sm.version', { version: v.version })} · ${formatDateTime(ctx.locale, v.created_at, ctx.timeZone)}`}</li>
        ))}
      </ul>
    </Layout>
  );
}

/** The public page of a statistical activity (`/kegiatan-statistik/:id`, DCAT's prov:wasGeneratedBy). */
export function ActivityPublicPage({ ctx, activity: a }: { ctx: PageContext; activity: ActivityView }) {
  const t = (k: Parameters<typeof smt>[1]) => smt(ctx.locale, k);
  const status = RECOMMENDATION_STATUSES.find((r) => r.code === a.recommendation_status);
  return (
    <Layout ctx={ctx} title={a.title}>
      <h1 safe>{`${t('sm.activity')}: ${a.title}`}</h1>
      <Pairs
        rows={[
          [t('sm.activityCode'), a.activity_code ?? ''],
          [
            t('sm.recommendation'),
            [status?.[ctx.locale] ?? '', a.recommendation_number ?? '', a.recommendation_date ?? '']
              .filter(Boolean)
              .join(' · '),
          ],
        ]}
      />
      <FormAnswers
        def={{ ...MS_KEG, fields: MS_KEG.fields.filter((f) => f.key !== 'judul_kegiatan') }}
        values={a.ms_keg}
        locale={ctx.locale}
      />
    </Layout>
  );
}
