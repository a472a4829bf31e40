import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../../kernel/errors.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { requestedRange } from '../../../kernel/http/byte-range.js';
import {
  canSeeDataset,
  countPortalUse,
  findDataset,
  findResource,
  incrementResourceDownloads,
  sharesFor,
} from '../../catalog/index.js';
import { csvStream, EXPORT_TYPES, xlsxStream } from '../read/exporters.js';
import { fileServing, type GeneratedFormat } from '../read/original-file.js';

const NOT_FOUND = { id: 'Berkas tidak ditemukan', en: 'File not found' };

const GENERATED_TYPES: Record<GeneratedFormat, string> = {
  csv: EXPORT_TYPES.csv,
  tsv: 'text/tab-separated-values; charset=utf-8',
  xlsx: EXPORT_TYPES.xlsx,
};

function attachment(name: string): string {
  return `attachment; filename="${name.replace(/["\\\r\n]/g, '_')}"`;
}

/**
 * Resource downloads: a stored file streamed with its hash as ETag, or a redirect to a link
 * resource. A stored file answers `Range` requests (206, resumable downloads) with a ranged read
 * from the file store. Counts every download (a resumed one once). Files of hidden datasets are "not found". A file holding a
 * column the reader may not read (closed personal data) is never sent to them: they get the
 * same table generated from the datastore without those columns, in the same format
 * (read/original-file.ts). The same URL serves both, so package_show, DCAT and the dataset page
 * link only it, and nothing that depends on the reader is cached by anyone but the reader.
 */
export async function downloadRoutes(app: FastifyInstance, { database, files }: AppDeps) {
  const db = database.db;
  app.get('/dataset/:id/resource/:rid/download/:file', async (req, reply) => {
    const { id, rid } = req.params as { id: string; rid: string };
    const resource = await findResource(db, rid);
    const dataset = resource ? await findDataset(db, resource.dataset_id) : undefined;
    if (!resource || !dataset || resource.state !== 'active' || (dataset.id !== id && dataset.name !== id))
      throw new NotFoundError(NOT_FOUND);
    const sharedWith = await sharesFor(db, req.actor, dataset);
    if (!canSeeDataset(req.actor, dataset, sharedWith)) throw new NotFoundError(NOT_FOUND);
    if (resource.url_type !== 'upload' || !resource.storage_key) {
      await incrementResourceDownloads(db, resource.id);
      countPortalUse(db, req, dataset.id, 'download');
      // Parsed, so a link stored before URLs were checked cannot put a line break in Location.
      const target = URL.canParse(resource.url) ? new URL(resource.url) : undefined;
      if (!target || !/^https?:$/.test(target.protocol)) throw new NotFoundError(NOT_FOUND);
      return reply.redirect(target.href);
    }
    const serving = await fileServing(db, req.actor, resource, dataset, sharedWith);
    if (serving.kind === 'withheld') throw new NotFoundError(serving.reason);
    const size = serving.kind === 'original' ? await files.sizeOf(resource.storage_key) : undefined;
    if (serving.kind === 'original' && size === undefined) throw new NotFoundError(NOT_FOUND);
    const etag = `"${resource.hash ?? resource.id}"`;
    const range = size === undefined ? undefined : requestedRange(req.headers, size, etag);
    // A resumed download (a range past the first byte) is the same download, counted once.
    if (!range || range === 'unsatisfiable' || range.start === 0) {
      await incrementResourceDownloads(db, resource.id);
      countPortalUse(db, req, dataset.id, 'download');
    }
    const name = resource.url || 'data';
    reply.header('x-content-type-options', 'nosniff');
    // What this URL sends depends on who asks when the file has classified columns.
    if (serving.kind === 'generated' || (serving.kind === 'original' && serving.classified))
      reply.header('cache-control', 'private, no-store').header('vary', 'cookie, authorization');
    if (serving.kind === 'generated') {
      const { table, format } = serving;
      const stream =
        format === 'xlsx'
          ? xlsxStream(db, table, table.resource.name || 'Data')
          : csvStream(db, table, { delimiter: format === 'tsv' ? '\t' : ',' });
      return reply
        .header('content-type', GENERATED_TYPES[format])
        .header(
          'content-disposition',
          attachment(format === 'xlsx' ? name.replace(/\.xls$/i, '.xlsx') : name),
        )
        .send(stream);
    }
    reply
      .header('content-type', resource.mimetype || 'application/octet-stream')
      .header('content-disposition', attachment(name))
      .header('etag', etag)
      .header('accept-ranges', 'bytes');
    if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${size}`).send();
    if (range)
      // Ranged reads from the store itself (an S3 GetObject with Range), never the whole file.
      return reply
        .code(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
        .header('content-length', range.end - range.start + 1)
        .send(files.open(resource.storage_key, range));
    return reply.header('content-length', size).send(files.open(resource.storage_key));
  });
}
