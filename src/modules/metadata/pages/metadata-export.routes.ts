import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { executeAction } from '../../../kernel/actions/action.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { actionContext } from '../../../kernel/http/request-context.js';
import { packageMetadataShow } from '../actions/metadata-read.js';
import type { MetadataDocument } from '../metadata-document.js';
import { msIndWorkbook, msKegWorkbook, msVarWorkbook, XLSX_TYPE } from '../xlsx-export.js';

/**
 * The metadata exports of a dataset: MS-Keg / MS-Var / MS-Ind as XLSX for INDAH and the JSON
 * document. Registered inside the workspace metadata routes (their login hook applies).
 */
export async function metadataExportRoutes(app: FastifyInstance, { config, database }: AppDeps) {
  const ctxOf = (req: FastifyRequest) => actionContext(req, database, config.siteUrl);
  const P = '/workspace/datasets/:name/metadata';
  const nameOf = (req: FastifyRequest) => (req.params as { name: string }).name;

  /** Exports read what the actor may see (package_metadata_show's visibility). */
  const exported = (req: FastifyRequest) =>
    executeAction(ctxOf(req), packageMetadataShow, { id: nameOf(req) });
  const xlsx = (reply: FastifyReply, doc: MetadataDocument, form: string, body: Buffer) =>
    reply
      .type(XLSX_TYPE)
      .header('content-disposition', `attachment; filename="${doc.name}-${form}.xlsx"`)
      .send(body);
  app.get(`${P}/ms-keg.xlsx`, async (req, reply) => {
    const doc = await exported(req);
    return xlsx(reply, doc, 'ms-keg', await msKegWorkbook(doc));
  });
  app.get(`${P}/ms-var.xlsx`, async (req, reply) => {
    const doc = await exported(req);
    return xlsx(reply, doc, 'ms-var', await msVarWorkbook(doc));
  });
  app.get(`${P}/ms-ind.xlsx`, async (req, reply) => {
    const doc = await exported(req);
    return xlsx(reply, doc, 'ms-ind', await msIndWorkbook(doc));
  });
  app.get('/workspace/datasets/:name/metadata.json', async (req, reply) => {
    const doc = await exported(req);
    return reply.header('content-disposition', `attachment; filename="${doc.name}-metadata.json"`).send(doc);
  });
}
