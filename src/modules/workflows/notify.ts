import type { Kysely } from 'kysely';
import { can } from '../../kernel/access/policy.js';
import type { Role } from '../../kernel/access/roles.js';
import type { DB } from '../../kernel/db/schema.js';
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
}

/**
 * Tell everyone who may act on a newly opened task: an in-app notification each, and a mail
 * for those with an address. Runs in the transaction that opened the task, so the outbox row
 * commits (or rolls back) with the transition; mails are sent after commit (mailer.ts).
 */
export async function notifyTaskOpened(trx: Kysely<DB>, notice: TaskNotice): Promise<number> {
  const action = ROLE_TASK_ACTION[notice.role];
  if (!action) return 0;
  const candidates = await usersWithRole(trx, notice.role);
  const recipients = candidates.filter(
    (u) =>
      (!notice.assigneeId || u.id === notice.assigneeId) &&
      (!notice.position || u.position === notice.position) &&
      can(
        { userId: u.id, username: u.username, roles: ['public', notice.role], agencyId: u.agency_id },
        action,
        {
          agencyId: notice.agencyId ?? u.agency_id,
        },
      ),
  );
  const link = `/tugas/${notice.taskId}`;
  const title = `${notice.stepTitle.id}: ${notice.subjectTitle}`;
  const titleEn = `${notice.stepTitle.en}: ${notice.subjectTitle}`;
  await insertNotifications(
    trx,
    recipients.map((u) => ({ user_id: u.id, task_id: notice.taskId, title, title_en: titleEn, link })),
  );
  const due = notice.dueAt ? notice.dueAt.toISOString() : '—';
  await insertMails(
    trx,
    recipients
      .filter((u) => u.email)
      .map((u) => ({
        to_address: u.email as string,
        subject: `[Satu Data] Tugas baru / New task: ${title}`,
        body: [
          `Tugas baru untuk Anda: ${title}`,
          `Batas waktu: ${due}`,
          `A new task for you: ${titleEn}`,
          `Due: ${due}`,
          '',
          `${notice.siteUrl}${link}`,
        ].join('\n'),
      })),
  );
  return recipients.length;
}
