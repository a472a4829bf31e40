import type {} from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { executeAction } from '../../../kernel/actions/action.js';
import type { StoredLogo } from '../../../kernel/db/schema/portal.js';
import { authorizeAny, formFailure, sendPage } from '../../../kernel/http/admin-form.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext, redirectAfterPost } from '../../../kernel/http/request-context.js';
import { LOGO_MAX_BYTES } from '../domain/logo-file.js';
import { logoText } from './logo.messages.js';
import { LogoAdminPage, type LogoAdminView } from './logo.page.js';
import { findAgencyLogo, findRegionLogo, listAgencyLogos } from './logo.repository.js';
import { portalLogoSave } from './logo-save.js';

const CODE = /^[A-Za-z0-9_-]{1,100}$/;

/** What the upload form sent: its fields, and the file's first LOGO_MAX_BYTES + 1 bytes. */
async function readLogoForm(req: FastifyRequest) {
  const fields: Record<string, string> = {};
  let file = Buffer.alloc(0);
  if (!req.isMultipart()) return { fields, file };
  for await (const part of req.parts()) {
    if (part.type === 'field') {
      if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      continue;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      if (size <= LOGO_MAX_BYTES) chunks.push(chunk);
      size += chunk.length;
    }
    // One byte over the limit is enough for the check to refuse it by size.
    file = Buffer.concat(chunks).subarray(0, LOGO_MAX_BYTES + 1);
  }
  return { fields, file };
}

/**
 * The logos (issue #18 item 6): the administrator's page (`/admin/portal/logo`) and the files as
 * served (`/logo/region`, `/logo/agency/:code`). An SVG is served with a CSP that runs nothing,
 * besides having been checked before it was stored.
 */
export async function logoRoutes(app: FastifyInstance, { database, site, files }: AppDeps) {
  const db = database.db;

  async function render(req: FastifyRequest, reply: FastifyReply, failed?: LogoAdminView['failed']) {
    authorizeAny(req.actor, ['portal:manage', 'agency:update']);
    const alt = (logo: StoredLogo) => (req.locale === 'en' ? logo.alt_en : logo.alt_id);
    const [region, agencies] = await Promise.all([findRegionLogo(db), listAgencyLogos(db)]);
    const view: LogoAdminView = {
      region: {
        target: 'region',
        name: site.regionName,
        current: region ? { src: '/logo/region', alt: alt(region) } : null,
      },
      agencies: agencies.map((a) => ({
        target: a.id,
        name: a.name,
        current: a.logo ? { src: `/logo/agency/${encodeURIComponent(a.code)}`, alt: alt(a.logo) } : null,
      })),
      ...(failed ? { failed } : {}),
    };
    const ctx = { ...pageContext(req, reply, site), path: '/admin/portal/logo' };
    if ((req.query as { done?: string }).done === 'saved') ctx.notice = logoText(req.locale, 'logo.saved');
    return sendPage(reply, LogoAdminPage({ ctx, view }), failed ? 400 : 200);
  }

  app.get('/admin/portal/logo', async (req, reply) => {
    if (!req.actor.userId) return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
    return render(req, reply);
  });

  app.post('/admin/portal/logo', async (req, reply) => {
    const { fields, file } = await readLogoForm(req);
    const input = {
      target: fields.target ?? '',
      file: file.toString('base64'),
      alt_id: fields.alt_id ?? '',
      alt_en: fields.alt_en ?? '',
    };
    try {
      await executeAction({ ...actionContext(req, database), files }, portalLogoSave, input);
    } catch (err) {
      const f = formFailure(err, req.locale, 'file');
      return render(req, reply, {
        target: input.target,
        alt_id: input.alt_id,
        alt_en: input.alt_en,
        errors: f.errors,
      });
    }
    return redirectAfterPost(reply, '/admin/portal/logo?done=saved');
  });

  async function sendLogo(reply: FastifyReply, logo: StoredLogo | null | undefined) {
    if (!logo) return reply.callNotFound();
    reply
      .type(logo.type)
      .header('cache-control', 'public, max-age=300')
      .header('etag', `"${logo.hash}"`)
      .header('x-content-type-options', 'nosniff');
    if (logo.type === 'image/svg+xml')
      reply.header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
      );
    return reply.send(files.open(logo.key));
  }

  /** The region's logo, or the platform's emblem until one is uploaded (the header always has one). */
  app.get('/logo/region', async (_req, reply) => {
    const logo = await findRegionLogo(db);
    if (logo) return sendLogo(reply, logo);
    // Every page's header asks for it: let browsers keep the answer a few minutes.
    return reply.header('cache-control', 'public, max-age=300').redirect('/static/logo.svg', 302);
  });

  app.get('/logo/agency/:code', async (req, reply) => {
    const { code } = req.params as { code: string };
    return sendLogo(reply, CODE.test(code) ? await findAgencyLogo(db, code) : null);
  });
}
