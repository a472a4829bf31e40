import type { Coverage } from './proposals.js';

/**
 * Publication punctuality summed from the release calendar's rows (EPSS 20302): releases due in
 * the period (planned day passed or published) against those published on time; an agency
 * "meets" it when every one of its due releases was on time. Not yet due releases are counted
 * apart. Null when nothing was planned in the period ("not recorded": no proposal).
 */
export interface ReleaseSummary extends Coverage {
  late: number;
  pending: number;
}

export function summariseReleases(
  rows: readonly { agency_id: string | null; status: 'on_time' | 'late' | 'overdue' | 'pending' }[],
): ReleaseSummary | null {
  if (!rows.length) return null;
  const due = rows.filter((r) => r.status !== 'pending');
  const agencies = new Map<string, boolean>();
  for (const r of due) {
    const key = r.agency_id ?? '';
    agencies.set(key, (agencies.get(key) ?? true) && r.status === 'on_time');
  }
  return {
    met: due.filter((r) => r.status === 'on_time').length,
    total: due.length,
    late: due.length - due.filter((r) => r.status === 'on_time').length,
    pending: rows.length - due.length,
    agenciesMet: [...agencies.values()].filter(Boolean).length,
    agenciesTotal: agencies.size,
  };
}
