/**
 * Throughput of checkRow: rows already in memory (no file reading) validated against an
 * 8-column schema like the ingest bench's (region codes with a foreign key, years, integers,
 * decimals written the Indonesian way, text, a date, a boolean), with a primary key, a range
 * and a sum-of warning. Prints rows/s and µs/row for the compiled validator, and for a per-row
 * zod parse of the same rows (types and bounds only) as the yardstick the issue measured
 * (3.2 µs/row vs 0.45), next to the compiled checks of those same types and bounds.
 * No thresholds: a figure to read, not a test.
 *
 *   npx tsx src/domain/validation/bench-validate.ts [rows=1000000] [rounds=3]
 */
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { TableSchema } from '../../../../kernel/table-schema/table-schema.js';
import type { TableRow } from '../table-reading/table-reading.js';
import { referenceLookupOf } from './reference-lookup.js';
import { createTableValidator } from './table-validator.js';

const SCHEMA: TableSchema = {
  fields: [
    { name: 'kode_desa', type: 'string', constraints: { required: true } },
    { name: 'tahun', type: 'year', constraints: { required: true, minimum: 2000, maximum: 2100 } },
    { name: 'laki', type: 'integer', constraints: { minimum: 0 } },
    { name: 'perempuan', type: 'integer', constraints: { minimum: 0 } },
    { name: 'jumlah', type: 'integer', 'x-sum-of': ['laki', 'perempuan'] },
    { name: 'kepadatan', type: 'number' },
    { name: 'nama_desa', type: 'string', constraints: { maxLength: 200 } },
    { name: 'tanggal_update', type: 'date' },
  ],
  primaryKey: ['kode_desa', 'tahun'],
  foreignKeys: [{ fields: 'kode_desa', reference: { resource: 'region:village', fields: 'code' } }],
};

const VILLAGES = 20_000;
const villageCode = (i: number) =>
  `35.${String(10 + (i % 20)).padStart(2, '0')}.${String(1 + (Math.floor(i / 20) % 30)).padStart(2, '0')}.${String(2001 + Math.floor(i / 600)).padStart(4, '0')}`;

function rowsOf(count: number): TableRow[] {
  const rows: TableRow[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const laki = 1000 + ((i * 7919) % 20_000);
    const perempuan = 900 + ((i * 104_729) % 20_000);
    rows[i] = {
      rowNumber: i + 2,
      cells: [
        villageCode(i % VILLAGES),
        String(2000 + Math.floor(i / VILLAGES)),
        laki.toLocaleString('id-ID'),
        perempuan.toLocaleString('id-ID'),
        (laki + perempuan).toLocaleString('id-ID'),
        ((i % 10_000) / 7).toLocaleString('id-ID', { maximumFractionDigits: 2 }),
        `Desa ${i % VILLAGES}`,
        `${1 + (i % 28)}/${1 + (i % 12)}/2024`,
      ],
    };
  }
  return rows;
}

/** The same fields with types and bounds only: what the zod yardstick checks too. */
const TYPES_ONLY: TableSchema = {
  fields: SCHEMA.fields.map(({ 'x-sum-of': _sum, ...field }) => field),
};

function validatorRun(rows: readonly TableRow[], schema = SCHEMA): number {
  const codes = new Set(Array.from({ length: VILLAGES }, (_, i) => villageCode(i)));
  const lookup = referenceLookupOf(new Map([['region:village', codes]]));
  const validator = createTableValidator(schema, lookup, { numberStyle: 'id' });
  validator.checkHeader(schema.fields.map((f) => f.name));
  const start = performance.now();
  for (const row of rows) validator.checkRow(row);
  const report = validator.finish();
  const elapsed = performance.now() - start;
  if (!report.valid) throw new Error(`bench rows should be valid: ${JSON.stringify(report.errors[0])}`);
  return elapsed;
}

/** The per-row zod parse the issue compared against (types and bounds only). */
function zodRun(rows: readonly TableRow[]): number {
  const idNumber = (text: string) => Number(text.replace(/\./g, '').replace(',', '.'));
  const row = z.tuple([
    z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/),
    z.string().transform(Number).pipe(z.number().int().min(2000).max(2100)),
    z.string().transform(idNumber).pipe(z.number().int().min(0)),
    z.string().transform(idNumber).pipe(z.number().int().min(0)),
    z.string().transform(idNumber).pipe(z.number().int()),
    z.string().transform(idNumber).pipe(z.number()),
    z.string().max(200),
    z.string().regex(/^\d{1,2}\/\d{1,2}\/\d{4}$/),
  ]);
  const start = performance.now();
  for (const r of rows) row.parse(r.cells);
  return performance.now() - start;
}

function main() {
  const count = Number(process.argv[2] ?? 1_000_000);
  const rounds = Number(process.argv[3] ?? 3);
  const rows = rowsOf(count);
  validatorRun(rows.slice(0, 20_000));
  zodRun(rows.slice(0, 20_000));
  console.log(`checkRow over ${count.toLocaleString('en-US')} rows × 8 columns, best of ${rounds}`);
  for (const [name, run] of [
    ['compiled, full schema', (r: readonly TableRow[]) => validatorRun(r)],
    ['compiled, types + bounds', (r: readonly TableRow[]) => validatorRun(r, TYPES_ONLY)],
    ['zod per row (yardstick)', zodRun],
  ] as const) {
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < rounds; r++) best = Math.min(best, run(rows));
    const perSecond = Math.round((count / best) * 1000);
    console.log(
      `${name.padEnd(26)} ${perSecond.toLocaleString('en-US').padStart(12)} rows/s  ${((best * 1000) / count).toFixed(2)} µs/row`,
    );
  }
}

main();
