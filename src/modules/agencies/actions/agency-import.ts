import Papa from 'papaparse';
import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { issueText } from '../../../kernel/actions/parse-input.js';
import { type Bilingual, ValidationError } from '../../../kernel/errors.js';
import { findAgency, insertAgency, updateAgency } from '../agency.repository.js';
import { findRegion } from '../region.repository.js';
import { type AgencyFields, AgencyFieldsSchema } from './agency.schema.js';
import { agencyRow } from './agency-create.js';

/** Columns of an agency import file; `short_name` and `region_code` may be absent. */
const COLUMNS = {
  code: 'code',
  name: 'name',
  short_name: 'shortName',
  kind: 'kind',
  region_code: 'regionCode',
} as const;
const REQUIRED = ['code', 'name', 'kind'] as const;
const MAX_ROWS = 5_000;

export const AgencyImportSchema = z.object({
  /** The CSV text (UTF-8, comma or semicolon separated, header row first). */
  csv: z.string().max(6_000_000),
  /** File name, for messages. */
  fileName: z.string().default('agencies.csv'),
});

/** Parse and check every row; return the rows or every error with row number and column. */
export function parseAgencyCsv(csv: string, fileName: string): (AgencyFields & { line: number })[] {
  const text = csv.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const errors: Record<string, Bilingual[]> = {};
  const add = (key: string, msg: Bilingual) => {
    errors[key] = [...(errors[key] ?? []), msg];
  };
  const headers = parsed.meta.fields ?? [];
  for (const col of REQUIRED)
    if (!headers.includes(col))
      add(`${fileName}: header`, { id: `Kolom "${col}" tidak ada`, en: `Column "${col}" is missing` });
  if (parsed.data.length === 0)
    add(fileName, { id: 'Berkas tidak berisi baris data', en: 'The file has no data rows' });
  if (parsed.data.length > MAX_ROWS)
    add(fileName, { id: `Lebih dari ${MAX_ROWS} baris`, en: `More than ${MAX_ROWS} rows` });
  if (Object.keys(errors).length) throw new ValidationError(errors, importFailed(fileName));

  const rows: (AgencyFields & { line: number })[] = [];
  const seen = new Map<string, number>();
  parsed.data.forEach((raw, i) => {
    const line = i + 2; // header is line 1
    const candidate: Record<string, string | undefined> = {};
    for (const [col, field] of Object.entries(COLUMNS)) candidate[field] = raw[col]?.trim() || undefined;
    candidate.shortName ??= candidate.name?.slice(0, 60);
    const result = AgencyFieldsSchema.safeParse(candidate);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? '');
        const col = Object.entries(COLUMNS).find(([, f]) => f === field)?.[0] ?? field;
        add(`${fileName}: baris/row ${line}, kolom/column ${col}`, issueText(issue));
      }
      return;
    }
    const first = seen.get(result.data.code);
    if (first)
      add(`${fileName}: baris/row ${line}, kolom/column code`, {
        id: `Kode ${result.data.code} sudah ada di baris ${first}`,
        en: `Code ${result.data.code} already on row ${first}`,
      });
    seen.set(result.data.code, line);
    rows.push({ ...result.data, line });
  });
  if (Object.keys(errors).length) throw new ValidationError(errors, importFailed(fileName));
  return rows;
}

function importFailed(fileName: string): Bilingual {
  return {
    id: `Impor ${fileName} ditolak; tidak ada yang diubah`,
    en: `Import of ${fileName} refused; nothing was changed`,
  };
}

/**
 * Create or update agencies from a CSV file, all or nothing: one bad row refuses the whole
 * file with every problem listed by row and column.
 */
export const agencyImport = defineAction({
  name: 'agency_import',
  requires: 'agency:create',
  sideEffectFree: false,
  input: AgencyImportSchema,
  authorize(ctx) {
    authorize(ctx.actor, 'agency:create');
    authorize(ctx.actor, 'agency:update');
  },
  async run(ctx, input) {
    const rows = parseAgencyCsv(input.csv, input.fileName);
    const unknown: Record<string, Bilingual[]> = {};
    for (const row of rows)
      if (row.regionCode && !(await findRegion(ctx.db, row.regionCode)))
        unknown[`${input.fileName}: baris/row ${row.line}, kolom/column region_code`] = [
          { id: `Kode wilayah ${row.regionCode} tidak dikenal`, en: `Unknown region code ${row.regionCode}` },
        ];
    if (Object.keys(unknown).length) throw new ValidationError(unknown, importFailed(input.fileName));
    return mutate(ctx, async (trx, audit) => {
      let created = 0;
      let updated = 0;
      for (const row of rows) {
        const existing = await findAgency(trx, { code: row.code });
        const agency = existing
          ? await updateAgency(trx, existing.id, agencyRow(row))
          : await insertAgency(trx, agencyRow(row));
        if (existing) updated++;
        else created++;
        await audit({
          action: 'agency_import',
          subjectType: 'agency',
          subjectId: agency.id,
          summary: {
            file: input.fileName,
            ...(existing ? { updated: agencyRow(row) } : { created: agencyRow(row) }),
          },
        });
      }
      return { created, updated };
    });
  },
});
