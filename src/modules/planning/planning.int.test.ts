import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories/index.js';
import { ctxOf } from '../../../test/support/flow-fixtures.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import type { Actor } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import type { Agency } from '../../kernel/db/schema.js';
import { taskComplete } from '../workflows/actions/task-complete.js';
import {
  regionWorkflowSet,
  workflowDefinitionShow,
} from '../workflows/actions/workflow-definition-actions.js';
import { MALUKU_UTARA_PENGUMPULAN_DISEMINASI } from '../workflows/domain/presets/index.js';
import { forumDecisionRecord, forumMeetingCreate, forumMinutesRecord } from './actions/forum.js';
import { dataListItemCreate, dataListItemLink, dataListItemRespond } from './actions/items.js';
import { dataListCopy, dataListDiff, dataListExport, dataListImport, dataListShow } from './actions/list.js';
import { dataProposalCreate, dataProposalModerate } from './actions/proposals.js';
import { dataListEnact, planningRecordDownload, planningRecordGenerate } from './actions/records.js';
import { LIST_HEADERS } from './domain/columns.js';
import { planningFigures } from './figures.js';
import { ListRefusedError } from './list-xlsx.js';

const has = (cmd: string) => {
  try {
    execFileSync('which', [cmd]);
    return true;
  } catch {
    return false;
  }
};

async function xlsxOf(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Daftar Data');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function sheetRows(base64: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Daftar Data');
  const out: string[][] = [];
  ws?.eachRow((row) => {
    out.push(LIST_HEADERS.map((_, i) => String(row.getCell(i + 1).value ?? '')));
  });
  return out;
}

function row(
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

for (const kind of DIALECTS) {
  describe(`planning on ${kind}`, () => {
    let t: TestDatabase;
    let agencies: Agency[];
    let custodian: Actor;
    let producers: Actor[];
    let admin: Actor;
    const as = (a: Actor) => ctxOf(t.database, a);
    const anonymous: Actor = { userId: null, username: 'anonim', roles: ['public'], agencyId: null };

    beforeAll(async () => {
      t = await createTestDatabase(kind);
      agencies = [
        await buildAgency(t.database, { name: 'Dinas Kesehatan Uji', shortName: 'DINKES' }),
        await buildAgency(t.database, { name: 'Dinas Pendidikan Uji', shortName: 'DISDIK' }),
        await buildAgency(t.database, { name: 'Dinas Pertanian Uji', shortName: 'DISTAN' }),
      ];
      // A fourth agency of the region that owes nothing: the fan-out must not reach it.
      await buildAgency(t.database, { name: 'Dinas Lain Uji' });
      custodian = (await buildUser(t.database, { roles: ['custodian'] })).actor;
      admin = (await buildUser(t.database, { roles: ['administrator'] })).actor;
      producers = [];
      for (const a of agencies)
        producers.push((await buildUser(t.database, { roles: ['producer'], agencyId: a.id })).actor);
    });
    afterAll(() => t?.drop());

    it('round trip: export → import into another year → export gives the same rows', async () => {
      const file = await xlsxOf([
        [...LIST_HEADERS],
        row('1.01', 'Jumlah Puskesmas', 'Dinas Kesehatan Uji'),
        row('1.02', 'Angka Partisipasi Sekolah', 'DISDIK', { 'Jadwal Pemutakhiran': 'semesteran' }),
        row('1.03', 'Luas Panen Padi', agencies[2]?.code ?? '', {
          'Jenis Data': 'geospasial',
          'Klasifikasi Risiko': 'terbatas',
        }),
      ]);
      expect(await executeAction(as(custodian), dataListImport, { year: 2030, file })).toMatchObject({
        added: 3,
      });
      const first = await executeAction(as(custodian), dataListExport, { year: 2030 });
      expect(
        await executeAction(as(custodian), dataListImport, { year: 2031, file: first.file }),
      ).toMatchObject({
        added: 3,
      });
      const second = await executeAction(as(custodian), dataListExport, { year: 2031 });
      const a = await sheetRows(first.file);
      const b = await sheetRows(second.file);
      expect(a[0]).toEqual([...LIST_HEADERS]);
      expect(a).toHaveLength(4);
      expect(b).toEqual(a);
      // The producer column is written by the agency's name whatever the import used.
      expect(a[3]?.[9]).toBe('Dinas Pertanian Uji');
    });

    it('refuses a wrong header, a wrong code or a duplicate ID DDD whole, naming row and column', async () => {
      const wrongHeader = [...LIST_HEADERS];
      wrongHeader[6] = 'Jenis';
      const e1 = await executeAction(as(custodian), dataListImport, {
        year: 2032,
        file: await xlsxOf([wrongHeader, row('9.01', 'A', 'DINKES')]),
      }).catch((e) => e);
      expect(e1).toBeInstanceOf(ListRefusedError);
      expect((e1 as ListRefusedError).problems).toEqual([
        expect.objectContaining({ sheet: 'Daftar Data', row: 1, column: 'Jenis Data' }),
      ]);
      const e2 = await executeAction(as(custodian), dataListImport, {
        year: 2032,
        file: await xlsxOf([
          [...LIST_HEADERS],
          row('9.01', 'A', 'DINKES'),
          row('9.02', 'B', 'DINKES', { 'Jenis Data': 'statistika' }),
          row('9.01', 'C', 'DISDIK'),
          row('9.04', 'D', 'Dinas Tidak Ada'),
        ]),
      }).catch((e) => e);
      expect(e2).toBeInstanceOf(ListRefusedError);
      const problems = (e2 as ListRefusedError).problems.map((p) => [p.row, p.column]);
      expect(problems).toEqual([
        [3, 'Jenis Data'],
        [4, 'ID DDD'],
        [5, 'Produsen Data'],
      ]);
      expect(Object.keys((e2 as ListRefusedError).fields)).toContain('Daftar Data › baris 3 › Jenis Data');
      // Nothing of the refused file was saved.
      const saved = await t.database.db
        .selectFrom('data_list_item')
        .select('id_ddd')
        .where('id_ddd', 'like', '9.%')
        .execute();
      expect(saved).toEqual([]);
    });

    it('copies last year and shows the difference between two years', async () => {
      await executeAction(as(custodian), dataListCopy, { from_year: 2030, to_year: 2033 });
      await executeAction(as(custodian), dataListItemCreate, {
        year: 2033,
        id_ddd: '1.04',
        data_name: 'Jumlah Sekolah',
        kind: 'statistik',
        agency_id: agencies[1]?.id,
        risk_class: 'terbuka',
        update_schedule: 'tahunan',
      });
      const diff = await executeAction(as(custodian), dataListDiff, { year: 2033, other_year: 2030 });
      expect(diff).toMatchObject({ added: ['1.04'], removed: [], changed: [] });
    });

    it('the forum decides, the records are generated as DOCX and PDF that read back', async () => {
      const list = await executeAction(as(custodian), dataListShow, { year: 2030 });
      const [a, b, c] = list.items as unknown as { id: string; 'ID DDD': string }[];
      // A producer refuses its row with a reason; a refusal without one is refused.
      await expect(
        executeAction(as(producers[2] as Actor), dataListItemRespond, { id: c?.id, response: 'refuse' }),
      ).rejects.toThrow(/Alasan|reason/);
      await expect(
        executeAction(as(producers[0] as Actor), dataListItemRespond, {
          id: c?.id,
          response: 'refuse',
          reason: 'x',
        }),
      ).rejects.toThrow();
      await executeAction(as(producers[2] as Actor), dataListItemRespond, {
        id: c?.id,
        response: 'refuse',
        reason: 'Data luas panen dihasilkan BPS',
      });
      const meeting = await executeAction(as(custodian), forumMeetingCreate, {
        year: 2030,
        title: 'Forum Satu Data 2030',
        held_on: '2029-11-20',
        place: 'Aula Bappeda',
        invitees: 'BPS\nBappeda\nDinas Kesehatan Uji',
      });
      await executeAction(as(custodian), forumDecisionRecord, {
        meeting_id: meeting.id,
        item_id: a?.id,
        decision: 'agreed',
      });
      await executeAction(as(custodian), forumDecisionRecord, {
        meeting_id: meeting.id,
        item_id: b?.id,
        decision: 'changed',
        note: 'Dipecah menurut jenjang',
      });
      await executeAction(as(custodian), forumDecisionRecord, {
        meeting_id: meeting.id,
        item_id: c?.id,
        decision: 'refused',
        note: 'Sesuai penolakan produsen',
      });
      await executeAction(as(custodian), forumMinutesRecord, {
        id: meeting.id,
        minutes: 'Forum menyepakati dua data dan menolak satu.',
        attendance: 'BPS\nBappeda',
      });
      await executeAction(as(custodian), planningRecordGenerate, {
        year: 2030,
        kind: 'berita_acara',
        meeting_id: meeting.id,
        signatories: 'Budi Santoso|Kepala BPS\nSiti Aminah|Kepala Bappeda',
      });
      await executeAction(as(custodian), planningRecordGenerate, { year: 2030, kind: 'sk_draft' });
      const docx = await executeAction(as(custodian), planningRecordDownload, {
        year: 2030,
        kind: 'berita_acara',
        format: 'docx',
      });
      const dir = mkdtempSync(path.join(os.tmpdir(), 'planning-doc-'));
      const docxPath = path.join(dir, 'ba.docx');
      writeFileSync(docxPath, Buffer.from(docx.file, 'base64'));
      // A DOCX is a zip whose word/document.xml holds the text.
      const xml = execFileSync('unzip', ['-p', docxPath, 'word/document.xml']).toString();
      const text = xml.replace(/<[^>]+>/g, ' ');
      expect(text).toContain('BERITA ACARA KESEPAKATAN DAFTAR DATA TAHUN 2030');
      expect(text).toContain('Jumlah Puskesmas');
      expect(text).toContain('Angka Partisipasi Sekolah');
      expect(text).not.toContain('Luas Panen Padi');
      expect(text).toContain('Budi Santoso');
      expect(text).toContain('Aula Bappeda');
      const pdf = await executeAction(as(custodian), planningRecordDownload, {
        year: 2030,
        kind: 'sk_draft',
        format: 'pdf',
      });
      const pdfPath = path.join(dir, 'sk.pdf');
      writeFileSync(pdfPath, Buffer.from(pdf.file, 'base64'));
      expect(Buffer.from(pdf.file, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
      if (has('pdftotext')) {
        execFileSync('pdftotext', ['-layout', pdfPath, path.join(dir, 'sk.txt')]);
        const pdfText = readFileSync(path.join(dir, 'sk.txt'), 'utf8');
        expect(pdfText).toContain('RANCANGAN KEPUTUSAN TENTANG DAFTAR DATA TAHUN 2030');
        expect(pdfText).toContain('Jumlah Puskesmas');
        expect(pdfText).toContain('sebanyak 2 data dari 2 perangkat daerah');
      }
      if (has('pdftoppm')) {
        execFileSync('pdftoppm', ['-png', '-r', '30', '-f', '1', '-l', '1', pdfPath, path.join(dir, 'page')]);
        expect(readFileSync(path.join(dir, 'page-1.png')).subarray(1, 4).toString()).toBe('PNG');
      }
      const figures = await planningFigures(t.database.db, { year: 2030 });
      expect(figures.meetings).toEqual([
        expect.objectContaining({
          title: 'Forum Satu Data 2030',
          heldOn: '2029-11-20',
          hasMinutes: true,
          decisions: 3,
        }),
      ]);
      expect(figures.documents.map((d) => d.kind).sort()).toEqual(['berita_acara', 'minutes', 'sk_draft']);
    });

    it('a public proposal is moderated into a planned row', async () => {
      const p = await executeAction({ ...as(anonymous), ip: '10.0.0.9' }, dataProposalCreate, {
        year: 2033,
        data_name: 'Jumlah taman kota',
        proposer_name: 'Warga',
        proposer_email: 'warga@contoh.id',
      });
      expect(p.source).toBe('public');
      await expect(
        executeAction(as(anonymous), dataProposalCreate, {
          year: 2033,
          data_name: 'Spam',
          proposer_name: 'x',
          website: 'http://spam',
        }),
      ).rejects.toThrow();
      const r = await executeAction(as(custodian), dataProposalModerate, {
        id: p.id,
        decision: 'accept',
        id_ddd: '5.01',
        agency_id: agencies[0]?.id,
      });
      expect(r.state).toBe('accepted');
      const show = await executeAction(as(custodian), dataListShow, { year: 2033 });
      expect((show.items as unknown as { 'ID DDD': string }[]).map((i) => i['ID DDD'])).toContain('5.01');
    });

    it('fan-out: an enacted list over three agencies opens exactly one collection task per agency; one return touches no other', async () => {
      // The region runs North Maluku's SOP for its data-list cycle: step 1 requests, step 2 fans out.
      const stored = (await executeAction(as(admin), workflowDefinitionShow, {
        key: MALUKU_UTARA_PENGUMPULAN_DISEMINASI.key,
      })) as { id: string };
      await executeAction(as(admin), regionWorkflowSet, {
        process_kind: 'data_list_cycle',
        definition_id: stored?.id,
      });
      const year = 2034;
      const ids: string[] = [];
      for (const [n, a] of agencies.entries()) {
        const r = await executeAction(as(custodian), dataListItemCreate, {
          year,
          id_ddd: `7.0${n}`,
          data_name: `Data ${n}`,
          kind: 'statistik',
          agency_id: a.id,
          risk_class: 'terbuka',
          update_schedule: n === 0 ? 'triwulanan' : 'tahunan',
        });
        ids.push(r.id);
      }
      const m = await executeAction(as(custodian), forumMeetingCreate, {
        year,
        title: 'Forum 2034',
        held_on: '2033-11-01',
      });
      for (const id of ids)
        await executeAction(as(custodian), forumDecisionRecord, {
          meeting_id: m.id,
          item_id: id,
          decision: 'agreed',
        });
      await executeAction(as(custodian), planningRecordGenerate, {
        year,
        kind: 'berita_acara',
        meeting_id: m.id,
      });
      const enacted = await executeAction(as(custodian), dataListEnact, { year, decree_number: '100/2034' });
      expect(enacted).toMatchObject({ status: 'enacted', agencies: 3 });
      const tasks = () =>
        t.database.db
          .selectFrom('workflow_task')
          .select(['id', 'step_id', 'agency_id', 'state'])
          .where('instance_id', '=', enacted.instance_id as string)
          .orderBy('opened_at')
          .execute();
      const open = (await tasks()).filter((x) => x.state === 'open');
      expect(open.map((x) => x.step_id)).toEqual(['receive_data', 'receive_data', 'receive_data']);
      expect(open.map((x) => x.agency_id).sort()).toEqual(agencies.map((a) => a.id).sort());
      // Obligations per period: quarterly → 4, yearly → 1 each.
      const owed = await t.database.db
        .selectFrom('data_list_obligation')
        .select('agency_id')
        .where('item_id', 'in', ids)
        .execute();
      expect(owed).toHaveLength(6);
      // Agency 0 hands in; the custodian returns it as incomplete: only agency 0's task reopens.
      const lane0 = open.find((x) => x.agency_id === agencies[0]?.id);
      await executeAction(as(producers[0] as Actor), taskComplete, {
        id: lane0?.id,
        outcome: 'done',
        note: 'Data diserahkan',
      });
      const check0 = (await tasks()).find((x) => x.state === 'open' && x.step_id === 'check_completeness');
      expect(check0?.agency_id).toBe(agencies[0]?.id);
      await executeAction(as(custodian), taskComplete, {
        id: check0?.id,
        outcome: 'incomplete',
        note: 'Metadata kurang',
      });
      const after = (await tasks()).filter((x) => x.state === 'open');
      expect(after.map((x) => [x.step_id, x.agency_id]).sort()).toEqual(
        agencies.map((a) => ['receive_data', a.id]).sort(),
      );
      // The other two agencies' tasks are the very same tasks as before the return.
      for (const a of agencies.slice(1))
        expect(after.find((x) => x.agency_id === a.id)?.id).toBe(open.find((x) => x.agency_id === a.id)?.id);
      // The enacted list is frozen.
      await expect(
        executeAction(as(custodian), dataListItemCreate, {
          year,
          id_ddd: '7.99',
          data_name: 'Terlambat',
          kind: 'statistik',
          agency_id: agencies[0]?.id,
          risk_class: 'terbuka',
          update_schedule: 'tahunan',
        }),
      ).rejects.toThrow(/ditetapkan|enacted/);
      const figures = await planningFigures(t.database.db, { year, today: '2034-04-15' });
      expect(figures.status).toBe('enacted');
      expect(figures.agencies.map((x) => [x.items, x.fulfilled, x.overdue])).toEqual([
        [1, 0, 1],
        [1, 0, 0],
        [1, 0, 0],
      ]);
      expect(await planningFigures(t.database.db, { year, agencyId: agencies[1]?.id })).toMatchObject({
        agencies: [expect.objectContaining({ agencyId: agencies[1]?.id, items: 1 })],
      });
    });

    it('a producer links its dataset to its item; another agency may not', async () => {
      const show = await executeAction(as(custodian), dataListShow, { year: 2034 });
      const item = (show.items as unknown as { id: string; agency_id: string }[]).find(
        (i) => i.agency_id === agencies[0]?.id,
      );
      await t.database.db
        .insertInto('dataset')
        .values({
          name: 'puskesmas-2034',
          title: 'Puskesmas 2034',
          agency_id: agencies[0]?.id as string,
          state: 'active',
        })
        .execute();
      await expect(
        executeAction(as(producers[1] as Actor), dataListItemLink, {
          id: item?.id,
          dataset: 'puskesmas-2034',
        }),
      ).rejects.toThrow();
      await executeAction(as(producers[0] as Actor), dataListItemLink, {
        id: item?.id,
        dataset: 'puskesmas-2034',
      });
      const again = await executeAction(as(custodian), dataListShow, { year: 2034 });
      expect(
        (again.items as unknown as { id: string; datasets: { name: string }[] }[]).find(
          (i) => i.id === item?.id,
        )?.datasets,
      ).toEqual([{ name: 'puskesmas-2034', title: 'Puskesmas 2034' }]);
    });

    it('the public sees only enacted lists and their open rows', async () => {
      await expect(executeAction(as(anonymous), dataListShow, { year: 2030 })).rejects.toThrow(
        /tidak ditemukan|No data list/,
      );
      const shown = await executeAction(as(anonymous), dataListShow, { year: 2034 });
      expect(shown.items).toHaveLength(3);
    });
  });
}
