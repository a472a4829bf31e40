import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { actionContext } from '../../../kernel/http/request-context.js';
import { t } from '../../../kernel/i18n/i18n.js';
import { catalogPageContext, sendCatalogPage } from '../../catalog/index.js';
import { curationText } from '../curation.messages.js';
import { IndicatorPage, IndicatorsPage } from '../indicators/indicator.page.js';
import { loadKeyIndicators } from '../indicators/key-indicators.js';
import { loadResourcePage } from '../resource/resource.loader.js';
import { ResourcePage } from '../resource/resource.page.js';
import { datasetShareHead } from '../sharing/open-graph.js';

const NAME = /^[A-Za-z0-9_-]{1,100}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Resource pages and the key indicators. */
export async function publicExtrasRoutes(app: FastifyInstance, { config, database, site }: AppDeps) {
  const ctxOf = (req: Parameters<typeof actionContext>[0]) => ({
    ...actionContext(req, database, config.siteUrl),
    datastoreSql: config.datastoreSql,
  });

  app.get('/dataset/:name/resource/:id', async (req, reply) => {
    const { name, id } = req.params as { name: string; id: string };
    if (!NAME.test(name) || !UUID.test(id)) return reply.callNotFound();
    const view = await loadResourcePage(ctxOf(req), req.locale, name, id.toLowerCase(), req.url);
    if (name !== view.dataset.name)
      return reply.redirect(
        `/dataset/${encodeURIComponent(view.dataset.name)}/resource/${view.resource.id}`,
        301,
      );
    const d = view.dataset;
    const title = `${view.resource.name || view.resource.format} · ${d.title}`;
    // Share tags and the canonical URL only for a resource of a dataset the public sees.
    const share =
      d.private || d.state !== 'active'
        ? ''
        : datasetShareHead({
            siteUrl: config.siteUrl,
            siteName: t(req.locale, 'site.tagline', { region: site.regionName }),
            locale: req.locale,
            datasetName: d.name,
            title,
            description: view.resource.description || d.notes,
            path: `/dataset/${encodeURIComponent(d.name)}/resource/${view.resource.id}`,
            imageAlt: curationText(req.locale, 'og.alt', { title: d.title }),
          });
    return sendCatalogPage(reply, ResourcePage({ ctx: catalogPageContext(req, reply, site), view }), share);
  });

  app.get('/indikator', async (req, reply) => {
    const indicators = await loadKeyIndicators(ctxOf(req), req.locale);
    return sendCatalogPage(reply, IndicatorsPage({ ctx: catalogPageContext(req, reply, site), indicators }));
  });

  app.get('/indikator/:name', async (req, reply) => {
    const { name } = req.params as { name: string };
    if (!NAME.test(name)) return reply.callNotFound();
    const [k] = await loadKeyIndicators(ctxOf(req), req.locale, { name });
    if (!k) return reply.callNotFound();
    return sendCatalogPage(reply, IndicatorPage({ ctx: catalogPageContext(req, reply, site), k }));
  });
}
