import { describe, expect, it } from 'vitest';
import { levelFromCoverage } from './proposals.js';
import { summariseReleases } from './releases.js';

describe(summariseReleases.name, () => {
  it('counts due releases, on-time ones, late and overdue together, and not yet due apart', () => {
    const s = summariseReleases([
      { agency_id: 'a', status: 'on_time' },
      { agency_id: 'a', status: 'late' },
      { agency_id: 'b', status: 'on_time' },
      { agency_id: 'b', status: 'pending' },
      { agency_id: 'c', status: 'overdue' },
    ]);
    expect(s).toEqual({ met: 2, total: 4, late: 2, pending: 1, agenciesMet: 1, agenciesTotal: 3 });
    // Not every agency released on time: EPSS 20302 is proposed at level 1.
    expect(levelFromCoverage(s as NonNullable<typeof s>, false).level).toBe(1);
  });

  it('is null with nothing planned, and proposes level 3 when every due release was on time', () => {
    expect(summariseReleases([])).toBeNull();
    const s = summariseReleases([
      { agency_id: 'a', status: 'on_time' },
      { agency_id: null, status: 'on_time' },
      { agency_id: 'a', status: 'pending' },
    ]);
    expect(s).toMatchObject({ met: 2, total: 2, late: 0, pending: 1, agenciesMet: 2, agenciesTotal: 2 });
    expect(levelFromCoverage(s as NonNullable<typeof s>, false).level).toBe(3);
  });
});
