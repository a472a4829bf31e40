import { describe, expect, it } from 'vitest';
import type { RequestFigure } from '../data-requests/index.js';
import type { PlanningFigures } from '../planning/index.js';
import { percentileCont, planningInputsOf, requestInputsOf } from './sources-wired.js';

const pf = (over: Partial<PlanningFigures>): PlanningFigures => ({
  year: 2026,
  status: null,
  listVersion: null,
  enactedAt: null,
  decreeNumber: null,
  agencies: [],
  meetings: [],
  documents: [],
  ...over,
});
const meeting = (hasMinutes: boolean) => ({
  id: 'm',
  title: 'Forum',
  heldOn: '2026-02-01',
  hasMinutes,
  minutesRecordedAt: null,
  decisions: 1,
  href: '/x',
});
const agency = (id: string, items: number, fulfilled: number) => ({
  agencyId: id,
  agencyName: `Dinas ${id}`,
  items,
  fulfilled,
  submitted: 0,
  verified: 0,
  published: fulfilled,
  overdue: 0,
});

describe('the port wired to planning (planningFigures)', () => {
  it('nothing recorded reads as null', () => {
    expect(planningInputsOf(pf({}))).toBeNull();
  });
  it('fulfilment per agency and the forum (meetings, minutes, agreed list) for EPSS 40302', () => {
    const r = planningInputsOf(
      pf({
        status: 'enacted',
        agencies: [agency('a', 4, 3), agency('b', 2, 0)],
        meetings: [meeting(true), meeting(false)],
      }),
    );
    expect(r?.fulfilment).toEqual([
      { agencyId: 'a', agencyName: 'Dinas a', planned: 4, fulfilled: 3 },
      { agencyId: 'b', agencyName: 'Dinas b', planned: 2, fulfilled: 0 },
    ]);
    expect(r?.forum).toEqual({ meetings: 2, withMinutes: 1, listAgreed: true });
    expect(planningInputsOf(pf({ status: 'draft', meetings: [meeting(true)] }))?.forum?.listAgreed).toBe(
      false,
    );
  });
});

const req = (agencyId: string | null, answered: boolean, onTime: boolean, days: number): RequestFigure => ({
  id: `${agencyId}-${days}`,
  code: 'R',
  agencyId,
  filedAt: new Date('2026-03-01T00:00:00Z'),
  answeredAt: answered ? new Date('2026-03-10T00:00:00Z') : null,
  workingDaysTaken: days,
  dueAt: new Date('2026-03-15T00:00:00Z'),
  extended: false,
  onTime,
  overdue: false,
  outcome: null,
  objection: null,
  rating: null,
});

describe('the port wired to the request service (requestServiceFigures)', () => {
  it('no request in the period reads as null', () => {
    expect(requestInputsOf([], [])).toBeNull();
  });
  it('counts requests, answers and answers within the standard, per agency, with median and 90th percentile days', () => {
    const r = requestInputsOf(
      [
        req('a', true, true, 4),
        req('a', true, false, 12),
        req('b', true, true, 6),
        req('b', false, true, 2),
        req(null, true, true, 8),
      ],
      [
        { id: 'a', name: 'Dinas A' },
        { id: 'b', name: 'Dinas B' },
      ],
    );
    expect(r).toMatchObject({
      total: 5,
      answered: 4,
      withinStandard: 3,
      agenciesServing: 2,
      agenciesAsked: 2,
    });
    expect(r?.medianDays).toBe(7); // 4, 6, 8, 12
    expect(r?.p90Days).toBeCloseTo(10.8, 9);
    expect(r?.byAgency.find((x) => x.agencyId === 'a')).toMatchObject({
      agencyName: 'Dinas A',
      total: 2,
      answered: 2,
      withinStandard: 1,
    });
    expect(r?.byAgency.find((x) => x.agencyId === 'b')).toMatchObject({
      total: 2,
      answered: 1,
      withinStandard: 1,
    });
  });
  it('percentileCont follows PostgreSQL', () => {
    expect(percentileCont([10, 20, 30, 40, 100], 0.9)).toBe(76);
    expect(percentileCont([], 0.5)).toBeNull();
  });
});
