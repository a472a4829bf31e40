import type { Kysely } from 'kysely';
import type { TaskAlertKind } from '../../kernel/db/schema/workflow-time.js';
import type { DB } from '../../kernel/db/schema.js';
import { OPEN_TASK_COLUMNS } from './runs.repository.js';

/** SQL of workflow time: task reminders and escalations, and the runs of recurring cycles. */

/** Open tasks with a due time, with their run, and the alerts already sent for each. */
export async function openTasksWithDue(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('workflow_task as t')
    .innerJoin('workflow_instance as i', 'i.id', 't.instance_id')
    .select(OPEN_TASK_COLUMNS)
    .where('t.state', '=', 'open')
    .where('t.due_at', 'is not', null)
    .orderBy('t.due_at')
    .execute();
  const sent = rows.length
    ? await db
        .selectFrom('task_alert')
        .select(['task_id', 'kind'])
        .where(
          'task_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  return rows.map((r) => ({
    ...r,
    alerts: new Set(sent.filter((a) => a.task_id === r.id).map((a) => a.kind)),
  }));
}

/**
 * Claim the right to send one alert of a task: true for the first caller only (the primary
 * key makes a second claim, by another runner or a retried job, a no-op).
 */
export async function claimTaskAlert(
  db: Kysely<DB>,
  taskId: string,
  kind: TaskAlertKind,
  at: Date,
): Promise<boolean> {
  const row = await db
    .insertInto('task_alert')
    .values({ task_id: taskId, kind, sent_at: at, recipients: 0 })
    .onConflict((oc) => oc.columns(['task_id', 'kind']).doNothing())
    .returning('task_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function recordAlertRecipients(
  db: Kysely<DB>,
  taskId: string,
  kind: TaskAlertKind,
  recipients: number,
): Promise<void> {
  await db
    .updateTable('task_alert')
    .set({ recipients })
    .where('task_id', '=', taskId)
    .where('kind', '=', kind)
    .execute();
}

export async function alertsOf(db: Kysely<DB>, taskId: string) {
  return db.selectFrom('task_alert').selectAll().where('task_id', '=', taskId).orderBy('kind').execute();
}

/** Claim a recurring process's period: true for the first caller only. */
export async function claimCycle(
  db: Kysely<DB>,
  processKind: string,
  period: string,
  at: Date,
): Promise<boolean> {
  const row = await db
    .insertInto('workflow_cycle')
    .values({ process_kind: processKind, period, started_at: at, instance_id: null })
    .onConflict((oc) => oc.columns(['process_kind', 'period']).doNothing())
    .returning('period')
    .executeTakeFirst();
  return row !== undefined;
}

export async function setCycleInstance(
  db: Kysely<DB>,
  processKind: string,
  period: string,
  instanceId: string,
): Promise<void> {
  await db
    .updateTable('workflow_cycle')
    .set({ instance_id: instanceId })
    .where('process_kind', '=', processKind)
    .where('period', '=', period)
    .execute();
}

/** A run of `processKind` started at or after `since` (one started by hand counts for the period). */
export async function runStartedSince(db: Kysely<DB>, processKind: string, since: Date) {
  return db
    .selectFrom('workflow_instance')
    .select(['id', 'started_at'])
    .where('process_kind', '=', processKind)
    .where('started_at', '>=', since)
    .orderBy('started_at')
    .executeTakeFirst();
}

export async function cyclesOf(db: Kysely<DB>, processKind: string) {
  return db
    .selectFrom('workflow_cycle')
    .selectAll()
    .where('process_kind', '=', processKind)
    .orderBy('period')
    .execute();
}

/** Open tasks that may carry a due time (every open one: a step may gain or lose its time). */
export async function openTasksForRedating(db: Kysely<DB>) {
  return db
    .selectFrom('workflow_task as t')
    .innerJoin('workflow_instance as i', 'i.id', 't.instance_id')
    .select(['t.id', 't.step_id', 't.opened_at', 't.due_at', 'i.definition'])
    .where('t.state', '=', 'open')
    .forUpdate('t')
    .execute();
}

export async function setTaskDue(db: Kysely<DB>, taskId: string, dueAt: Date | null): Promise<void> {
  await db.updateTable('workflow_task').set({ due_at: dueAt }).where('id', '=', taskId).execute();
}
