import type { Kysely } from 'kysely';
import type { Action } from '../../kernel/access/permission.js';
import { can } from '../../kernel/access/policy.js';
import type { Role } from '../../kernel/access/roles.js';
import { SYSTEM_ACTOR } from '../../kernel/access/system-actor.js';
import { mutate } from '../../kernel/actions/context.js';
import type { WorkingCalendar } from '../../kernel/calendar/working-calendar.js';
import type { DB } from '../../kernel/db/schema.js';
import { formatDateTime } from '../../kernel/i18n/i18n.js';
import { deliverPendingMail } from '../../kernel/notifications/mailer.js';
import { insertMails, insertNotifications } from '../../kernel/notifications/notifications.repository.js';
import { loadCalendar, openTaskOf } from '../workflows/index.js';
import { type LegalAlert, legalAlertsDue } from './domain/legal-alerts.js';
import { claimAlert, recordAlertRecipients, requestsOnTheClock } from './legal-alerts.repository.js';
import { activeStaffIn, assignedStaffOf } from './request-choices.repository.js';

/**
 * The reminder/escalation sweep on the legal clocks of UU 14/2008 (run by the periodic job
 * `data_request_sweep`). Before the answer's due time the staff member the sub-coordinator
 * assigned is reminded (while nobody is assigned yet, everyone who handles requests; while the
 * agency holds the step, its producers too); once it is overdue it escalates to the
 * sub-coordinator (SOP steps 2, 4, 9 — the custodian office's handlers when no sub-coordinator
 * position is set) and to the superior of the information officer (atasan PPID), who also gets
 * the objection's reminders and escalations. Each alert is claimed in data_request_alert in the
 * same transaction as its notices and audit row, so it goes out exactly once however often the
 * sweep runs and however many runners run it. In-app notices link to the staff page; mails
 * go through the outbox.
 */

type ClockRow = Awaited<ReturnType<typeof requestsOnTheClock>>[number];
type Staff = Awaited<ReturnType<typeof activeStaffIn>>[number];
interface Recipient {
  id: string;
  email: string | null;
}

/** Steps 5–6 are the producing agency's. */
const AGENCY_STEPS = new Set(['agency_confirms', 'send_data']);
const STAFF_ROLES: readonly Role[] = ['custodian', 'producer', 'leader', 'administrator'];

function mayDo(u: Staff, action: Action, agencyId: string | null = null): boolean {
  return can(
    { userId: u.id, username: u.username, roles: ['public', u.role as Role], agencyId: u.agency_id },
    action,
    { agencyId: agencyId ?? u.agency_id },
  );
}

function unique(users: readonly Staff[]): Recipient[] {
  const seen = new Map<string, Recipient>();
  for (const u of users) if (!seen.has(u.id)) seen.set(u.id, { id: u.id, email: u.email });
  return [...seen.values()];
}

async function recipientsFor(trx: Kysely<DB>, r: ClockRow, alert: LegalAlert): Promise<Recipient[]> {
  const staff = await activeStaffIn(trx, STAFF_ROLES);
  const handlers = staff.filter((u) => mayDo(u, 'data_request:handle'));
  const superiors = staff.filter((u) => mayDo(u, 'data_request:decide_objection'));
  const subCoordinators = handlers.filter((u) => u.position === 'sub_coordinator');
  if (alert.clock === 'objection')
    return unique(
      alert.kind === 'reminder'
        ? superiors
        : [...superiors, ...(subCoordinators.length ? subCoordinators : handlers)],
    );
  if (alert.kind === 'escalation')
    return unique([...(subCoordinators.length ? subCoordinators : handlers), ...superiors]);
  const assigned = await assignedStaffOf(trx, r.instance_id);
  const people = assigned ? handlers.filter((u) => u.id === assigned) : [];
  const open = r.instance_id ? await openTaskOf(trx, r.instance_id) : undefined;
  const agency =
    r.agency_id && open && AGENCY_STEPS.has(open.step_id)
      ? staff.filter((u) => mayDo(u, 'data_request:respond', r.agency_id))
      : [];
  return unique([...(people.length ? people : handlers), ...agency]);
}

function subjectOf(r: ClockRow): string {
  const line = r.asked.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

function textOf(r: ClockRow, alert: LegalAlert, calendar: WorkingCalendar) {
  const due = {
    id: formatDateTime('id', alert.due, calendar.timeZone),
    en: formatDateTime('en', alert.due, calendar.timeZone),
  };
  const what = `${r.code} — ${subjectOf(r)}`;
  if (alert.clock === 'answer' && alert.kind === 'reminder')
    return {
      title: {
        id: `Pengingat: jawab permintaan data ${r.code}`,
        en: `Reminder: answer data request ${r.code}`,
      },
      subject: `[Satu Data] Pengingat batas waktu / Due soon: ${r.code}`,
      lines: {
        id: `Permintaan data ${what} harus dijawab paling lambat ${due.id} (UU 14/2008: 10 hari kerja${r.extension_days ? ', diperpanjang 7 hari kerja' : ''}).`,
        en: `Data request ${what} must be answered by ${due.en} (UU 14/2008: 10 working days${r.extension_days ? ', extended by 7 working days' : ''}).`,
      },
    };
  if (alert.clock === 'answer')
    return {
      title: { id: `Terlambat: permintaan data ${r.code}`, en: `Overdue: data request ${r.code}` },
      subject: `[Satu Data] Permintaan data terlambat / Overdue data request: ${r.code}`,
      lines: {
        id: `Permintaan data ${what} melewati batas waktu jawaban ${due.id} dan belum dijawab. Mohon ditindaklanjuti.`,
        en: `Data request ${what} passed its answer due time of ${due.en} without an answer. Please follow it up.`,
      },
    };
  if (alert.kind === 'reminder')
    return {
      title: { id: `Pengingat: keberatan atas ${r.code}`, en: `Reminder: objection to ${r.code}` },
      subject: `[Satu Data] Pengingat keberatan / Objection due soon: ${r.code}`,
      lines: {
        id: `Keberatan atas permintaan data ${what} harus diputus paling lambat ${due.id} (30 hari kerja).`,
        en: `The objection to data request ${what} must be decided by ${due.en} (30 working days).`,
      },
    };
  return {
    title: { id: `Terlambat: keberatan atas ${r.code}`, en: `Overdue: objection to ${r.code}` },
    subject: `[Satu Data] Keberatan terlambat / Overdue objection: ${r.code}`,
    lines: {
      id: `Keberatan atas permintaan data ${what} melewati batas waktu ${due.id} dan belum diputus.`,
      en: `The objection to data request ${what} passed its due time of ${due.en} and is not decided.`,
    },
  };
}

class AlreadySent extends Error {}

export interface LegalAlertResult {
  reminders: number;
  escalations: number;
}

/** Send the legal-clock alerts due at `now`; returns how many of each went out in this sweep. */
export async function sendLegalAlerts(db: Kysely<DB>, now: Date, siteUrl: string): Promise<LegalAlertResult> {
  const calendar = await loadCalendar(db);
  const result: LegalAlertResult = { reminders: 0, escalations: 0 };
  for (const r of await requestsOnTheClock(db)) {
    for (const alert of legalAlertsDue(calendar, r, now)) {
      const key = { request_id: r.id, clock: alert.clock, kind: alert.kind, due_at: alert.due };
      const ctx = { db, actor: SYSTEM_ACTOR, requestId: 'job:data-request-alerts', ip: null };
      const sent = await mutate(ctx, async (trx, audit) => {
        if (!(await claimAlert(trx, { ...key, sent_at: now }))) throw new AlreadySent();
        const to = await recipientsFor(trx, r, alert);
        const text = textOf(r, alert, calendar);
        const link = `/kerja/permintaan-data/${r.id}`;
        await insertNotifications(
          trx,
          to.map((u) => ({
            user_id: u.id,
            task_id: null,
            title: text.title.id,
            title_en: text.title.en,
            link,
          })),
        );
        await insertMails(
          trx,
          to
            .filter((u) => u.email)
            .map((u) => ({
              to_address: u.email as string,
              subject: text.subject,
              body: [text.lines.id, '', text.lines.en, '', `${siteUrl}${link}`].join('\n'),
            })),
        );
        await recordAlertRecipients(trx, key, to.length);
        await audit({
          action: `data_request_${alert.kind}`,
          subjectType: 'data_request',
          subjectId: r.id,
          summary: { code: r.code, clock: alert.clock, due: alert.due.toISOString(), recipients: to.length },
        });
        return true;
      }).catch((error: unknown) => {
        if (error instanceof AlreadySent) return false;
        throw error;
      });
      if (sent) result[alert.kind === 'reminder' ? 'reminders' : 'escalations']++;
    }
  }
  await deliverPendingMail(db);
  return result;
}
