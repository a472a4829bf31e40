import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../../kernel/errors.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { canSeeDataset, findDataset, findResource, incrementResourceDownloads } from '../../catalog/index.js';

const NOT_FOUND = { id: 'Berkas tidak ditemukan', en: 'File not found' };

/**
 * Resource downloads: a stored file streamed with its hash as ETag, or a redirect to a link
 * resource. Counts every download. Files of hidden datasets are "not found".
 */
export async function downloadRoutes(app: FastifyInstance, { database, files }: AppDeps) {
  const db = database.db;
  app.get('/dataset/:id/resource/:rid/download/:file', async (req, reply) => {
    const { id, rid } = req.params as { id: string; rid: string };
    const resource = await findResource(db, rid);
    const dataset = resource ? await findDataset(db, resource.dataset_id) : undefined;
    if (!resource || !dataset || resource.state !== 'active' || (dataset.id !== id && dataset.name !== id))
      throw new NotFoundError(NOT_FOUND);
    if (!canSeeDataset(req.actor, dataset)) throw new NotFoundError(NOT_FOUND);
    await incrementResourceDownloads(db, resource.id);
    if (resource.url_type !== 'upload' || !resource.storage_key) return reply.redirect(resource.url);
    if (!(await files.exists(resource.storage_key))) throw new NotFoundError(NOT_FOUND);
    const name = resource.url || 'data';
    return reply
      .header('content-type', resource.mimetype || 'application/octet-stream')
      .header('content-disposition', `attachment; filename="${name.replace(/["\\\r\n]/g, '_')}"`)
      .header('etag', `"${resource.hash ?? resource.id}"`)
      .header('x-content-type-options', 'nosniff')
      .send(files.open(resource.storage_key));
  });
}
