/**
 * Throughput of the table readers on generated files: a CSV written the Indonesian Excel way
 * (Windows-1252, `;`, `1.234,5`, `31/12/2024`, a title above the header) and an XLSX, read
 * to the end while every cell is touched. Prints rows/s, MB/s and peak RSS, to show that
 * memory stays flat however large the file (issue #4: "streamed, never read whole"). Each
 * file is read in a fresh child process, so the peak RSS is the reader's alone.
 *
 *   npx tsx src/domain/table-reading/bench-read.ts [csvRows=1000000] [xlsxRows=200000]
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { encodeText } from './fixture-formats.js';
import { POPULATION_COLUMNS, POPULATION_ROWS, writePopulationRow } from './fixture-table.js';
import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';
import type { TableReading } from './table-reading.js';

/** The i-th generated row: the fixture rows with a running code and population. */
function benchRow(i: number): string[] {
  const base = POPULATION_ROWS[i % POPULATION_ROWS.length] ?? POPULATION_ROWS[0];
  if (!base) throw new Error('no fixture rows');
  const row = {
    ...base,
    kodeKecamatan: String(3520000 + i),
    jumlahPenduduk: 1000 + ((i * 7919) % 2_000_000),
  };
  return writePopulationRow(row, 'id', 'slash');
}

async function writeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(encodeText(text, 'windows-1252'))) await once(out, 'drain');
  };
  await write('Jumlah Penduduk per Kecamatan;;;;;\r\n\r\n');
  await write(`${POPULATION_COLUMNS.join(';')}\r\n`);
  for (let i = 0; i < rows; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, rows - i) }, (_, j) => benchRow(i + j));
    await write(`${Papa.unparse(batch, { delimiter: ';', newline: '\r\n' })}\r\n`);
  }
  out.end();
  await once(out, 'finish');
}

async function writeXlsx(path: string, rows: number): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = book.addWorksheet('Data');
  sheet.addRow([...POPULATION_COLUMNS]).commit();
  for (let i = 0; i < rows; i++) {
    const [kode, nama, , , , tanggal] = benchRow(i);
    const date = new Date(Date.UTC(2024, 0, 1 + (i % 365)));
    sheet.addRow([kode, nama, 2024, 1000 + i, (i % 1000) / 10, tanggal ? date : null]).commit();
  }
  await book.commit();
}

async function measure(
  label: string,
  path: string,
  open: (source: Readable) => Promise<TableReading<unknown>>,
) {
  const baselineMb = process.memoryUsage().rss / 1024 / 1024;
  const { size } = await stat(path);
  const started = performance.now();
  const reading = await open(createReadStream(path));
  let rows = 0;
  let cells = 0;
  for await (const row of reading.rows) {
    rows++;
    for (const cell of row.cells) cells += cell.length > 0 ? 1 : 0;
  }
  const seconds = (performance.now() - started) / 1000;
  const mb = size / 1024 / 1024;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    `${label}: ${rows} rows, ${cells} cells, ${mb.toFixed(1)} MB in ${seconds.toFixed(2)} s → ` +
      `${Math.round(rows / seconds)} rows/s, ${(mb / seconds).toFixed(1)} MB/s; ` +
      `peak RSS ${peakRssMb.toFixed(0)} MB (${baselineMb.toFixed(0)} MB before reading)`,
  );
}

/** Runs this script again in a child process to read one file. */
function readInChild(format: 'csv' | 'xlsx', path: string): void {
  const args = [...process.execArgv, import.meta.filename, 'read', format, path];
  execFileSync(process.execPath, args, { stdio: 'inherit' });
}

async function generateAndMeasure(csvRows: number, xlsxRows: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-read-'));
  try {
    const csvPath = join(dir, 'penduduk.csv');
    await writeCsv(csvPath, csvRows);
    readInChild('csv', csvPath);
    if (xlsxRows > 0) {
      const xlsxPath = join(dir, 'penduduk.xlsx');
      await writeXlsx(xlsxPath, xlsxRows);
      readInChild('xlsx', xlsxPath);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const [mode, format, path] = process.argv.slice(2);
if (mode === 'read' && path) {
  if (format === 'csv')
    await measure('CSV (Windows-1252, ;, Indonesian numbers)', path, (source) => readCsv(source));
  else await measure('XLSX (exceljs streaming)', path, (source) => readXlsx(source));
} else {
  await generateAndMeasure(Number(mode ?? 1_000_000), Number(format ?? 200_000));
}
