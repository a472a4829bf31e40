import type { FastifyInstance } from 'fastify';
import Papa from 'papaparse';
import { executeAction } from '../../../kernel/actions/action.js';
import { NotFoundError } from '../../../kernel/errors.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext } from '../../../kernel/http/request-context.js';
import { codeListList, codeListShow } from '../actions/code-list.js';
import { CodeListIndexPage, CodeListPage, RegionCodesPage } from './code-list-public.page.js';
import { loadRegionCodes } from './region-codes.loader.js';

const html = 'text/html; charset=utf-8';

/** Public reference code pages: /kode-referensi, /kode-referensi/wilayah, /kode-referensi/:name(.csv). */
export async function codeListRoutes(app: FastifyInstance, { database, site }: AppDeps) {
  const db = database.db;

  app.get('/kode-referensi', async (req, reply) => {
    const lists = await executeAction(actionContext(req, database), codeListList, {});
    return reply.type(html).send(CodeListIndexPage({ ctx: pageContext(req, reply, site), lists }));
  });

  app.get('/kode-referensi/wilayah', async (req, reply) => {
    const induk = (req.query as { induk?: string }).induk?.trim() || null;
    const { parent, regions, edition } = await loadRegionCodes(db, induk);
    return reply
      .type(html)
      .send(
        RegionCodesPage({ ctx: pageContext(req, reply, site), parent: parent ?? null, regions, edition }),
      );
  });

  app.get('/kode-referensi/:name', async (req, reply) => {
    const raw = (req.params as { name: string }).name;
    const csv = raw.endsWith('.csv');
    const name = csv ? raw.slice(0, -4) : raw;
    if (!/^[a-z0-9_-]{2,100}$/.test(name))
      throw new NotFoundError({
        id: `Daftar kode ${name} tidak ditemukan`,
        en: `Code list ${name} not found`,
      });
    const list = await executeAction(actionContext(req, database), codeListShow, {
      id: name,
      include_retired: !csv,
    });
    if (csv) {
      const body = Papa.unparse(
        (list.items ?? []).map((i) => ({
          code: i.code,
          label: i.label,
          label_en: i.label_en ?? '',
          parent: i.parent ?? '',
        })),
        { columns: ['code', 'label', 'label_en', 'parent'] },
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${list.name}-v${list.version}.csv"`)
        .send(body);
    }
    return reply.type(html).send(
      CodeListPage({
        ctx: pageContext(req, reply, site),
        list: { ...list, items: list.items ?? [] },
      }),
    );
  });
}
