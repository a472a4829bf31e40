import type { Kysely } from 'kysely';
import type { DataListStatus } from '../../kernel/db/schema/planning.js';
import type { DB } from '../../kernel/db/schema.js';
import { findList, itemStatusesOf } from './data-list.repository.js';
import { decisionCountsOf, meetingsOf } from './forum.repository.js';
import { itemFulfilment } from './fulfilment.repository.js';
import { recordsOf } from './planning-records.repository.js';

/**
 * What planning recorded for a year, read by the evaluation (issue #16): the data list's
 * fulfilment per agency, the forum's meetings (with whether minutes exist: EPSS 40302 evidence)
 * and references to the generated and signed documents. Stable signature; read-only.
 */
export interface PlanningFigures {
  year: number;
  /** null when the region has no data list for the year. */
  status: DataListStatus | null;
  listVersion: number | null;
  enactedAt: Date | null;
  decreeNumber: string | null;
  agencies: AgencyFulfilment[];
  meetings: ForumMeetingFigure[];
  documents: PlanningDocumentRef[];
}

export interface AgencyFulfilment {
  agencyId: string;
  agencyName: string;
  /** Items of the list the agency produces (refused and postponed items excluded). */
  items: number;
  /** Items with a verified or published dataset. */
  fulfilled: number;
  submitted: number;
  verified: number;
  published: number;
  overdue: number;
}

export interface ForumMeetingFigure {
  id: string;
  title: string;
  /** YYYY-MM-DD */
  heldOn: string;
  hasMinutes: boolean;
  minutesRecordedAt: Date | null;
  decisions: number;
  /** The meeting's page in the workspace (evidence link). */
  href: string;
}

export interface PlanningDocumentRef {
  kind: 'minutes' | 'berita_acara' | 'sk_draft' | 'sk_signed';
  title: string;
  /** Site-relative link that serves the document to a signed-in reader. */
  href: string;
  at: Date | null;
}

const OWED = new Set(['planned', 'agreed', 'changed']);

export async function planningFigures(
  db: Kysely<DB>,
  opts: { year: number; agencyId?: string | undefined; today?: string | undefined },
): Promise<PlanningFigures> {
  const list = await findList(db, opts.year);
  const empty: PlanningFigures = {
    year: opts.year,
    status: null,
    listVersion: null,
    enactedAt: null,
    decreeNumber: null,
    agencies: [],
    meetings: [],
    documents: [],
  };
  if (!list) return { ...empty, meetings: await meetingFigures(db, opts.year) };
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const items = await itemStatusesOf(db, list.id, opts.agencyId);
  const fulfilment = await itemFulfilment(db, list.id, today);
  const per = new Map<string, AgencyFulfilment>();
  for (const it of items) {
    if (!OWED.has(it.status)) continue;
    const a = per.get(it.agency_id) ?? {
      agencyId: it.agency_id,
      agencyName: it.agency_name,
      items: 0,
      fulfilled: 0,
      submitted: 0,
      verified: 0,
      published: 0,
      overdue: 0,
    };
    a.items++;
    const state = fulfilment.get(it.id)?.state ?? 'pending';
    if (state === 'verified' || state === 'published') a.fulfilled++;
    if (state === 'submitted') a.submitted++;
    if (state === 'verified') a.verified++;
    if (state === 'published') a.published++;
    if (state === 'overdue') a.overdue++;
    per.set(it.agency_id, a);
  }
  const meetings = await meetingFigures(db, opts.year);
  const documents: PlanningDocumentRef[] = meetings
    .filter((m) => m.hasMinutes)
    .map((m) => ({
      kind: 'minutes' as const,
      title: `Notulensi ${m.title} (${m.heldOn})`,
      href: m.href,
      at: m.minutesRecordedAt,
    }));
  for (const r of await recordsOf(db, opts.year))
    documents.push({
      kind: r.kind,
      title:
        r.kind === 'berita_acara'
          ? `Berita Acara Kesepakatan Daftar Data ${opts.year}`
          : `Rancangan SK Daftar Data ${opts.year}`,
      href: `/workspace/daftar-data/${opts.year}/dokumen/${r.kind === 'berita_acara' ? 'berita-acara' : 'sk'}.pdf`,
      at: r.generated_at,
    });
  if (list.decree_file_key)
    documents.push({
      kind: 'sk_signed',
      title: `SK Daftar Data ${opts.year}${list.decree_number ? ` ${list.decree_number}` : ''}`,
      href: `/daftar-data/${opts.year}/sk`,
      at: list.enacted_at,
    });
  return {
    year: opts.year,
    status: list.status,
    listVersion: list.version,
    enactedAt: list.enacted_at,
    decreeNumber: list.decree_number || null,
    agencies: [...per.values()].sort((a, b) => a.agencyName.localeCompare(b.agencyName)),
    meetings,
    documents,
  };
}

async function meetingFigures(db: Kysely<DB>, year: number): Promise<ForumMeetingFigure[]> {
  const meetings = await meetingsOf(db, year);
  const counts = await decisionCountsOf(
    db,
    meetings.map((m) => m.id),
  );
  return meetings.map((m) => ({
    id: m.id,
    title: m.title,
    heldOn: String(m.held_on).slice(0, 10),
    hasMinutes: m.minutes.trim().length > 0 && m.minutes_recorded_at !== null,
    minutesRecordedAt: m.minutes_recorded_at,
    decisions: Number(counts.find((c) => c.meeting_id === m.id)?.n ?? 0),
    href: `/workspace/forum/${m.id}`,
  }));
}
