import type { SiteInfo } from '../../../kernel/http/page-context.js';
import { publicShareHead } from '../../../kernel/http/share-head.js';
import type { Locale } from '../../../kernel/i18n/i18n.js';
import type { RenderedChart } from '../charts.js';
import type { PublicationView } from '../publication.repository.js';

/** The chart PNG (`/grafik/:name.png`) is the 800×450 chart drawn at twice its size. */
const CHART_PNG = { imageWidth: 1600, imageHeight: 900 };

/**
 * Open Graph / Twitter card tags of a chart's page, with its PNG as the preview: only when the
 * chart's dataset is public (a staff-only chart gets no card). `number` is the fixed version the
 * page was asked for, if any.
 */
export function chartShareHead(
  siteUrl: string,
  site: SiteInfo,
  locale: Locale,
  chart: RenderedChart,
  number?: number,
): string {
  if (!chart.dataset.public) return '';
  const path = `/grafik/${chart.name}${number ? `/v/${chart.number}` : ''}`;
  return publicShareHead(siteUrl, site, locale, {
    path,
    title: chart.spec.title,
    description: chart.description,
    imagePath: `${path}.png`,
    ...CHART_PNG,
  });
}

/**
 * Card tags of a publication's page, once it is published: its narrative as the description and
 * its first public chart as the preview.
 */
export function publicationShareHead(
  siteUrl: string,
  site: SiteInfo,
  locale: Locale,
  p: PublicationView,
  charts: RenderedChart[],
): string {
  if (!p.published_at) return '';
  const chart = charts.find((c) => c.dataset.public);
  return publicShareHead(siteUrl, site, locale, {
    path: `/publikasi/${p.name}`,
    title: (locale === 'en' && p.title_en) || p.title,
    description: (locale === 'en' && p.narrative_en) || p.narrative,
    imagePath: chart ? `/grafik/${chart.name}.png` : undefined,
    ...CHART_PNG,
    type: 'article',
  });
}
