import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { type ActionContext, mutate } from '../../../kernel/actions/context.js';
import { NotFoundError, ValidationError } from '../../../kernel/errors.js';
import { findAgency } from '../../agencies/index.js';
import { loadVisibleDataset } from '../../catalog/index.js';
import { buildWorksheet, readWorksheet, worksheetRows } from '../worksheet.js';
import { applyWorksheet, planWorksheet, WorksheetRefusedError } from '../worksheet-apply.js';

const Scope = z
  .object({ dataset: z.string().trim().min(1).optional(), organization: z.string().trim().min(1).optional() })
  .refine((v) => (v.dataset === undefined) !== (v.organization === undefined), {
    message: 'Isi salah satu: dataset atau organization / Give exactly one of dataset or organization',
    path: ['dataset'],
  });

/** The datasets a worksheet covers, after checking the actor may fill their metadata. */
export async function worksheetScope(
  ctx: ActionContext,
  scope: { dataset?: string | undefined; organization?: string | undefined },
): Promise<{ datasetIds: string[]; agencyId: string | null; label: string }> {
  if (scope.dataset) {
    const d = await loadVisibleDataset(ctx, scope.dataset);
    authorize(ctx.actor, 'metadata:update', { agencyId: d.agency_id });
    return { datasetIds: [d.id], agencyId: null, label: `Dataset: ${d.title} (${d.name})` };
  }
  const code = scope.organization ?? '';
  const agency =
    (await findAgency(ctx.db, { code })) ??
    (/^[0-9a-f-]{36}$/i.test(code) ? await findAgency(ctx.db, { id: code }) : undefined);
  if (!agency)
    throw new NotFoundError({
      id: `Organisasi ${code} tidak ditemukan`,
      en: `Organization ${code} not found`,
    });
  authorize(ctx.actor, 'metadata:update', { agencyId: agency.id });
  const rows = await ctx.db
    .selectFrom('dataset')
    .select('id')
    .where('agency_id', '=', agency.id)
    .where('state', '!=', 'deleted')
    .execute();
  return {
    datasetIds: rows.map((r) => r.id),
    agencyId: agency.id,
    label: `Perangkat daerah / Agency: ${agency.name}`,
  };
}

/** The XLSX worksheet of a dataset or an agency (used by the download page). */
export async function worksheetFile(
  ctx: ActionContext,
  scope: { dataset?: string | undefined; organization?: string | undefined },
): Promise<Buffer> {
  const s = await worksheetScope(ctx, scope);
  return buildWorksheet(await worksheetRows(ctx.db, s.datasetIds, s.agencyId), s.label);
}

/**
 * Upload a filled "Lembar Kerja Metadata & SDS" (XLSX, base64 in `file`) for a dataset or an
 * agency: data standards, MS-Keg, dataset links and classification, MS-Var and MS-Ind are
 * created or updated in one transaction, or — on any problem — nothing is, and the error
 * names each sheet, row and column.
 */
export const metadataWorksheetUpload = defineAction({
  name: 'metadata_worksheet_upload',
  requires: 'metadata:update',
  sideEffectFree: false,
  input: z.object({ file: z.string().min(1).max(14_000_000) }).and(Scope),
  async authorize(ctx, input) {
    await worksheetScope(ctx, input);
  },
  async run(ctx, input) {
    const scope = await worksheetScope(ctx, input);
    const buffer = Buffer.from(input.file, 'base64');
    const { data, problems } = await readWorksheet(buffer);
    if (problems.length)
      throw new WorksheetRefusedError(
        problems.map((p) => ({
          sheet: p.sheet,
          row: p.row,
          column: p.column,
          message: p.id,
          message_en: p.en,
        })),
      );
    const plan = await planWorksheet(ctx, data, new Set(scope.datasetIds));
    if (
      !plan.datasets.length &&
      !plan.standards.length &&
      !plan.activities.length &&
      !plan.variables.length &&
      !plan.indicators.length
    )
      throw new ValidationError({
        file: [{ id: 'Lembar kerja tidak berisi isian', en: 'The worksheet holds no entries' }],
      });
    return mutate(ctx, (trx, audit) => applyWorksheet(ctx, trx, audit, plan));
  },
});

/** The worksheet as JSON for API clients: the XLSX in base64, with its file name. */
export const metadataWorksheetDownload = defineAction({
  name: 'metadata_worksheet_download',
  requires: 'metadata:update',
  sideEffectFree: true,
  input: Scope,
  async authorize(ctx, input) {
    await worksheetScope(ctx, input);
  },
  async run(ctx, input) {
    const file = await worksheetFile(ctx, input);
    return {
      file_name: worksheetFileName(input),
      content_type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      file: file.toString('base64'),
    };
  },
});

/** `lembar-kerja-metadata-<dataset or agency>.xlsx` */
export function worksheetFileName(scope: {
  dataset?: string | undefined;
  organization?: string | undefined;
}): string {
  const base = (scope.dataset ?? scope.organization ?? 'satudata')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .slice(0, 100);
  return `lembar-kerja-metadata-${base}.xlsx`;
}

export const WORKSHEET_ACTIONS = [metadataWorksheetUpload, metadataWorksheetDownload];
