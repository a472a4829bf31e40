/**
 * The year's data list on both engines: xlsx round trip and refusal, copying a year, the forum's
 * decisions and records (DOCX, PDF), and public proposals. Set-up: planning.fixture.ts.
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { Actor } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import { forumDecisionRecord, forumMeetingCreate, forumMinutesRecord } from './actions/forum.js';
import { dataListItemCreate, dataListItemRespond } from './actions/items.js';
import { dataListCopy, dataListDiff, dataListExport, dataListImport, dataListShow } from './actions/list.js';
import { dataProposalCreate, dataProposalModerate } from './actions/proposals.js';
import { planningRecordDownload, planningRecordGenerate } from './actions/records.js';
import { LIST_HEADERS } from './domain/columns.js';
import { planningFigures } from './figures.js';
import { ListRefusedError } from './list-xlsx.js';
import { has, planningWorld, row, sheetRows, xlsxOf, zipEntry } from './planning.fixture.js';

for (const kind of DIALECTS) {
  describe(`planning on ${kind}`, () => {
    const w = planningWorld(kind);

    it('round trip: export → import into another year → export gives the same rows', async () => {
      const { agencies, custodian, as } = w;
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
      const { t, custodian, as } = w;
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
      const { agencies, custodian, as } = w;
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
      const { t, custodian, producers, as } = w;
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
      // A DOCX is a zip whose word/document.xml holds the text.
      const xml = zipEntry(Buffer.from(docx.file, 'base64'), 'word/document.xml');
      const text = xml.replace(/<[^>]+>/g, ' ');
      expect(text).toContain('BERITA ACARA KESEPAKATAN DAFTAR DATA TAHUN 2030');
      expect(text).toContain('Jumlah Puskesmas');
      expect(text).toContain('Angka Partisipasi Sekolah');
      expect(text).not.toContain('Luas Panen Padi');
      expect(text).toContain('Budi Santoso');
      expect(text).toContain('Aula Bappeda');
      const skDocx = await executeAction(as(custodian), planningRecordDownload, {
        year: 2030,
        kind: 'sk_draft',
        format: 'docx',
      });
      expect(zipEntry(Buffer.from(skDocx.file, 'base64'), 'word/document.xml')).toContain('MEMUTUSKAN');
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
      const { agencies, custodian, as, anonymous } = w;
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
  });
}
