import { Layout } from '../../../kernel/http/layout.js';
import type { Locale } from '../../../kernel/i18n/i18n.js';
import { Breadcrumb, type CatalogPageContext } from '../../catalog/index.js';
import { sparklinePoints } from '../domain/indicator-series.js';
import { portalText } from '../portal.messages.js';
import type { KeyIndicatorView } from './key-indicators.js';

const num = (locale: Locale, v: number) =>
  new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID').format(v);
const signed = (locale: Locale, v: number) => `${v > 0 ? '+' : ''}${num(locale, v)}`;
const withUnit = (text: string, unit: string) => (unit ? `${text} ${unit}` : text);

/** One indicator: latest value, change, sparkline (with a text alternative), source and links. */
export function IndicatorCard({ ctx, k }: { ctx: CatalogPageContext; k: KeyIndicatorView }) {
  const L = ctx.locale;
  const pt = (key: Parameters<typeof portalText>[1], p: Record<string, string> = {}) => portalText(L, key, p);
  const { latest, previous, change, points } = k.series;
  const line = sparklinePoints(points);
  const trend = pt('indicators.trend', {
    title: k.title,
    values: points.map((p) => `${p.period}: ${num(L, p.value)}`).join(', '),
  });
  return (
    <li class="indicator-card">
      <h3 class="entity-title">
        <a href={`/indikator/${encodeURIComponent(k.name)}`} safe>
          {k.title}
        </a>
      </h3>
      {latest ? (
        <p class="indicator-value">
          <strong safe>{withUnit(num(L, latest.value), k.unit)}</strong>{' '}
          <small safe>{pt('indicators.latest', { period: latest.period })}</small>
        </p>
      ) : (
        ''
      )}
      <p safe class="indicator-change">
        {previous && change !== null
          ? pt('indicators.change', { period: previous.period, change: withUnit(signed(L, change), k.unit) })
          : pt('indicators.noPrevious')}
      </p>
      {line ? (
        <svg class="sparkline" width="120" height="32" viewBox="0 0 120 32" role="img" aria-label={trend}>
          <polyline points={line} fill="none" stroke="currentColor" stroke-width="2" />
        </svg>
      ) : (
        ''
      )}
      <p safe class="indicator-source">
        {pt('indicators.source', { agency: k.agency })}
      </p>
      <a class="see-all" href={`/dataset/${encodeURIComponent(k.datasetName)}`} safe>
        {pt('indicators.data')}
      </a>
    </li>
  );
}

/** GET /indikator — every key indicator. */
export function IndicatorsPage({
  ctx,
  indicators,
}: {
  ctx: CatalogPageContext;
  indicators: KeyIndicatorView[];
}) {
  const pt = (key: Parameters<typeof portalText>[1]) => portalText(ctx.locale, key);
  return (
    <Layout ctx={ctx} title={pt('indicators.title')}>
      <h1 safe>{pt('indicators.title')}</h1>
      <p safe class="hero-lead">
        {pt('indicators.lead')}
      </p>
      {indicators.length ? (
        <ul class="entity-grid indicator-grid">
          {indicators.map((k) => (
            <IndicatorCard ctx={ctx} k={k} />
          ))}
        </ul>
      ) : (
        <p safe class="empty">
          {pt('indicators.none')}
        </p>
      )}
    </Layout>
  );
}

/** GET /indikator/:name — one indicator: its card, MS-Ind definition and the values by period. */
export function IndicatorPage({ ctx, k }: { ctx: CatalogPageContext; k: KeyIndicatorView }) {
  const L = ctx.locale;
  const pt = (key: Parameters<typeof portalText>[1]) => portalText(L, key);
  return (
    <Layout ctx={ctx} title={k.title}>
      <Breadcrumb ctx={ctx} links={[{ href: '/indikator', text: pt('indicators.title') }]} />
      <h1 safe>{k.title}</h1>
      <ul class="entity-grid indicator-grid">
        <IndicatorCard ctx={ctx} k={k} />
      </ul>
      {k.definition ? (
        <section aria-labelledby="definition-title">
          <h2 id="definition-title" safe>
            {pt('indicators.definition')}
          </h2>
          <p safe>{k.definition}</p>
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="history-title">
        <h2 id="history-title" safe>
          {pt('indicators.history')}
        </h2>
        <table class="meta-table">
          <thead>
            <tr>
              <th scope="col" safe>
                {pt('indicators.period')}
              </th>
              <th scope="col" safe>
                {pt('indicators.value')}
              </th>
            </tr>
          </thead>
          <tbody>
            {k.series.points.map((p) => (
              <tr>
                <td safe>{p.period}</td>
                <td safe>{withUnit(num(L, p.value), k.unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p>
        <a href={`/dataset/${encodeURIComponent(k.datasetName)}`} safe>
          {k.datasetTitle}
        </a>
      </p>
    </Layout>
  );
}
