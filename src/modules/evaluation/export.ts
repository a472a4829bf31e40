import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { AssessmentView } from './assessment-view.js';
import type { PerformanceView } from './evaluation.js';

/** Every figure of the performance pages as rows (CSV and XLSX export), by the name in the link. */
export function figureRows(
  p: PerformanceView,
  figure: string,
): { columns: string[]; rows: (string | number | null)[][] } | null {
  switch (figure) {
    case 'langkah':
      return {
        columns: [
          'definition_key',
          'step_id',
          'step_title',
          'standard',
          'tasks_done',
          'median_working_minutes',
          'p90_working_minutes',
          'with_due',
          'in_time',
          'in_time_share',
        ],
        rows: p.steps.map((s) => [
          s.definitionKey,
          s.stepId,
          s.stepTitle.id,
          s.standard,
          s.n,
          s.medianMinutes,
          s.p90Minutes,
          s.withDue,
          s.inTime,
          s.inTimeShare,
        ]),
      };
    case 'proses':
      return {
        columns: [
          'definition_key',
          'process_kind',
          'completed',
          'median_days',
          'p90_days',
          'all_steps_in_time',
          'standard_days',
          'within_standard',
        ],
        rows: p.processes.map((x) => [
          x.definitionKey,
          x.processKind,
          x.n,
          x.medianDays,
          x.p90Days,
          x.allStepsInTime,
          x.standardDays,
          x.withinStandard,
        ]),
      };
    case 'verifikasi':
      return {
        columns: [
          'agency',
          'submissions',
          'decisions',
          'returns',
          'median_working_minutes',
          'p90_working_minutes',
        ],
        rows: p.verification.map((v) => [
          v.agency_name,
          v.submissions,
          v.decisions,
          v.returns,
          v.median_minutes,
          v.p90_minutes,
        ]),
      };
    case 'pemakaian':
      return {
        columns: ['month', 'dataset', 'agency', 'views', 'downloads', 'api_calls'],
        rows: p.usage.map((u) => [
          u.month,
          u.dataset_title,
          u.agency_name,
          u.views,
          u.downloads,
          u.api_calls,
        ]),
      };
    case 'rilis':
      return {
        columns: ['publication', 'agency', 'planned_release', 'published', 'status', 'days_late'],
        rows: p.releases.rows.map((r) => [
          r.name,
          r.agency_name,
          r.planned,
          r.published,
          r.status,
          r.days_late,
        ]),
      };
    case 'pemenuhan':
      return {
        columns: ['agency', 'planned', 'fulfilled'],
        rows: (p.planning?.fulfilment ?? []).map((r) => [r.agencyName, r.planned, r.fulfilled]),
      };
    default:
      return null;
  }
}

export function toCsv(t: { columns: string[]; rows: (string | number | null)[][] }): string {
  return Papa.unparse({ fields: t.columns, data: t.rows.map((r) => r.map((c) => c ?? '')) });
}

export async function toXlsx(
  name: string,
  t: { columns: string[]; rows: (string | number | null)[][] },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name.slice(0, 31));
  ws.addRow(t.columns).font = { bold: true };
  for (const r of t.rows) ws.addRow(r.map((c) => c ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The EPSS worksheet's layout: domain, aspect, indicator, level, explanation, evidence, BPS. */
export async function worksheetXlsx(v: AssessmentView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`EPSS ${v.year}`);
  ws.addRow([
    'Domain',
    'Aspek',
    'Kode',
    'Indikator',
    'Tingkat Kematangan (TPI)',
    'Penjelasan',
    'Bukti Dukung',
    'Usulan Platform',
    'Tingkat (TPB/BPS)',
    'Catatan BPS',
    'Tahun Lalu',
  ]).font = { bold: true };
  for (const d of v.structure)
    for (const a of d.aspects)
      for (const x of a.indicators) {
        const i = v.indicators.get(x.code);
        ws.addRow([
          `${d.code} ${d.name.id}`,
          `${a.code} ${a.name.id}`,
          x.code,
          x.name.id,
          i?.level ?? '',
          i?.explanation ?? '',
          (i?.evidence ?? []).map((e) => (e.href ? `${e.label_id} (${e.href})` : e.label_id)).join('\n'),
          i?.proposal?.level ?? '',
          i?.verifiedLevel ?? '',
          i?.verifyNote ?? '',
          i?.previous ?? '',
        ]);
      }
  ws.addRow([]);
  ws.addRow(['Indeks', '', '', '', v.index.overall === null ? '' : Math.round(v.index.overall * 100) / 100]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
