import { ANONYMOUS } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import type { ActionContext } from '../../../kernel/actions/context.js';
import { ACTION_REGISTRY } from '../../../kernel/actions/registry.js';
import type { Locale } from '../../../kernel/i18n/i18n.js';
import { type IndicatorSeries, indicatorSeries } from '../domain/indicator-series.js';
import { listKeyIndicators } from '../public-data.repository.js';

export interface KeyIndicatorView {
  name: string;
  title: string;
  unit: string;
  definition: string;
  datasetName: string;
  datasetTitle: string;
  resourceId: string;
  agency: string;
  series: IndicatorSeries;
}

/** Rows read per indicator: enough periods for a sparkline of a table by district and year. */
const ROWS = 1000;

/**
 * The key indicators with their series, read through `datastore_search` as the anonymous public
 * (so a closed column or a hidden dataset yields nothing, whoever looks at the page).
 */
export async function loadKeyIndicators(
  actx: ActionContext,
  locale: Locale,
  opts: { featuredOnly?: boolean; name?: string } = {},
): Promise<KeyIndicatorView[]> {
  const search = ACTION_REGISTRY.datastore_search;
  if (!search) return [];
  const publicCtx: ActionContext = { ...actx, actor: ANONYMOUS };
  const rows = await listKeyIndicators(actx.db, opts);
  const views: KeyIndicatorView[] = [];
  for (const k of rows) {
    const result = (await executeAction(publicCtx, search, {
      resource_id: k.resource_id,
      fields: [k.period_field, k.value_field].join(','),
      limit: ROWS,
      include_total: false,
    }).catch(() => null)) as { records?: Record<string, unknown>[] } | null;
    if (!result?.records) continue;
    views.push({
      name: k.name,
      title: locale === 'en' ? k.title_en : k.title,
      unit: k.unit,
      definition: k.definition,
      datasetName: k.dataset_name,
      datasetTitle: k.dataset_title,
      resourceId: k.resource_id,
      agency: k.agency_name,
      series: indicatorSeries(result.records, k.period_field, k.value_field),
    });
  }
  return views;
}
