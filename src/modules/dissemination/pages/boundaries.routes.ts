import type {} from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { authorize } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import { ValidationError } from '../../../kernel/errors.js';
import { sendPage } from '../../../kernel/http/admin-form.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { formErrors } from '../../../kernel/http/form-errors.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { regionBoundariesSet } from '../actions/boundaries-actions.js';
import { loadBoundaries } from '../boundaries.js';
import { BoundariesPage } from './boundaries.js';
import { dt } from './dissemination.messages.js';
import { actionContextOf, needLogin } from './route-helpers.js';

/** /admin/batas-wilayah: the region's boundaries for choropleth maps (an administrator setting). */
export async function boundariesRoutes(app: FastifyInstance, deps: AppDeps) {
  const { database, site } = deps;
  const db = database.db;
  const actx = actionContextOf(deps);

  // --- Region boundaries for choropleth maps (an administrator setting) ----------------------
  app.get('/admin/batas-wilayah', async (req, reply) => {
    if (needLogin(req, reply)) return reply;
    authorize(req.actor, 'codelist:manage');
    const stored = await loadBoundaries(db);
    const ctx = {
      ...pageContext(req, reply, site),
      notice: (req.query as { saved?: string }).saved ? dt(req.locale, 'map.saved') : undefined,
    };
    return sendPage(
      reply,
      BoundariesPage({
        ctx,
        stored,
        values: {
          code_property: stored?.codeProperty ?? 'kode',
          name_property: stored?.nameProperty ?? 'nama',
        },
      }),
    );
  });

  app.post('/admin/batas-wilayah', async (req, reply) => {
    if (needLogin(req, reply)) return reply;
    authorize(req.actor, 'codelist:manage');
    const values = { code_property: 'kode', name_property: 'nama' };
    try {
      const part = req.isMultipart() ? await req.file() : undefined;
      const field = (k: string) => {
        const f = part?.fields[k];
        const one = Array.isArray(f) ? f[0] : f;
        return one && 'value' in one ? String(one.value) : '';
      };
      values.code_property = field('code_property') || 'kode';
      values.name_property = field('name_property') || 'nama';
      let geojson = '';
      if (part) {
        try {
          geojson = new TextDecoder('utf-8', { fatal: true }).decode(await part.toBuffer());
        } catch (err) {
          const tooLarge = (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
          throw new ValidationError({
            geojson: [
              tooLarge
                ? { id: 'Berkas GeoJSON terlalu besar', en: 'The GeoJSON file is too large' }
                : { id: 'Berkas GeoJSON bukan teks UTF-8', en: 'The GeoJSON file is not UTF-8 text' },
            ],
          });
        }
      }
      await executeAction(actx(req), regionBoundariesSet, {
        geojson,
        ...values,
        file_name: (part?.filename ?? '').split(/[/\\]/).pop()?.slice(0, 200) ?? '',
      });
      return reply.redirect('/admin/batas-wilayah?saved=1', 303);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const errors = Object.values(formErrors(err, req.locale)).flat();
      return sendPage(
        reply,
        BoundariesPage({
          ctx: pageContext(req, reply, site),
          stored: await loadBoundaries(db),
          values,
          errors,
        }),
        400,
      );
    }
  });
}
