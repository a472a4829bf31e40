import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ANONYMOUS } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import { formBody, formFailure, textField } from '../../../kernel/http/admin-form.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { actionContext, redirectAfterPost } from '../../../kernel/http/request-context.js';
import { t } from '../../../kernel/i18n/i18n.js';
import { catalogPageContext, packageShow, sendCatalogPage } from '../../catalog/index.js';
import { CollectionPage, CollectionsPage } from '../collections/collection.page.js';
import { loadCollection, loadCollections } from '../collections/curation.loader.js';
import { SITE_PAGE_SLUGS } from '../domain/site-pages.js';
import { renderPreviewPng } from '../sharing/preview-image.js';
import { contactMessageSend } from '../site-pages/contact-message-send.js';
import { loadSitePage } from '../site-pages/site-page.loader.js';
import { type ContactFormView, SitePage } from '../site-pages/site-page.page.js';

const NAME = /^[A-Za-z0-9_-]{1,100}$/;
/** The same limit as the other public forms (follow): a few posts a minute per address. */
const PUBLIC_FORM = { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } };
const EMPTY_CONTACT = { name: '', email: '', body: '' };

/** Collections, the government pages and the datasets' share preview images. */
export async function curationRoutes(app: FastifyInstance, { config, database, site }: AppDeps) {
  const db = database.db;

  app.get('/koleksi', async (req, reply) => {
    const items = await loadCollections(db, req.locale);
    return sendCatalogPage(reply, CollectionsPage({ ctx: catalogPageContext(req, reply, site), items }));
  });

  app.get('/koleksi/:name', async (req, reply) => {
    const { name } = req.params as { name: string };
    if (!NAME.test(name)) return reply.callNotFound();
    const view = await loadCollection(db, req.locale, name);
    return sendCatalogPage(reply, CollectionPage({ ctx: catalogPageContext(req, reply, site), view }));
  });

  async function sendSitePage(
    req: FastifyRequest,
    reply: FastifyReply,
    slug: (typeof SITE_PAGE_SLUGS)[number],
    contact?: ContactFormView,
    status = 200,
  ) {
    const view = await loadSitePage(db, req.locale, slug, site.regionName);
    reply.code(status);
    return sendCatalogPage(reply, SitePage({ ctx: catalogPageContext(req, reply, site), view, contact }));
  }

  for (const slug of SITE_PAGE_SLUGS)
    app.get(`/${slug}`, (req, reply) =>
      sendSitePage(
        req,
        reply,
        slug,
        slug === 'kontak'
          ? {
              values: EMPTY_CONTACT,
              sent: (req.query as { sent?: string }).sent === '1',
            }
          : undefined,
      ),
    );

  app.post('/kontak', PUBLIC_FORM, async (req, reply) => {
    const b = formBody(req.body);
    const values = { name: textField(b, 'name'), email: textField(b, 'email'), body: textField(b, 'body') };
    // The honeypot: a field people never see; a bot that fills it is told "sent" and nothing is kept.
    if (textField(b, 'website')) return redirectAfterPost(reply, '/kontak?sent=1');
    try {
      await executeAction(actionContext(req, database, config.siteUrl), contactMessageSend, {
        ...values,
        locale: req.locale,
      });
    } catch (err) {
      const f = formFailure(err, req.locale, 'email');
      return sendSitePage(req, reply, 'kontak', { values, errors: f.errors }, f.status);
    }
    return redirectAfterPost(reply, '/kontak?sent=1');
  });

  // The share card of a dataset, read as the anonymous public: a private or draft dataset is 404
  // here whoever asks, so the image can never show what the public may not see.
  app.get('/dataset/:name/preview.png', async (req: FastifyRequest, reply) => {
    const { name } = req.params as { name: string };
    if (!NAME.test(name)) return reply.callNotFound();
    const actx = { ...actionContext(req, database, config.siteUrl), actor: ANONYMOUS };
    const dict = await executeAction(actx, packageShow, { id: name });
    if (!dict || dict.private || dict.state !== 'active') return reply.callNotFound();
    const formats = [...new Set(dict.resources.map((r) => r.format.toUpperCase()).filter(Boolean))];
    const png = renderPreviewPng({
      site: t(req.locale, 'site.tagline', { region: site.regionName }),
      title: dict.title,
      subtitle: [dict.organization.title, formats.join(', ')].filter(Boolean).join(' · '),
    });
    return reply.type('image/png').header('cache-control', 'public, max-age=3600').send(png);
  });
}
