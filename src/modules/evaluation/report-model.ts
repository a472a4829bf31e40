import type { Locale } from '../../kernel/i18n/i18n.js';
import type { AssessmentView } from './assessment-view.js';
import { round2 } from './domain/epss.js';
import type { PerformanceView } from './evaluation.js';
import { T } from './report-text.js';

/**
 * The yearly report to the head of region (issue #16 item 4) as one model that the PDF and the
 * DOCX both render, so the two say the same: summary, fulfilment, SOP performance, requests,
 * portal use, the EPSS result and recommendations, then the approval block to sign.
 */
export interface ReportTable {
  columns: string[];
  rows: string[][];
}
export interface ReportBar {
  label: string;
  /** 0..1 */
  value: number;
  text: string;
}
export interface ReportSection {
  heading: string;
  paragraphs: string[];
  table?: ReportTable;
  bars?: ReportBar[];
  /** The bar chart's axis: a bar's value (0..1) times `max`, e.g. percent in time or index 0–5. */
  barAxis?: { max: number; name: string };
}
/** The section's bars as a chart (labels, values on the axis' scale, the axis). */
export function barChartInput(s: ReportSection): {
  labels: string[];
  values: number[];
  max: number;
  name: string;
} {
  const axis = s.barAxis ?? { max: 100, name: '' };
  const bars = s.bars ?? [];
  return {
    labels: bars.map((b) => b.label),
    values: bars.map((b) => Math.round(Math.max(0, Math.min(1, b.value)) * axis.max * 100) / 100),
    max: axis.max,
    name: axis.name,
  };
}

export interface ReportModel {
  title: string;
  subtitle: string;
  sections: ReportSection[];
  approval: { approved: boolean; line: string; signer: string };
}

const fmt = (n: number | null | undefined, digits = 1) =>
  n === null || n === undefined ? '—' : (Math.round(n * 10 ** digits) / 10 ** digits).toString();
const pct = (a: number, b: number) => (b ? `${Math.round((100 * a) / b)}%` : '—');

export function buildReportModel(input: {
  locale: Locale;
  regionName: string;
  perf: PerformanceView;
  epss: AssessmentView;
  report: { state: string; approved_by_name: string | null; approved_at: Date | null } | null;
  generatedOn: string;
}): ReportModel {
  const { locale, perf, epss } = input;
  const t = T[locale];
  const pick = (x: { id: string; en: string }) => x[locale];
  const sections: ReportSection[] = [];
  const tasks = perf.steps.reduce((a, s) => a + s.n, 0);
  const withDue = perf.steps.reduce((a, s) => a + s.withDue, 0);
  const inTime = perf.steps.reduce((a, s) => a + s.inTime, 0);
  sections.push({
    heading: t.summary,
    paragraphs: [
      epss.index.overall === null || !epss.predicate
        ? t.noIndex
        : t.index(
            round2(epss.index.overall).toFixed(2),
            pick(epss.predicate),
            epss.index.filled,
            epss.index.total,
          ),
      t.verified(epss.verified, epss.index.total),
      t.runs(tasks, pct(inTime, withDue)),
    ],
  });
  const ful = perf.planning?.fulfilment;
  sections.push(
    ful
      ? {
          heading: t.fulfilment,
          paragraphs: ful.length ? [] : [t.none],
          table: {
            columns: t.fulCols,
            rows: ful.map((r) => [
              r.agencyName,
              String(r.planned),
              String(r.fulfilled),
              pct(r.fulfilled, r.planned),
            ]),
          },
        }
      : { heading: t.fulfilment, paragraphs: [t.notRecorded] },
  );
  sections.push({
    heading: t.sop,
    paragraphs: perf.steps.length ? [] : [t.none],
    table: {
      columns: t.stepCols,
      rows: perf.steps.map((s) => [
        s.definitionKey,
        pick(s.stepTitle),
        s.standard ?? '—',
        String(s.n),
        fmt(s.medianMinutes),
        fmt(s.p90Minutes),
        s.inTimeShare === null ? '—' : pct(s.inTime, s.withDue),
      ]),
    },
    barAxis: { max: 100, name: t.stepCols[6] as string },
    bars: perf.steps
      .filter((s) => s.inTimeShare !== null)
      .map((s) => ({
        label: pick(s.stepTitle),
        value: s.inTimeShare as number,
        text: pct(s.inTime, s.withDue),
      })),
  });
  sections.push({
    heading: t.processes,
    paragraphs: perf.processes.length ? [] : [t.none],
    table: {
      columns: t.procCols,
      rows: perf.processes.map((p) => [
        pick(p.title),
        String(p.n),
        fmt(p.medianDays),
        fmt(p.p90Days),
        pct(p.allStepsInTime, p.n),
        p.withinStandard === null ? '—' : pct(p.withinStandard, p.n),
      ]),
    },
  });
  const req = perf.requests;
  sections.push(
    req
      ? {
          heading: t.requests,
          paragraphs: [],
          table: {
            columns: t.reqCols,
            rows: req.byAgency.map((r) => [
              r.agencyName,
              String(r.total),
              String(r.answered),
              pct(r.withinStandard, r.total),
            ]),
          },
        }
      : { heading: t.requests, paragraphs: [t.notRecorded] },
  );
  const rel = perf.releases.summary;
  sections.push(
    rel
      ? {
          heading: t.releases,
          paragraphs: [t.relLine(rel.met, rel.total, rel.late)],
          table: {
            columns: t.relCols,
            rows: perf.releases.rows.map((r) => [
              r.title,
              r.agency_name ?? '—',
              r.planned,
              r.published ?? '—',
              String(r.days_late),
            ]),
          },
        }
      : { heading: t.releases, paragraphs: [t.notRecorded] },
  );
  const months = new Map<string, [number, number, number]>();
  for (const u of perf.usage) {
    const m = months.get(u.month) ?? [0, 0, 0];
    months.set(u.month, [m[0] + u.views, m[1] + u.downloads, m[2] + u.api_calls]);
  }
  sections.push({
    heading: t.usage,
    paragraphs: months.size ? [] : [t.none],
    table: {
      columns: t.useCols,
      rows: [...months].map(([m, v]) => [m, String(v[0]), String(v[1]), String(v[2])]),
    },
  });
  sections.push({
    heading: t.epss,
    paragraphs: [],
    table: {
      columns: t.epssCols,
      rows: epss.structure.map((d) => [
        `${d.code}. ${pick(d.name)}`,
        `${d.weight}%`,
        fmt(epss.index.domains.get(d.code), 2),
        fmt(epss.previousIndex?.domains.get(d.code), 2),
      ]),
    },
    barAxis: { max: 5, name: t.epssCols[2] as string },
    bars: epss.structure.map((d) => {
      const v = epss.index.domains.get(d.code) ?? null;
      return { label: pick(d.name), value: v === null ? 0 : v / 5, text: fmt(v, 2) };
    }),
  });
  const recs = [...epss.indicators.values()]
    .filter((i) => i.next !== null)
    .sort((a, b) => (a.effective ?? 0) - (b.effective ?? 0) || a.code.localeCompare(b.code))
    .slice(0, 10);
  sections.push({
    heading: t.recs,
    paragraphs: [],
    table: {
      columns: t.recCols,
      rows: recs.map((i) => [
        `${i.code} ${pick(i.name)}`,
        i.effective === null ? '—' : String(i.effective),
        String(i.next?.level ?? ''),
        i.proposal
          ? locale === 'id'
            ? i.proposal.next_id
            : i.proposal.next_en
          : pick(i.next?.criterion ?? { id: '', en: '' }),
      ]),
    },
  });
  const r = input.report;
  const approved = r?.state === 'approved';
  return {
    title: t.title(perf.year, input.regionName),
    subtitle: t.subtitle(input.generatedOn),
    sections,
    approval: {
      approved,
      line:
        approved && r?.approved_by_name && r.approved_at
          ? t.approved(r.approved_by_name, r.approved_at.toISOString().slice(0, 10))
          : t.pending,
      signer: t.signer,
    },
  };
}

export const REPORT_HEADINGS = { id: T.id, en: T.en };
