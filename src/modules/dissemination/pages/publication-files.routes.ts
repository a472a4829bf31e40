import type { FastifyInstance } from 'fastify';
import { can } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import { ValidationError } from '../../../kernel/errors.js';
import { formBody, listField, textField } from '../../../kernel/http/admin-form.js';
import { readApiInput } from '../../../kernel/http/api/api-input.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { formErrors } from '../../../kernel/http/form-errors.js';
import { publicationInfographicGenerate } from '../actions/infographic-actions.js';
import { publicationFileAdd, publicationFileRemove } from '../actions/publication-file-actions.js';
import { MAX_PUBLICATION_FILE_BYTES } from '../domain/file-kind.js';
import { findPublication } from '../publication.repository.js';
import { findFile } from '../publication-files.repository.js';
import { publicationPageOf } from './publication-view.js';
import { actionContextOf, NAME, needLogin } from './route-helpers.js';

const FILE = /^[a-z0-9-]{1,100}\.(png|jpg|webp|pdf|svg)$/;

/**
 * A publication's files: served only to whoever may see the publication (the public once it is
 * published, and then only the published version's files; the drafting and checking staff of
 * its agency before), and the drafting staff's upload, removal and generated infographic.
 */
export async function publicationFileRoutes(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db;
  const actx = actionContextOf(deps);
  const publicationPage = publicationPageOf(deps);

  app.get('/publikasi/:name/berkas/:version/:file', async (req, reply) => {
    const { name, version, file } = req.params as { name: string; version: string; file: string };
    if (!NAME.test(name) || !/^\d{1,6}$/.test(version) || !FILE.test(file)) return reply.callNotFound();
    const p = await findPublication(db, name);
    if (!p) return reply.callNotFound();
    // The public sees the approved version's files; earlier versions (returned drafts) and
    // drafts stay with the drafting and checking staff of the publication's agency.
    const approved = p.published_at !== null && Number(version) === p.version;
    const staff = can(req.actor, 'publication:read_draft', { agencyId: p.agency_id });
    if (!approved && !staff) return reply.callNotFound();
    const f = await findFile(db, p.id, Number(version), file);
    if (!f) return reply.callNotFound();
    reply
      .type(f.content_type)
      .header('content-length', String(f.size))
      .header('etag', `"${f.hash.replace(/^sha256:/, '')}"`)
      .header('content-disposition', `inline; filename="${f.file_name}"`)
      .header('cache-control', approved ? 'public, max-age=300' : 'private, no-store');
    if (f.content_type === 'image/svg+xml')
      reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    return reply.send(deps.files.open(f.storage_key));
  });

  app.post('/publikasi/:name/berkas', async (req, reply) => {
    if (needLogin(req, reply)) return reply;
    const { name } = req.params as { name: string };
    const { input, storedAll }: { input: Record<string, unknown>; storedAll: { key: string }[] } =
      await readApiInput(req, deps.files, MAX_PUBLICATION_FILE_BYTES, {
        acceptsUpload: true,
      }).catch((err: unknown) => {
        if (err instanceof ValidationError)
          return { input: { error: err }, storedAll: [] as { key: string }[] };
        throw err;
      });
    try {
      if (input.error instanceof ValidationError) throw input.error;
      await executeAction(actx(req), publicationFileAdd, { name, upload: input.upload });
      return reply.redirect(`/publikasi/${name}?files=1`, 303);
    } catch (err) {
      for (const f of storedAll) await deps.files.remove(f.key);
      if (!(err instanceof ValidationError)) throw err;
      return publicationPage(req, reply, name, { fileErrors: formErrors(err, req.locale) });
    }
  });

  app.post('/publikasi/:name/infografis', async (req, reply) => {
    if (needLogin(req, reply)) return reply;
    const { name } = req.params as { name: string };
    const body = formBody(req.body);
    const charts = listField(body, 'charts');
    try {
      await executeAction(actx(req), publicationInfographicGenerate, {
        name,
        charts,
        template: textField(body, 'template') || 'portrait',
      });
      return reply.redirect(`/publikasi/${name}?generated=1`, 303);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return publicationPage(req, reply, name, { fileErrors: formErrors(err, req.locale) });
    }
  });

  app.post('/publikasi/:name/berkas-hapus', async (req, reply) => {
    if (needLogin(req, reply)) return reply;
    const { name } = req.params as { name: string };
    await executeAction(actx(req), publicationFileRemove, {
      name,
      file: textField(formBody(req.body), 'file'),
    });
    return reply.redirect(`/publikasi/${name}?files=1`, 303);
  });
}
