import type { Kysely } from 'kysely';
import { can } from '../../kernel/access/policy.js';
import type { Role } from '../../kernel/access/roles.js';
import type { DB } from '../../kernel/db/schema.js';
import { formatDateTime } from '../../kernel/i18n/i18n.js';
import { insertMails, insertNotifications } from '../../kernel/notifications/notifications.repository.js';
import type { Bilingual } from './domain/definition.js';
import { usersWithRole } from './runs.repository.js';
import { ROLE_TASK_ACTION } from './task-access.js';

export interface TaskNotice {
  taskId: string;
  role: Role;
  /** The task's agency (producer steps), or null for region-wide roles. */
  agencyId: string | null;
  /** A task for one named person: only they are told. */
  assigneeId?: string | null;
  /** A task for one position within the role: only its holders are told. */
  position?: string | null;
  stepTitle: Bilingual;
  subjectTitle: string;
  dueAt: Date | null;
  siteUrl: string;
  /** The region's time zone: the due time is written on its clock (WIB, WITA or WIT). */
  timeZone: string;
}

/** A person a notice goes to. */
export interface Recipient {
  id: string;
  email: string | null;
}

/** One notice in both languages: the in-app title and the mail's subject line and body lines. */
export interface NoticeText {
  title: Bilingual;
  mailSubject: string;
  lines: Bilingual;
}

/** "7 Des 2026, 10.00 WIT" / "7 Dec 2026, 10:00 WIT", or a dash for a step without a due time. */
export function localDue(dueAt: Date | null, timeZone: string): Bilingual {
  if (!dueAt) return { id: '—', en: '—' };
  return { id: formatDateTime('id', dueAt, timeZone), en: formatDateTime('en', dueAt, timeZone) };
}

/** Who a task is for: its role, agency, and (once given) a named person or a position. */
export interface TaskTarget {
  role: Role;
  agencyId: string | null;
  assigneeId?: string | null | undefined;
  position?: string | null | undefined;
}

/** The users who may act on a task (the policy decides; a person or a position narrows it). */
export async function taskActors(trx: Kysely<DB>, target: TaskTarget): Promise<Recipient[]> {
  const action = ROLE_TASK_ACTION[target.role];
  if (!action) return [];
  const candidates = await usersWithRole(trx, target.role);
  return candidates.filter(
    (u) =>
      (!target.assigneeId || u.id === target.assigneeId) &&
      (!target.position || u.position === target.position) &&
      can(
        { userId: u.id, username: u.username, roles: ['public', target.role], agencyId: u.agency_id },
        action,
        {
          agencyId: target.agencyId ?? u.agency_id,
        },
      ),
  );
}

/**
 * An in-app notification for each recipient and a mail for those with an address, in the
 * caller's transaction (the outbox row commits with the change; mailer.ts sends after commit).
 */
export async function sendNotice(
  trx: Kysely<DB>,
  recipients: readonly Recipient[],
  taskId: string,
  text: NoticeText,
  siteUrl: string,
): Promise<number> {
  const link = `/tugas/${taskId}`;
  await insertNotifications(
    trx,
    recipients.map((u) => ({
      user_id: u.id,
      task_id: taskId,
      title: text.title.id,
      title_en: text.title.en,
      link,
    })),
  );
  await insertMails(
    trx,
    recipients
      .filter((u) => u.email)
      .map((u) => ({
        to_address: u.email as string,
        subject: text.mailSubject,
        body: [text.lines.id, '', text.lines.en, '', `${siteUrl}${link}`].join('\n'),
      })),
  );
  return recipients.length;
}

/**
 * Tell everyone who may act on a newly opened task: an in-app notification each, and a mail
 * for those with an address, naming the run's subject and the due time on the region's clock.
 */
export async function notifyTaskOpened(trx: Kysely<DB>, notice: TaskNotice): Promise<number> {
  const recipients = await taskActors(trx, notice);
  const title = `${notice.stepTitle.id}: ${notice.subjectTitle}`;
  const titleEn = `${notice.stepTitle.en}: ${notice.subjectTitle}`;
  const due = localDue(notice.dueAt, notice.timeZone);
  return sendNotice(
    trx,
    recipients,
    notice.taskId,
    {
      title: { id: title, en: titleEn },
      mailSubject: `[Satu Data] Tugas baru / New task: ${title}`,
      lines: {
        id: `Tugas baru untuk Anda: ${title}\nBatas waktu: ${due.id}`,
        en: `A new task for you: ${titleEn}\nDue: ${due.en}`,
      },
    },
    notice.siteUrl,
  );
}
