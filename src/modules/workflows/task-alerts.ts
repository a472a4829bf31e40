import type { Kysely } from 'kysely';
import type { Role } from '../../kernel/access/roles.js';
import { SYSTEM_ACTOR } from '../../kernel/access/system-actor.js';
import { mutate } from '../../kernel/actions/context.js';
import type { DB } from '../../kernel/db/schema.js';
import { deliverPendingMail } from '../../kernel/notifications/mailer.js';
import { loadWorkingCalendarFor } from './calendar-store.js';
import { type AlertKind, alertDue } from './domain/alerts.js';
import { stepById, type WorkflowDefinition, type WorkflowStep } from './domain/definition.js';
import { localDue, type NoticeText, sendNotice, taskActors } from './notify.js';
import { supervisorsOf } from './supervisors.js';
import { claimTaskAlert, openTasksWithDue, recordAlertRecipients } from './time.repository.js';

/**
 * The reminder/escalation sweep (job `workflow_task_alerts`): for every open task with a due
 * time, remind its actors when little working time is left and tell the step's supervisor
 * once it is overdue, in app and by mail, with the due time on the region's clock. Each alert
 * is claimed in task_alert in the same transaction as its notices, so it goes out exactly once
 * however often the sweep runs, and however many runners run it.
 */

type DueTask = Awaited<ReturnType<typeof openTasksWithDue>>[number];

function subjectOf(task: DueTask, def: WorkflowDefinition): string {
  return task.subject_title ?? def.title.id;
}

function alertText(
  kind: AlertKind,
  step: WorkflowStep,
  subject: string,
  due: { id: string; en: string },
): NoticeText {
  const what = { id: `${step.title.id}: ${subject}`, en: `${step.title.en}: ${subject}` };
  if (kind === 'reminder')
    return {
      title: { id: `Pengingat: ${what.id}`, en: `Reminder: ${what.en}` },
      mailSubject: `[Satu Data] Pengingat / Reminder: ${what.id}`,
      lines: {
        id: `Tugas Anda "${what.id}" jatuh tempo pada ${due.id}.`,
        en: `Your task "${what.en}" is due on ${due.en}.`,
      },
    };
  return {
    title: { id: `Terlambat: ${what.id}`, en: `Overdue: ${what.en}` },
    mailSubject: `[Satu Data] Tugas terlambat / Overdue task: ${what.id}`,
    lines: {
      id: `Tugas "${what.id}" (pelaksana: ${step.actorLabel.id}) melewati batas waktu ${due.id} dan belum diselesaikan.`,
      en: `The task "${what.en}" (actor: ${step.actorLabel.en}) passed its due time of ${due.en} and is not done yet.`,
    },
  };
}

class AlreadySent extends Error {}

export interface AlertSweepResult {
  reminders: number;
  escalations: number;
}

/** Send the alerts due at `now`; returns how many of each went out in this sweep. */
export async function sendTaskAlerts(db: Kysely<DB>, now: Date, siteUrl: string): Promise<AlertSweepResult> {
  const calendar = await loadWorkingCalendarFor(db, now);
  const result: AlertSweepResult = { reminders: 0, escalations: 0 };
  for (const task of await openTasksWithDue(db)) {
    const kind = alertDue(calendar, { openedAt: new Date(task.opened_at), dueAt: task.due_at }, now);
    if (!kind || task.alerts.has(kind)) continue;
    const def = task.definition as WorkflowDefinition;
    const step = stepById(def, task.step_id);
    const text = alertText(kind, step, subjectOf(task, def), localDue(task.due_at, calendar.timeZone));
    const ctx = { db, actor: SYSTEM_ACTOR, requestId: `job:task-alerts`, ip: null };
    const sent = await mutate(ctx, async (trx, audit) => {
      // Another sweep sent it meanwhile: roll back, nothing to record.
      if (!(await claimTaskAlert(trx, task.id, kind, now))) throw new AlreadySent();
      const recipients =
        kind === 'reminder'
          ? await taskActors(trx, {
              role: task.role as Role,
              agencyId: task.agency_id,
              assigneeId: task.assignee_id,
              position: task.position,
            })
          : await supervisorsOf(trx, { ...task, step });
      const count = await sendNotice(trx, recipients, task.id, text, siteUrl);
      await recordAlertRecipients(trx, task.id, kind, count);
      await audit({
        action: `workflow_task_${kind}`,
        subjectType: 'workflow_task',
        subjectId: task.id,
        summary: { step: step.id, due: task.due_at?.toISOString() ?? null, recipients: count },
      });
      return true;
    }).catch((error: unknown) => {
      if (error instanceof AlreadySent) return false;
      throw error;
    });
    if (sent) result[kind === 'reminder' ? 'reminders' : 'escalations']++;
  }
  await deliverPendingMail(db);
  return result;
}
