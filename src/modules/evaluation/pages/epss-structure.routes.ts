import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import { ConflictError } from '../../../kernel/errors.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { formErrors } from '../../../kernel/http/form-errors.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext, redirectAfterPost } from '../../../kernel/http/request-context.js';
import { pick } from '../../../kernel/i18n/i18n.js';
import { epssStructureUpdate } from '../actions/epss-structure-update.js';
import { loadStructure } from '../epss.repository.js';
import { StructurePage, type StructurePageView } from './epss-structure.page.js';
import { em } from './evaluation.messages.js';

type Q = Record<string, string | undefined>;

/**
 * /evaluasi/epss/struktur: the administrator edits the EPSS structure's names and weights, adds
 * an indicator under an aspect and removes indicators no assessment scored (epss_structure_update).
 */
export async function epssStructureRoutes(
  app: FastifyInstance,
  { database, site, config }: Pick<AppDeps, 'database' | 'site' | 'config'>,
) {
  const db = database.db;
  const ctxOf = (req: FastifyRequest) => actionContext(req, database, config.siteUrl);

  // The administrator edits the structure (epss:configure; the action checks again).
  async function structurePage(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: Partial<StructurePageView> = {},
    status = 200,
  ) {
    authorize(req.actor, 'epss:configure');
    const notice = (req.query as Q).done;
    const ctx = pageContext(req, reply, site);
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(
        StructurePage({
          ctx: {
            ...ctx,
            notice:
              notice === 'ok'
                ? em(req.locale, 'str.saved')
                : notice === 'none'
                  ? em(req.locale, 'str.unchanged')
                  : undefined,
          },
          view: { structure: await loadStructure(db), ...extra },
        }),
      );
  }

  app.get('/evaluasi/epss/struktur', (req, reply) => structurePage(req, reply));

  app.post('/evaluasi/epss/struktur', async (req, reply) => {
    const body = (req.body ?? {}) as Q;
    const structure = await loadStructure(db);
    const items = structure.flatMap((d) => [
      { level: 'domain' as const, code: d.code, name: d.name, weight: d.weight as number | null },
      ...d.aspects.flatMap((a) => [
        { level: 'aspect' as const, code: a.code, name: a.name, weight: a.weight },
        ...a.indicators.map((x) => ({
          level: 'indicator' as const,
          code: x.code,
          name: x.name,
          weight: x.weight,
        })),
      ]),
    ]);
    // Only what differs from the stored structure is sent to the action.
    const changes = items.flatMap((i) => {
      const key = `${i.level}-${i.code}`;
      const nameId = body[`n-${key}`]?.trim();
      const nameEn = body[`e-${key}`]?.trim();
      const w = body[`w-${key}`]?.trim();
      const weight = w === undefined ? i.weight : w === '' ? null : Number(w);
      const c = {
        ...(nameId !== undefined && nameId !== i.name.id ? { name_id: nameId } : {}),
        ...(nameEn !== undefined && nameEn !== i.name.en ? { name_en: nameEn } : {}),
        ...(weight !== i.weight ? { weight: w === '' ? null : w } : {}),
      };
      return Object.keys(c).length ? [{ level: i.level, code: i.code, ...c }] : [];
    });
    const remove = items.filter((i) => i.level === 'indicator' && body[`x-${i.level}-${i.code}`] === '1');
    const addAspect = body['add-aspect']?.trim();
    const addWeight = body['add-weight']?.trim();
    const add = addAspect
      ? [
          {
            aspect_code: addAspect,
            code: body['add-code']?.trim() ?? '',
            name_id: body['add-name_id'] ?? '',
            name_en: body['add-name_en'] ?? '',
            weight: addWeight ? addWeight : null,
          },
        ]
      : [];
    if (!changes.length && !remove.length && !add.length)
      return redirectAfterPost(reply, '/evaluasi/epss/struktur?done=none');
    try {
      await executeAction(ctxOf(req), epssStructureUpdate, {
        changes,
        add,
        remove: remove.map((i) => i.code),
      });
    } catch (err) {
      return structurePage(
        req,
        reply,
        {
          // A refused removal (the indicator was scored) keeps the form too, with its reason.
          errors:
            err instanceof ConflictError
              ? { remove: [pick(req.locale, err.text)] }
              : formErrors(err, req.locale),
          typed: body as Record<string, string>,
        },
        409,
      );
    }
    return redirectAfterPost(reply, '/evaluasi/epss/struktur?done=ok');
  });
}
