/**
 * What ingest-memory.int.test.ts measures (issue #20 item 4), run in a Node process of its own:
 * an N-row CSV (generated as it is read, never held whole) goes through what an ingest runs in
 * the application's process on PostgreSQL — the streamed CSV reader and its fast path (ingest-csv-fast.ts), validation against a
 * declared schema with a two-column primary key (the check that remembers every row), COPY text in chunks — into a sink that takes the chunks as a COPY stream does.
 * Prints, as JSON, the peak RSS sampled at every chunk and what was loaded.
 *
 *   node --import tsx src/modules/datastore/ingest-memory-probe.ts [rows=2000000]
 */
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import type { TableSchema } from '../../kernel/table-schema/table-schema.js';
import type { CopySink } from './copy-sink.js';
import { readCsv } from './domain/table-reading/read-csv.js';
import { referenceLookupOf } from './domain/validation/reference-lookup.js';
import { createTableValidator } from './domain/validation/table-validator.js';
import { IngestProgress, validatingFeed } from './ingest-feed.js';
import { takeSample } from './ingest-reading.js';

const SCHEMA: TableSchema = {
  fields: [
    { name: 'kode_desa', type: 'string', constraints: { required: true } },
    { name: 'tahun', type: 'year', constraints: { required: true } },
    { name: 'nomor', type: 'integer', constraints: { minimum: 0 } },
    { name: 'nama_desa', type: 'string' },
    { name: 'jumlah_penduduk', type: 'integer', constraints: { minimum: 0 } },
    { name: 'luas_km2', type: 'number', decimalChar: '.' },
    { name: 'keterangan', type: 'string' },
  ],
  primaryKey: ['kode_desa', 'tahun'],
};

/** The CSV, written a block of rows at a time as the reader asks for it. */
function generatedCsv(rows: number): Readable {
  let i = 0;
  return new Readable({
    read() {
      if (i === 0) this.push('kode_desa,tahun,nomor,nama_desa,jumlah_penduduk,luas_km2,keterangan\n');
      if (i >= rows) {
        this.push(null);
        return;
      }
      const lines: string[] = [];
      for (const end = Math.min(rows, i + 2000); i < end; i++) {
        const village = `35.${10 + (i % 20)}.${String(1 + (Math.floor(i / 20) % 30)).padStart(2, '0')}.${2001 + Math.floor(i / 600)}`;
        lines.push(
          `${village},${2015 + (Math.floor(i / 400_000) % 10)},${i},Desa ${i},${800 + (i % 15_000)},${(1 + (i % 4000) / 100).toFixed(2)},${i % 3 ? '' : 'data sementara'}`,
        );
      }
      this.push(`${lines.join('\n')}\n`);
    },
  });
}

export async function measureIngestMemory(rows: number) {
  let peakRss = process.memoryUsage.rss();
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  };
  const reading = await readCsv(generatedCsv(rows), { fileName: 'besar.csv' });
  const batches = reading.batches[Symbol.asyncIterator]();
  const validator = createTableValidator(SCHEMA, referenceLookupOf(new Map()));
  validator.checkHeader(reading.columns);
  // No database here: progress is never due, and the sink takes chunks as a COPY stream does.
  const progress = new IngestProgress(undefined as unknown as Kysely<DB>, 'v', Number.POSITIVE_INFINITY);
  let bytes = 0;
  let chunks = 0;
  const sink: CopySink = {
    async write(text) {
      bytes += text.length;
      chunks++;
      sample();
      await new Promise<void>((resolve) => setImmediate(resolve));
    },
    async finish() {},
    async abort() {},
  };
  const feed = validatingFeed({
    validator,
    sample: await takeSample(batches, 1000),
    batches,
    takeRest: reading.takeRest,
    progress,
    chunkRows: 5000,
  });
  const report = await feed(sink);
  sample();
  return {
    peakRss,
    valid: report.valid,
    rowCount: report.row_count,
    rowsDone: progress.rowsDone,
    chunks,
    bytes,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = Number(process.argv[2] ?? 2_000_000);
  console.log(JSON.stringify(await measureIngestMemory(rows)));
}
