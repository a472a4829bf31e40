import type { Kysely } from 'kysely';
import PDFDocument from 'pdfkit';
import type { DatasetSubmission } from '../../kernel/db/schema/workflow-runs.js';
import type { DB } from '../../kernel/db/schema.js';
import { formatDateTime, type Locale, pick } from '../../kernel/i18n/i18n.js';
import { datasetHistory, type HistoryTask } from './history.js';
import { SDI_CHECKLIST } from './submissions.js';
import { findReportDataset } from './submissions.repository.js';

/** What a verification report of one submission says. */
export interface VerificationReport {
  dataset: { id: string; name: string; title: string; agency: string; priority: boolean };
  submission: DatasetSubmission;
  /** The steps that acted on this submission, in order. */
  tasks: HistoryTask[];
  /** The custodian's last checklist for it (items never ticked are null). */
  checklist: { key: string; id: string; en: string; met: boolean | null; note: string }[];
}

export async function verificationReport(
  db: Kysely<DB>,
  submission: DatasetSubmission,
): Promise<VerificationReport> {
  const d = await findReportDataset(db, submission.dataset_id);
  const history = await datasetHistory(db, submission.dataset_id);
  const tasks = history.instances
    .flatMap((i) => i.tasks)
    .filter((t) => t.detail.submissionId === submission.id);
  const verify = [...tasks].reverse().find((t) => t.detail.checklist !== undefined);
  const checklist = SDI_CHECKLIST.map((c) => {
    const ticked = verify?.detail.checklist?.find((x) => x.key === c.key);
    return { key: c.key, id: c.id, en: c.en, met: ticked?.met ?? null, note: ticked?.note ?? '' };
  });
  return {
    dataset: { id: d.id, name: d.name, title: d.title, agency: d.agency, priority: d.priority },
    submission,
    tasks,
    checklist,
  };
}

const PDF_SAFE = (s: string) => s.replace(/[^\x20-\x7e\u00a0-\u00ff\n]/g, '-');

/** The verification report as a PDF (pdfkit, standard fonts; both languages' labels). */
export async function verificationReportPdf(
  report: VerificationReport,
  locale: Locale,
  timeZone?: string,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: report.dataset.title, Subject: 'Laporan verifikasi / Verification report' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const s = report.submission;
  doc.fontSize(16).text(PDF_SAFE('Laporan Verifikasi / Verification Report'));
  doc.moveDown(0.5).fontSize(13).text(PDF_SAFE(report.dataset.title));
  doc.fontSize(10).text(PDF_SAFE(report.dataset.agency));
  doc.moveDown();
  doc.text(
    PDF_SAFE(
      `Pengiriman / Submission #${s.number} - ${formatDateTime(locale, s.submitted_at, timeZone)} - ${s.submitted_by_name}`,
    ),
  );
  doc.text(
    PDF_SAFE(`Status: ${s.state}${report.dataset.priority ? ' - data prioritas / priority data' : ''}`),
  );
  if (s.recommendation_number)
    doc.text(
      PDF_SAFE(
        `Rekomendasi statistik / Statistical recommendation: ${s.recommendation_number}, ${s.recommendation_date ?? ''}`,
      ),
    );
  doc.moveDown().fontSize(12).text('Daftar periksa SDI / SDI checklist');
  doc.fontSize(10);
  for (const c of report.checklist) {
    const mark = c.met === null ? '[ ]' : c.met ? '[v]' : '[x]';
    doc.text(PDF_SAFE(`${mark} ${c.id} / ${c.en}${c.note ? ` - ${c.note}` : ''}`));
  }
  doc.moveDown().fontSize(12).text('Sumber daya / Resources');
  doc.fontSize(10);
  for (const r of s.resources)
    doc.text(
      PDF_SAFE(
        `${r.name} (${r.format}) ${r.row_count === null ? '' : `${r.row_count} baris/rows `}${r.hash ?? ''}`,
      ),
    );
  doc.moveDown().fontSize(12).text('Riwayat / History');
  doc.fontSize(10);
  for (const t of report.tasks) {
    const who = t.closedByName ?? pick(locale, t.actorLabel);
    const when = t.closedAt ? formatDateTime(locale, t.closedAt, timeZone) : '-';
    const minutes =
      t.workingMinutes === null ? '' : ` - ${Math.round(t.workingMinutes)} menit kerja / working minutes`;
    doc.text(PDF_SAFE(`${t.title.id} / ${t.title.en}: ${t.outcome ?? 'open'} - ${who} - ${when}${minutes}`));
    if (t.note) doc.text(PDF_SAFE(`   ${t.note}`));
    for (const f of t.detail.fields ?? []) doc.text(PDF_SAFE(`   ${f.field}: ${f.note}`));
    for (const c of t.detail.cells ?? [])
      doc.text(PDF_SAFE(`   ${c.resource} [${c.row}, ${c.column}]: ${c.note}`));
  }
  doc.end();
  return done;
}
