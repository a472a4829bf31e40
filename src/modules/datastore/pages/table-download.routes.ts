import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { executeAction } from '../../../kernel/actions/action.js';
import { NotFoundError, ValidationError } from '../../../kernel/errors.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { actionContext } from '../../../kernel/http/request-context.js';
import { countPortalUse, incrementResourceDownloads, packageShow } from '../../catalog/index.js';
import { buildDataPackage } from '../read/datapackage.js';
import { EXPORT_TYPES, type ExportFormat, exportStream } from '../read/exporters.js';
import { listLoadedResources, loadReadableTable, type ReadableTable } from '../read/readable-table.js';

const NOT_FOUND = { id: 'Tabel tidak ditemukan', en: 'Table not found' };

/** The version table behind `/dataset/:name/resource/:id/…`: hidden or mismatched is "not found". */
export async function tableForRequest(
  req: FastifyRequest,
  deps: AppDeps,
  params: { name: string; id: string },
  version: unknown,
): Promise<ReadableTable> {
  const v = typeof version === 'string' && /^\d{1,7}$/.test(version) ? Number(version) : undefined;
  if (version !== undefined && v === undefined) throw new NotFoundError(NOT_FOUND);
  try {
    const t = await loadReadableTable(deps.database.db, req.actor, params.id, { version: v });
    if (t.dataset.name !== params.name && t.dataset.id !== params.name) throw new NotFoundError(NOT_FOUND);
    return t;
  } catch (err) {
    if (err instanceof ValidationError) throw new NotFoundError(NOT_FOUND);
    throw err;
  }
}

/**
 * What a table URL sends depends on the reader when the dataset is private or a column is
 * classified (staff see columns the public does not): then no shared cache may keep it.
 */
function readerDependent(t: ReadableTable): boolean {
  return t.dataset.private || t.schema.fields.some((f) => (f['x-classification'] ?? 'open') !== 'open');
}

function cacheHeaders(reply: FastifyReply, readerBound: boolean): FastifyReply {
  if (!readerBound) return reply.header('cache-control', 'public, max-age=300');
  return reply.header('cache-control', 'private, no-store').header('vary', 'cookie, authorization');
}

function fileName(t: ReadableTable, ext: string): string {
  const base = (t.resource.name || t.dataset.name).replace(/[^\w.-]+/g, '_').slice(0, 80) || 'data';
  return `${base}-v${t.versionNumber}.${ext}`;
}

/**
 * Table downloads streamed from the version table (CSV with optional BOM, XLSX, JSON; `?version=N`
 * for an earlier version) and `/dataset/:name/datapackage.json`. Hidden datasets are "not found".
 */
export async function tableDownloadRoutes(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db;
  for (const format of ['csv', 'xlsx', 'json'] as ExportFormat[]) {
    app.get(
      `/dataset/:name/resource/:id/download.${format}`,
      async (req: FastifyRequest, reply: FastifyReply) => {
        const query = req.query as Record<string, unknown>;
        const t = await tableForRequest(req, deps, req.params as { name: string; id: string }, query.version);
        await incrementResourceDownloads(db, t.resource.id);
        countPortalUse(db, req, t.dataset.id, 'download');
        const bom = format === 'csv' && (query.bom === '1' || query.bom === 'true');
        return cacheHeaders(reply, readerDependent(t))
          .header('content-type', EXPORT_TYPES[format])
          .header('content-disposition', `attachment; filename="${fileName(t, format)}"`)
          .header('x-content-type-options', 'nosniff')
          .send(exportStream(format, db, t, { bom }));
      },
    );
  }

  app.get('/dataset/:name/datapackage.json', async (req, reply) => {
    const { name } = req.params as { name: string };
    const ctx = actionContext(req, deps.database, deps.config.siteUrl);
    const dict = await executeAction(ctx, packageShow, { id: name });
    if (!dict) throw new NotFoundError(NOT_FOUND);
    const tables = new Map<string, ReadableTable>();
    for (const r of await listLoadedResources(db, dict.id))
      tables.set(r.id, await loadReadableTable(db, req.actor, r.id));
    const pkg = buildDataPackage(dict, tables, deps.config.siteUrl);
    return cacheHeaders(reply, dict.private || [...tables.values()].some(readerDependent))
      .header('content-type', 'application/json; charset=utf-8')
      .send(JSON.stringify(pkg, null, 2));
  });
}
