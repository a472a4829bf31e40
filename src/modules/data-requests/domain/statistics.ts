/**
 * The public statistics of the request service from its figures: requests per month, outcomes,
 * median and 90th-percentile answer time in working days, share answered in time, the IKM index,
 * and per agency only where it had at least MIN_AGENCY_REQUESTS requests (fewer would point at people).
 */
export const MIN_AGENCY_REQUESTS = 5;

export interface FigureLike {
  filedAt: Date;
  answeredAt: Date | null;
  workingDaysTaken: number;
  onTime: boolean;
  outcome: string | null;
  agencyId: string | null;
  rating: { index: number } | null;
}

export interface ServiceSummary {
  total: number;
  answered: number;
  medianDays: number | null;
  p90Days: number | null;
  onTimeShare: number | null;
  ikm: number | null;
  outcomes: Record<string, number>;
}

/** The q-quantile (nearest rank) of sorted numbers, or null for none. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1] ?? null;
}

export function summarize(figures: readonly FigureLike[]): ServiceSummary {
  const answered = figures.filter((f) => f.answeredAt);
  const days = answered.map((f) => f.workingDaysTaken).sort((a, b) => a - b);
  const rated = figures.filter((f) => f.rating);
  const outcomes: Record<string, number> = {};
  for (const f of figures) outcomes[f.outcome ?? 'open'] = (outcomes[f.outcome ?? 'open'] ?? 0) + 1;
  return {
    total: figures.length,
    answered: answered.length,
    medianDays: quantile(days, 0.5),
    p90Days: quantile(days, 0.9),
    onTimeShare: answered.length ? answered.filter((f) => f.onTime).length / answered.length : null,
    ikm: rated.length
      ? Math.round((rated.reduce((s, f) => s + (f.rating?.index ?? 0), 0) / rated.length) * 100) / 100
      : null,
    outcomes,
  };
}

/** 'YYYY-MM' → count of requests filed that month (in UTC+7 would shift little; the month of filing). */
export function perMonth(figures: readonly FigureLike[]): [string, number][] {
  const m = new Map<string, number>();
  for (const f of figures) {
    const key = f.filedAt.toISOString().slice(0, 7);
    m.set(key, (m.get(key) ?? 0) + 1);
  }
  return [...m].sort(([a], [b]) => a.localeCompare(b));
}

/** Per agency summaries, only for agencies with at least MIN_AGENCY_REQUESTS requests. */
export function perAgency(figures: readonly FigureLike[]): [string, ServiceSummary][] {
  const groups = new Map<string, FigureLike[]>();
  for (const f of figures) if (f.agencyId) groups.set(f.agencyId, [...(groups.get(f.agencyId) ?? []), f]);
  return [...groups]
    .filter(([, g]) => g.length >= MIN_AGENCY_REQUESTS)
    .map(([id, g]) => [id, summarize(g)] as [string, ServiceSummary]);
}
