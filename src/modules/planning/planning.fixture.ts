/**
 * Shared set-up of the planning tests (planning-*.int.test.ts): a database on one engine with three
 * agencies (and a fourth that owes nothing), the custodian, an administrator and one producer per
 * agency; plus the xlsx, zip and row helpers the list and record tests read and write with.
 */
import { execFileSync } from 'node:child_process';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories/index.js';
import { ctxOf } from '../../../test/support/flow-fixtures.js';
import { createTestDatabase, type DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import type { Actor } from '../../kernel/access/policy.js';
import type { Agency } from '../../kernel/db/schema.js';
import { LIST_HEADERS } from './domain/columns.js';

export const has = (cmd: string) => {
  try {
    execFileSync('which', [cmd]);
    return true;
  } catch {
    return false;
  }
};

/** One entry of a zip (a DOCX is one), read with the zip's central directory and zlib. */
export function zipEntry(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  const count = zip.readUInt16LE(end + 10);
  for (let n = 0; n < count; n++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLen = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const entry = zip.subarray(at + 46, at + 46 + nameLen).toString();
    if (entry === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLen + extra + comment;
  }
  throw new Error(`${name} is not in the zip`);
}

export async function xlsxOf(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Daftar Data');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

export async function sheetRows(base64: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Daftar Data');
  const out: string[][] = [];
  ws?.eachRow((row) => {
    out.push(LIST_HEADERS.map((_, i) => String(row.getCell(i + 1).value ?? '')));
  });
  return out;
}

export function row(
  idDdd: string,
  name: string,
  agency: string,
  over: Partial<Record<string, string>> = {},
): string[] {
  const base: Record<string, string> = {
    'ID DDD': idDdd,
    'ID DDP': '',
    'Sumber Referensi': 'RPJMD 2025-2029',
    'Kode Indikator': `IK-${idDdd}`,
    'Nama Indikator': `Indikator ${name}`,
    'Nama Data': name,
    'Jenis Data': 'statistik',
    'Indikator/Variabel': 'Indikator',
    'Kode Standar Data': '',
    'Produsen Data': agency,
    'Klasifikasi Risiko': 'terbuka',
    Definisi: `Definisi ${name}`,
    Satuan: 'orang',
    'Klasifikasi Penyajian': 'Menurut kecamatan',
    'Jadwal Pemutakhiran': 'tahunan',
    'Kategori RAD': '',
    'Kode Metadata': '',
    'Link Portal Daerah': '',
    'Link Portal SDI': '',
    ...over,
  };
  return LIST_HEADERS.map((h) => base[h] ?? '');
}

export interface PlanningWorld {
  t: TestDatabase;
  agencies: Agency[];
  custodian: Actor;
  producers: Actor[];
  admin: Actor;
  as: (a: Actor) => ReturnType<typeof ctxOf>;
  anonymous: Actor;
}

/** Registers the set-up and tear-down hooks; the returned world is filled in before the first test. */
export function planningWorld(kind: (typeof DIALECTS)[number]): PlanningWorld {
  const w = {} as PlanningWorld;
  w.as = (a: Actor) => ctxOf(w.t.database, a);
  w.anonymous = { userId: null, username: 'anonim', roles: ['public'], agencyId: null };

  beforeAll(async () => {
    const t = await createTestDatabase(kind);
    w.t = t;
    w.agencies = [
      await buildAgency(t.database, { name: 'Dinas Kesehatan Uji', shortName: 'DINKES' }),
      await buildAgency(t.database, { name: 'Dinas Pendidikan Uji', shortName: 'DISDIK' }),
      await buildAgency(t.database, { name: 'Dinas Pertanian Uji', shortName: 'DISTAN' }),
    ];
    // A fourth agency of the region that owes nothing: the fan-out must not reach it.
    await buildAgency(t.database, { name: 'Dinas Lain Uji' });
    w.custodian = (await buildUser(t.database, { roles: ['custodian'] })).actor;
    w.admin = (await buildUser(t.database, { roles: ['administrator'] })).actor;
    w.producers = [];
    for (const a of w.agencies)
      w.producers.push((await buildUser(t.database, { roles: ['producer'], agencyId: a.id })).actor);
  });
  afterAll(() => w.t?.drop());

  return w;
}
