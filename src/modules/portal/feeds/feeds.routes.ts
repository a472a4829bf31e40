import type { FastifyInstance, FastifyReply } from 'fastify';
import { ANONYMOUS } from '../../../kernel/access/policy.js';
import type { ActionContext } from '../../../kernel/actions/context.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { PackageSearchSchema, runPackageSearch } from '../../catalog/index.js';
import { type PortalKey, portalText } from '../portal.messages.js';
import { atomFeed } from './atom-feed.js';

const NAME = /^[A-Za-z0-9_-]{1,100}$/;
const TAG = /^[^"\\]{1,100}$/;
const ENTRIES = 20;

/**
 * Atom feeds at CKAN's addresses. Every feed searches as the anonymous public, whoever asks: a
 * feed is read by aggregators and shared, so it never carries what only a signed-in reader sees
 * (private, draft or closed data), exactly the visibility of public search.
 */
export async function feedsRoutes(app: FastifyInstance, { config, database, site }: AppDeps) {
  const ctx: ActionContext = {
    db: database.db,
    actor: ANONYMOUS,
    requestId: null,
    ip: null,
    siteUrl: config.siteUrl,
  };

  async function send(
    reply: FastifyReply,
    locale: 'id' | 'en',
    selfPath: string,
    title: [PortalKey, Record<string, string>],
    search: Record<string, unknown>,
  ) {
    const input = PackageSearchSchema.parse({
      sort: 'metadata_modified desc',
      rows: ENTRIES,
      facet: false,
      ...search,
    });
    const result = await runPackageSearch(ctx, input);
    const xml = atomFeed({
      title: portalText(locale, title[0], { site: site.regionName, ...title[1] }),
      siteUrl: config.siteUrl,
      selfPath,
      language: locale,
      datasets: result.results,
    });
    return reply
      .type('application/atom+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(xml);
  }

  /** `/feeds/<kind>/<name>.atom`: the name before `.atom`, or null. */
  const nameOf = (file: string, re: RegExp) => {
    const name = file.endsWith('.atom') ? decodeURIComponent(file.slice(0, -5)) : '';
    return re.test(name) ? name : null;
  };

  app.get('/feeds/dataset.atom', async (req, reply) =>
    send(reply, req.locale, '/feeds/dataset.atom', ['feeds.title', {}], {}),
  );

  const scoped = [
    ['organization', 'feeds.organization', NAME],
    ['group', 'feeds.group', NAME],
    ['tag', 'feeds.tag', TAG],
  ] as const;
  for (const [kind, key, re] of scoped) {
    const field = kind === 'organization' ? 'organization' : kind === 'group' ? 'groups' : 'tags';
    app.get(`/feeds/${kind}/:file`, async (req, reply) => {
      const name = nameOf((req.params as { file: string }).file, re);
      if (!name) return reply.callNotFound();
      const path = `/feeds/${kind}/${encodeURIComponent(name)}.atom`;
      return send(reply, req.locale, path, [key, { name }], { fq: `${field}:"${name}"` });
    });
  }

  // CKAN's custom feed: the search page's `q` and its field filters.
  app.get('/feeds/custom.atom', async (req, reply) => {
    const query = req.query as Record<string, unknown>;
    const q = typeof query.q === 'string' ? query.q.slice(0, 500) : '';
    const fq = ['organization', 'groups', 'tags', 'res_format']
      .filter((f) => typeof query[f] === 'string' && TAG.test(query[f] as string))
      .map((f) => `${f}:"${query[f]}"`)
      .join(' ');
    const self = `/feeds/custom.atom?q=${encodeURIComponent(q)}`;
    return send(reply, req.locale, self, ['feeds.custom', { q }], { q, ...(fq ? { fq } : {}) });
  });
}
