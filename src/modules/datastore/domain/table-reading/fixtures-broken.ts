/**
 * Files the readers must refuse with a clear message, generated at test time: empty,
 * header-only, binary junk, a table with no header, a runaway quote, a password-protected
 * workbook (an OLE/CFB container, which is what Excel writes when a password is set), a
 * truncated XLSX, and a zip bomb.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildXlsx } from './fixtures-xlsx.js';

/** The first sector of a CFB file: signature, minor/major version, byte order, sector shift. */
function cfbHeader(): Buffer {
  const sector = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(sector, 0);
  sector.writeUInt16LE(0x003e, 24);
  sector.writeUInt16LE(0x0003, 26);
  sector.writeUInt16LE(0xfffe, 28);
  sector.writeUInt16LE(0x0009, 30);
  return sector;
}

/** Deterministic pseudo-random bytes (a linear congruential generator), so runs are repeatable. */
function junkBytes(length: number, seed = 42): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

/** A workbook whose one cell holds `megabytes` of the same letter: kilobytes that inflate to megabytes. */
async function zipBomb(megabytes: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Data');
  sheet.addRow(['kode', 'isi']);
  sheet.addRow(['1', 'a'.repeat(megabytes * 1024 * 1024)]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function headerOnlyXlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Data').addRow(['kode_kecamatan', 'nama_kecamatan', 'jumlah_penduduk']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export type BrokenFixture =
  | 'empty.csv'
  | 'blank-lines.csv'
  | 'header-only.csv'
  | 'junk.csv'
  | 'no-header.csv'
  | 'runaway-quote.csv'
  | 'empty.xlsx'
  | 'encrypted.xlsx'
  | 'truncated.xlsx'
  | 'not-a-zip.xlsx'
  | 'header-only.xlsx'
  | 'zip-bomb.xlsx';

async function brokenContents(): Promise<Record<BrokenFixture, Buffer>> {
  const valid = await buildXlsx({ name: 'valid', layout: 'plain' });
  return {
    'empty.csv': Buffer.alloc(0),
    'blank-lines.csv': Buffer.from('\r\n;;;\r\n\r\n'),
    'header-only.csv': Buffer.from('kode_kecamatan;nama_kecamatan;jumlah_penduduk\r\n'),
    'junk.csv': junkBytes(4096),
    'no-header.csv': Buffer.from('3520010;Poncol;32.451\r\n3520020;Parang;45.012\r\n'),
    'runaway-quote.csv': Buffer.from(`kode;nama\r\n1;"Poncol\r\n${'2;Parang\r\n'.repeat(20000)}`),
    'empty.xlsx': Buffer.alloc(0),
    'encrypted.xlsx': Buffer.concat([cfbHeader(), junkBytes(3 * 512)]),
    'truncated.xlsx': valid.subarray(0, Math.floor(valid.length / 2)),
    'not-a-zip.xlsx': Buffer.from('kode;nama\r\n1;Poncol\r\n'),
    'header-only.xlsx': await headerOnlyXlsx(),
    'zip-bomb.xlsx': await zipBomb(16),
  };
}

/** Writes every broken file into `dir`; returns each one's path by name. */
export async function writeBrokenFixtures(dir: string): Promise<Record<BrokenFixture, string>> {
  await mkdir(dir, { recursive: true });
  const contents = await brokenContents();
  const paths = {} as Record<BrokenFixture, string>;
  for (const [name, bytes] of Object.entries(contents) as [BrokenFixture, Buffer][]) {
    paths[name] = join(dir, name);
    await writeFile(paths[name], bytes);
  }
  return paths;
}
