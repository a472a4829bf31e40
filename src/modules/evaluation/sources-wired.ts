import { type RequestFigure, requestServiceFigures } from '../data-requests/index.js';
import { type PlanningFigures, planningFigures } from '../planning/index.js';
import { listAgencies } from './figures.repository.js';
import type { EvaluationSources, PlanningInputs, RequestInputs } from './sources.js';

/**
 * The port wired to the planning module (issue #13: planningFigures) and the request service
 * (issue #14: requestServiceFigures). Nothing recorded for the period reads as null ("not
 * recorded yet"). Publication punctuality comes from dissemination's release calendar
 * (releases.repository.ts), not from here.
 */
export function planningInputsOf(pf: PlanningFigures): PlanningInputs | null {
  if (pf.status === null && pf.meetings.length === 0) return null;
  return {
    fulfilment: pf.agencies.map((a) => ({
      agencyId: a.agencyId,
      agencyName: a.agencyName,
      planned: a.items,
      fulfilled: a.fulfilled,
    })),
    forum: {
      meetings: pf.meetings.length,
      withMinutes: pf.meetings.filter((m) => m.hasMinutes).length,
      listAgreed: pf.status === 'agreed' || pf.status === 'enacted',
    },
  };
}

/** percentile_cont's rule (linear between the two nearest), as the SQL figures use it. */
export function percentileCont(values: number[], p: number): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const pos = p * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (s[lo] as number) + ((s[hi] as number) - (s[lo] as number)) * (pos - lo);
}

export function requestInputsOf(
  figs: RequestFigure[],
  agencies: { id: string; name: string }[],
): RequestInputs | null {
  if (!figs.length) return null;
  const answered = figs.filter((f) => f.answeredAt !== null);
  const inStd = answered.filter((f) => f.onTime);
  const name = new Map(agencies.map((a) => [a.id, a.name]));
  const per = new Map<string, RequestInputs['byAgency'][number]>();
  for (const f of figs) {
    const id = f.agencyId ?? '';
    const row = per.get(id) ?? {
      agencyId: id,
      agencyName: name.get(id) ?? '—',
      total: 0,
      answered: 0,
      withinStandard: 0,
    };
    row.total++;
    if (f.answeredAt) row.answered++;
    if (f.answeredAt && f.onTime) row.withinStandard++;
    per.set(id, row);
  }
  const asked = new Set(figs.map((f) => f.agencyId).filter((a): a is string => a !== null));
  const serving = new Set(inStd.map((f) => f.agencyId).filter((a): a is string => a !== null));
  const days = answered.map((f) => f.workingDaysTaken);
  return {
    total: figs.length,
    answered: answered.length,
    withinStandard: inStd.length,
    medianDays: percentileCont(days, 0.5),
    p90Days: percentileCont(days, 0.9),
    agenciesServing: serving.size,
    agenciesAsked: asked.size,
    byAgency: [...per.values()].sort((a, b) => a.agencyName.localeCompare(b.agencyName)),
  };
}

export const WIRED_SOURCES: EvaluationSources = {
  planning: async (db, q) => planningInputsOf(await planningFigures(db, q)),
  requests: async (db, q) =>
    requestInputsOf(
      await requestServiceFigures(db, { from: q.from, to: q.to, agencyId: q.agencyId ?? null }),
      await listAgencies(db),
    ),
};
