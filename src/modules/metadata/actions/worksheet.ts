import type { Kysely } from 'kysely';
import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { type ActionContext, mutate } from '../../../kernel/actions/context.js';
import type { DB } from '../../../kernel/db/schema.js';
import { NotFoundError, ValidationError } from '../../../kernel/errors.js';
import { findAgency } from '../../agencies/index.js';
import { buildWorksheet, readWorksheet, type WorksheetData } from '../worksheet.js';
import { listAgencyDatasetIds } from '../worksheet.repository.js';
import { applyWorksheet } from '../worksheet-apply.js';
import { isEmptyPlan, planWorksheet } from '../worksheet-plan.js';
import { WorksheetRefusedError } from '../worksheet-problems.js';
import { worksheetRows } from '../worksheet-rows.js';
import { loadEditableDataset } from './dataset-load.js';

const Scope = z
  .object({ dataset: z.string().trim().min(1).optional(), organization: z.string().trim().min(1).optional() })
  .refine((v) => (v.dataset === undefined) !== (v.organization === undefined), {
    message: 'Isi salah satu: dataset atau organization / Give exactly one of dataset or organization',
    path: ['dataset'],
  });

type WorksheetScope = { dataset?: string | undefined; organization?: string | undefined };

/**
 * The datasets a worksheet covers, after checking the actor may fill their metadata (404 for
 * what they may not see, 403 otherwise). An upload passes its transaction and `forUpdate`, so
 * the dataset it authorizes stays as checked until it is written.
 */
export async function worksheetScope(
  ctx: ActionContext,
  scope: WorksheetScope,
  opts: { db?: Kysely<DB>; forUpdate?: boolean } = {},
): Promise<{ datasetIds: string[]; agencyId: string | null; label: string }> {
  const db = opts.db ?? ctx.db;
  if (scope.dataset) {
    const d = await loadEditableDataset(ctx, scope.dataset, { db, forUpdate: opts.forUpdate ?? false });
    return { datasetIds: [d.id], agencyId: null, label: `Dataset: ${d.title} (${d.name})` };
  }
  const code = scope.organization ?? '';
  const agency =
    (await findAgency(db, { code })) ??
    (/^[0-9a-f-]{36}$/i.test(code) ? await findAgency(db, { id: code }) : undefined);
  if (!agency)
    throw new NotFoundError({
      id: `Organisasi ${code} tidak ditemukan`,
      en: `Organization ${code} not found`,
    });
  authorize(ctx.actor, 'metadata:update', { agencyId: agency.id });
  const rows = await listAgencyDatasetIds(db, agency.id);
  return {
    datasetIds: rows.map((r) => r.id),
    agencyId: agency.id,
    label: `Perangkat daerah / Agency: ${agency.name}`,
  };
}

/** The uploaded XLSX read into sheets, or WorksheetRefusedError naming what cannot be read. */
async function readUpload(file: string): Promise<WorksheetData> {
  const { data, problems } = await readWorksheet(Buffer.from(file, 'base64'));
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
  return data;
}

/** The XLSX worksheet of a dataset or an agency (used by the download page). */
export async function worksheetFile(ctx: ActionContext, scope: WorksheetScope): Promise<Buffer> {
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
  // The scope is loaded once, in run()'s transaction, and authorized there.
  authorize: () => {},
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const scope = await worksheetScope(ctx, input, { db: trx, forUpdate: true });
      const data = await readUpload(input.file);
      const plan = await planWorksheet(trx, ctx.actor, data, new Set(scope.datasetIds));
      if (isEmptyPlan(plan))
        throw new ValidationError({
          file: [{ id: 'Lembar kerja tidak berisi isian', en: 'The worksheet holds no entries' }],
        });
      return applyWorksheet(ctx, trx, audit, plan);
    });
  },
});

/** The worksheet as JSON for API clients: the XLSX in base64, with its file name. */
export const metadataWorksheetDownload = defineAction({
  name: 'metadata_worksheet_download',
  requires: 'metadata:update',
  sideEffectFree: true,
  input: Scope,
  // The scope is loaded and authorized once, in run() (worksheetFile).
  authorize: () => {},
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
