import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { actionContext } from '../../../kernel/http/request-context.js';
import { t } from '../../../kernel/i18n/i18n.js';
import {
  CATALOG_CSS_PATH,
  catalogPageContext,
  countDatasetView,
  countPortalUse,
  flushDatasetViews,
  parseSearchState,
  sendCatalogPage,
} from '../../catalog/index.js';
import { rdfFormatFromAccept, sendDatasetRdf } from '../../linked-data/index.js';
import { loadRelated } from '../collections/curation.loader.js';
import { curationText } from '../curation.messages.js';
import { loadAgencyLogo } from '../logos/logo.loader.js';
import { loadSearchHelp } from '../search/search-help.js';
import { datasetShareHead } from '../sharing/open-graph.js';
import { loadDatasetPage } from './dataset.loader.js';
import { DatasetPage, datasetHead } from './dataset.page.js';
import { loadDatasetExtras } from './dataset-extras.loader.js';
import { DatasetSearchPage, loadSearch } from './dataset-search.page.js';
import { GroupPage, GroupsPage, loadTopic, loadTopics } from './groups.page.js';
import {
  loadOrganization,
  loadOrganizations,
  OrganizationPage,
  OrganizationsPage,
} from './organizations.page.js';
import { buildSitemap, robotsTxt } from './sitemap.js';

const CSS_FILE = new URL('../../catalog/pages/components/catalog.css', import.meta.url);
/** Feed autodiscovery in a page's head (the path is built from a checked slug, percent-encoded). */
const atomLink = (path: string) => `<link rel="alternate" type="application/atom+xml" href="${path}" />`;

/** Dataset, agency and topic names (slugs) or ids; anything else cannot name a page. */
const NAME = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * The public catalog: search, dataset pages, agencies, topics, sitemap and robots.txt. Every
 * read runs an action with the reader's context, so the one policy decides what is visible.
 */
export async function catalogRoutes(app: FastifyInstance, deps: AppDeps) {
  const { config, database, site } = deps;
  const css = await readFile(CSS_FILE, 'utf8');
  const ctxOf = (req: Parameters<typeof actionContext>[0]) => actionContext(req, database, config.siteUrl);

  app.get(CATALOG_CSS_PATH, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css),
  );

  app.addHook('onClose', () => flushDatasetViews(database.db));
  /** Anonymous repeat views come from the page cache; a dataset page served from it still counts. */
  const cached = { config: { pageCache: {} } };
  const datasetPageCache = {
    config: {
      pageCache: {
        // The page, or its DCAT in the RDF format an `Accept` header asks for.
        variant: (req: FastifyRequest) => rdfFormatFromAccept(req.headers.accept) ?? 'html',
        onHit: (req: FastifyRequest, datasetId: string | undefined) => {
          if (!datasetId) return;
          countDatasetView(database.db, datasetId);
          countPortalUse(database.db, req, datasetId, 'view');
        },
      },
    },
  };

  app.get('/dataset', cached, async (req, reply) => {
    const state = parseSearchState(req.query);
    const view = await loadSearch(ctxOf(req), req.locale, state, { basePath: '/dataset' });
    if (!view.error) view.help = await loadSearchHelp(database.db, req.locale, state.q, view.count);
    return sendCatalogPage(reply, DatasetSearchPage({ ctx: catalogPageContext(req, reply, site), view }));
  });

  app.get('/dataset/:name', datasetPageCache, async (req, reply) => {
    const { name } = req.params as { name: string };
    if (!NAME.test(name)) return reply.callNotFound();
    // Linked-data clients asking for RDF in `Accept` get the dataset's DCAT (as ckanext-dcat).
    reply.header('Vary', 'Accept');
    const rdf = rdfFormatFromAccept(req.headers.accept);
    if (rdf) return sendDatasetRdf(req, reply, deps, name, rdf);
    const view = await loadDatasetPage(ctxOf(req), req.locale, name, config.siteUrl, req.url);
    const canonical = view.dict.name;
    if (name !== canonical) return reply.redirect(`/dataset/${encodeURIComponent(canonical)}`, 301);
    // Views count page reads only (not HEAD, not the API or the RDF forms).
    if (req.method === 'GET') {
      countDatasetView(database.db, view.dict.id);
      countPortalUse(database.db, req, view.dict.id, 'view');
    }
    req.pageCacheTag = view.dict.id;
    const publisher = t(req.locale, 'site.tagline', { region: site.regionName });
    const extras =
      view.isPrivate || view.isDraft
        ? null
        : await loadDatasetExtras(database.db, req.locale, view.dict, publisher, config.siteUrl);
    const related = extras ? await loadRelated(database.db, view.dict.id) : [];
    const page = DatasetPage({ ctx: catalogPageContext(req, reply, site), view, extras, related });
    // Share tags and the canonical URL only for a dataset the public sees.
    const share = extras
      ? datasetShareHead({
          siteUrl: config.siteUrl,
          siteName: publisher,
          locale: req.locale,
          datasetName: view.dict.name,
          title: view.dict.title,
          description: view.dict.notes,
          imageAlt: curationText(req.locale, 'og.alt', { title: view.dict.title }),
        })
      : '';
    return sendCatalogPage(reply, page, datasetHead(view, config.siteUrl) + share);
  });

  app.get('/organization', cached, async (req, reply) => {
    const agencies = await loadOrganizations(ctxOf(req));
    return sendCatalogPage(reply, OrganizationsPage({ ctx: catalogPageContext(req, reply, site), agencies }));
  });

  app.get('/organization/:name', cached, async (req, reply) => {
    const { name } = req.params as { name: string };
    if (!NAME.test(name)) return reply.callNotFound();
    const data = await loadOrganization(ctxOf(req), req.locale, name, parseSearchState(req.query));
    const logo = await loadAgencyLogo(database.db, req.locale, data.agency.code);
    const page = OrganizationPage({ ctx: catalogPageContext(req, reply, site), ...data, logo });
    return sendCatalogPage(
      reply,
      page,
      atomLink(`/feeds/organization/${encodeURIComponent(data.agency.code)}.atom`),
    );
  });

  app.get('/group', cached, async (req, reply) => {
    const topics = await loadTopics(ctxOf(req), req.locale);
    return sendCatalogPage(reply, GroupsPage({ ctx: catalogPageContext(req, reply, site), topics }));
  });

  app.get('/group/:name', cached, async (req, reply) => {
    const { name } = req.params as { name: string };
    if (!NAME.test(name)) return reply.callNotFound();
    const data = await loadTopic(ctxOf(req), req.locale, name, parseSearchState(req.query));
    const page = GroupPage({ ctx: catalogPageContext(req, reply, site), ...data });
    return sendCatalogPage(reply, page, atomLink(`/feeds/group/${encodeURIComponent(data.topic.name)}.atom`));
  });

  app.get('/sitemap.xml', async (req, reply) =>
    reply.type('application/xml; charset=utf-8').send(await buildSitemap(ctxOf(req), config.siteUrl)),
  );

  app.get('/robots.txt', async (_req, reply) =>
    reply.type('text/plain; charset=utf-8').send(robotsTxt(config.siteUrl)),
  );
}
