import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEvaluationFixture,
  type EvaluationFixture,
} from '../../../test/support/evaluation-fixtures.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { executeAction } from '../../kernel/actions/action.js';
import { ConflictError, NotAuthorizedError, ValidationError } from '../../kernel/errors.js';
import {
  epssAssessmentShow,
  epssIndicatorUpdate,
  epssIndicatorVerify,
  evaluationReportApprove,
  evaluationReportGenerate,
  evaluationShow,
} from './actions/evaluation-actions.js';
import { assessmentView } from './assessment-view.js';
import { loadStructure } from './epss.repository.js';
import { performance } from './evaluation.js';
import { worksheetXlsx } from './export.js';
import { renderReportDocx } from './report-docx.js';
import { buildReportModel } from './report-model.js';
import { renderReportPdf } from './report-pdf.js';

const POPPLER = existsSync('/usr/bin/pdftotext');
const dir = mkdtempSync(path.join(tmpdir(), 'eval-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Show = {
  state: string;
  index: { overall: number | null; filled: number };
  domains: {
    aspects: {
      indicators: {
        code: string;
        level: number | null;
        proposal: { level: number | null } | null;
        verified_level: number | null;
        verify_outcome: string | null;
        evidence: unknown[];
      }[];
    }[];
  }[];
};
const indicator = (s: Show, code: string) =>
  s.domains.flatMap((d) => d.aspects.flatMap((a) => a.indicators)).find((i) => i.code === code);

for (const kind of DIALECTS) {
  describe(`EPSS self-assessment, BPS verification and the yearly report on ${kind}`, () => {
    let f: EvaluationFixture;
    beforeAll(async () => {
      f = await createEvaluationFixture(kind);
    });
    afterAll(() => f?.t.drop());

    it('the stored worksheet has 38 indicators under 19 aspects and 5 domains', async () => {
      const s = await loadStructure(f.t.database.db);
      expect(s).toHaveLength(5);
      expect(s.flatMap((d) => d.aspects)).toHaveLength(19);
      expect(s.flatMap((d) => d.aspects.flatMap((a) => a.indicators))).toHaveLength(38);
      expect(s.find((d) => d.code === '3')?.weight).toBe(19);
    });

    it('the platform proposes 40304 from the verification logs with its evidence; the TPI picks, BPS verifies', async () => {
      const before = (await executeAction(f.as(f.custodian), epssAssessmentShow, { year: 2026 })) as Show;
      expect(before.state).toBe('none');
      const proposal = indicator(before, '40304')?.proposal;
      // Submissions of 2026: A sent 2 (1 decided), B sent 1 (decided): both agencies check, not every item: level 2.
      expect(proposal?.level).toBe(2);
      const saved = await executeAction(f.as(f.custodian), epssIndicatorUpdate, {
        year: 2026,
        code: '40304',
        level: 3,
        explanation: 'Walidata memeriksa setiap kiriman menurut SOP.',
        evidence: [{ label: 'SK Walidata', href: 'https://contoh.test/sk.pdf' }],
      });
      expect(saved).toMatchObject({ level: 3, proposed_level: 2 });
      await executeAction(f.as(f.secretariat), epssIndicatorUpdate, {
        year: 2026,
        code: '10101',
        level: 2,
        explanation: 'Sebagian.',
      });
      const mid = (await executeAction(f.as(f.supervisor), epssAssessmentShow, { year: 2026 })) as Show;
      expect(mid.state).toBe('draft');
      expect(indicator(mid, '40304')).toMatchObject({ level: 3, verified_level: null });
      expect(mid.index.filled).toBe(2);

      const agreed = await executeAction(f.as(f.supervisor), epssIndicatorVerify, {
        year: 2026,
        code: '10101',
        outcome: 'agree',
      });
      expect(agreed).toMatchObject({ verified_level: 2, assessment_state: 'submitted' });
      await executeAction(f.as(f.supervisor), epssIndicatorVerify, {
        year: 2026,
        code: '40304',
        outcome: 'adjust',
        level: 2,
        note: 'Belum semua kiriman diperiksa.',
      });
      const after = (await executeAction(f.as(f.leader), epssAssessmentShow, { year: 2026 })) as Show;
      expect(indicator(after, '40304')).toMatchObject({
        level: 3,
        verified_level: 2,
        verify_outcome: 'adjust',
      });
      // Effective levels: 10101 = 2 (domain 1 aspect 101), 40304 = 2 (domain 4): overall 2.
      expect(after.index.overall).toBe(2);
      const audit = await f.t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'like', 'epss_%')
        .execute();
      expect(audit.map((a) => a.action).sort()).toEqual([
        'epss_indicator_update',
        'epss_indicator_update',
        'epss_indicator_verify',
        'epss_indicator_verify',
      ]);
    });

    it('refuses what the roles may not do, and incomplete decisions, naming what is wrong', async () => {
      const upd = { year: 2026, code: '20101', level: 2, explanation: 'x' };
      for (const actor of [f.producerA, f.supervisor, f.leader, f.admin])
        await expect(executeAction(f.as(actor), epssIndicatorUpdate, upd)).rejects.toBeInstanceOf(
          NotAuthorizedError,
        );
      for (const actor of [f.custodian, f.secretariat, f.producerA, f.leader])
        await expect(
          executeAction(f.as(actor), epssIndicatorVerify, { year: 2026, code: '10101', outcome: 'agree' }),
        ).rejects.toBeInstanceOf(NotAuthorizedError);
      await expect(
        executeAction(f.as(f.producerA), epssAssessmentShow, { year: 2026 }),
      ).rejects.toBeInstanceOf(NotAuthorizedError);
      await expect(
        executeAction(f.as(f.supervisor), epssIndicatorVerify, {
          year: 2026,
          code: '20101',
          outcome: 'agree',
        }),
      ).rejects.toBeInstanceOf(ConflictError);
      await expect(
        executeAction(f.as(f.supervisor), epssIndicatorVerify, {
          year: 2026,
          code: '10101',
          outcome: 'adjust',
        }),
      ).rejects.toBeInstanceOf(ValidationError);
      await expect(
        executeAction(f.as(f.custodian), epssIndicatorUpdate, {
          year: 2026,
          code: '20101',
          level: 2,
          explanation: ' ',
        }),
      ).rejects.toBeInstanceOf(ValidationError);
      for (const actor of [f.producerA, f.supervisor, f.leader])
        await expect(
          executeAction(f.as(actor), evaluationReportGenerate, { year: 2026 }),
        ).rejects.toBeInstanceOf(NotAuthorizedError);
      for (const actor of [f.custodian, f.secretariat, f.supervisor])
        await expect(
          executeAction(f.as(actor), evaluationReportApprove, { year: 2026 }),
        ).rejects.toBeInstanceOf(NotAuthorizedError);
    });

    it('evaluation_show: the year in one answer; a producer gets its own figures and no region-wide worksheet', async () => {
      const all = (await executeAction(f.as(f.secretariat), evaluationShow, { year: 2026 })) as {
        epss: { overall: number } | null;
      };
      expect(all.epss?.overall).toBe(2);
      const own = (await executeAction(f.as(f.producerA), evaluationShow, { year: 2026 })) as {
        epss: unknown;
        performance: { agencyId: string };
      };
      expect(own.epss).toBeNull();
      expect(own.performance.agencyId).toBe(f.agencyA.id);
    });

    it('the XLSX worksheet has the worksheet layout: 38 indicator rows with level, explanation, evidence and BPS', async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(
        (await worksheetXlsx(await assessmentView(f.t.database.db, 2026, (p) => p))) as never,
      );
      const ws = wb.worksheets[0];
      expect(ws?.getRow(1).getCell(5).value).toBe('Tingkat Kematangan (TPI)');
      const rows: ExcelJS.Row[] = [];
      ws?.eachRow((r, n) => {
        if (n > 1 && /^\d{5}$/.test(String(r.getCell(3).value))) rows.push(r);
      });
      expect(rows).toHaveLength(38);
      let row40304: ExcelJS.Row | undefined;
      ws?.eachRow((r) => {
        if (r.getCell(3).value === '40304') row40304 = r;
      });
      expect(row40304?.getCell(5).value).toBe(3);
      expect(String(row40304?.getCell(7).value)).toContain('SK Walidata');
      expect(row40304?.getCell(9).value).toBe(2);
    });

    it('the report is generated, approved by the leader, and renders as PDF and DOCX with every section', async () => {
      const gen = (await executeAction(f.as(f.custodian), evaluationReportGenerate, { year: 2026 })) as {
        pdf_url: string;
      };
      expect(gen.pdf_url).toBe('http://satudata.test/evaluasi/laporan/2026.pdf');
      const ok = await executeAction(f.as(f.leader), evaluationReportApprove, { year: 2026 });
      expect(ok).toMatchObject({ state: 'approved' });
      await expect(
        executeAction(f.as(f.leader), evaluationReportApprove, { year: 2026 }),
      ).rejects.toBeInstanceOf(ConflictError);
      const db = f.t.database.db;
      const report = await db
        .selectFrom('evaluation_report')
        .selectAll()
        .where('year', '=', 2026)
        .executeTakeFirstOrThrow();
      const model = buildReportModel({
        locale: 'id',
        regionName: 'Kabupaten Uji',
        perf: await performance(db, { year: 2026 }),
        epss: await assessmentView(db, 2026, (p) => p),
        report,
        generatedOn: '7 Des 2026',
      });
      const headings = [
        'Ringkasan',
        'Pemenuhan Daftar Data',
        'Kinerja SOP',
        'Layanan Permintaan Data',
        'Pemakaian Portal',
        'Hasil Penilaian Mandiri EPSS',
        'Rekomendasi',
      ];
      expect(model.sections.map((s) => s.heading)).toEqual(expect.arrayContaining(headings));
      const docx = await renderReportDocx(model);
      const zip = await unzipper.Open.buffer(docx);
      const xml =
        (await zip.files.find((x) => x.path === 'word/document.xml')?.buffer())?.toString('utf8') ?? '';
      const docText = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
      for (const h of [
        ...headings,
        'Laporan Evaluasi Penyelenggaraan Satu Data Kabupaten Uji Tahun 2026',
        'Unggah data',
        '2.00 (Cukup)',
      ])
        expect(docText).toContain(h);
      expect(docText).toMatch(/Disetujui oleh \S+ pada 20\d\d-\d\d-\d\d/);
      // The bars are charts: PNG images (SOP steps in time, EPSS domains), not text blocks.
      const images = zip.files.filter((x) => /^word\/media\/.+\.png$/.test(x.path));
      expect(images).toHaveLength(2);
      const png = await (images[0] as (typeof images)[number]).buffer();
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(xml.match(/<w:drawing>/g)).toHaveLength(2);
      expect(docText).not.toContain('█');
      const pdf = await renderReportPdf(model);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // Two chart images (each with its alpha mask, also an image object).
      expect(pdf.toString('latin1').match(/\/Subtype \/Image/g)?.length).toBe(4);
      if (!POPPLER) return;
      const file = path.join(dir, `laporan-${kind}.pdf`);
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
        /\s+/g,
        ' ',
      );
      for (const h of [
        ...headings,
        'Kabupaten Uji Tahun 2026',
        'Unggah data',
        'Periksa data',
        '2.00 (Cukup)',
        'Disetujui oleh',
      ])
        expect(text).toContain(h);
      // The step table's numbers as the figure test proved them.
      expect(text).toMatch(/Unggah data 1 hari 5 30 76 75%/);
    });
  });
}
