import type { Insertable } from 'kysely';
import { type Kysely, sql } from 'kysely';
import type { Role } from '../../kernel/access/roles.js';
import type {
  TaskDetail,
  WorkflowInstance,
  WorkflowInstanceTable,
  WorkflowTask,
  WorkflowTaskTable,
} from '../../kernel/db/schema/workflow-runs.js';
import type { DB } from '../../kernel/db/schema.js';

/** SQL of the workflow runs (the area's repository). */

export async function insertInstance(
  db: Kysely<DB>,
  row: Insertable<WorkflowInstanceTable>,
): Promise<WorkflowInstance> {
  return db.insertInto('workflow_instance').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertTask(db: Kysely<DB>, row: Insertable<WorkflowTaskTable>): Promise<WorkflowTask> {
  return db.insertInto('workflow_task').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findInstance(db: Kysely<DB>, id: string): Promise<WorkflowInstance | undefined> {
  return db.selectFrom('workflow_instance').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One task; `forUpdate` locks its row for the caller's transaction (an action about to close it). */
export async function findTask(
  db: Kysely<DB>,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<WorkflowTask | undefined> {
  const q = db.selectFrom('workflow_task').selectAll().where('id', '=', id);
  return (opts.forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

/** The running instance of a subject, if any. */
export async function findRunningInstance(
  db: Kysely<DB>,
  subjectType: string,
  subjectId: string,
): Promise<WorkflowInstance | undefined> {
  return db
    .selectFrom('workflow_instance')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('state', '=', 'running')
    .orderBy('started_at', 'desc')
    .executeTakeFirst();
}

export async function instancesOf(db: Kysely<DB>, subjectType: string, subjectId: string) {
  return db
    .selectFrom('workflow_instance')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy('started_at')
    .execute();
}

export async function tasksOf(db: Kysely<DB>, instanceIds: readonly string[]): Promise<WorkflowTask[]> {
  if (instanceIds.length === 0) return [];
  return db
    .selectFrom('workflow_task')
    .selectAll()
    .where('instance_id', 'in', instanceIds)
    .orderBy('opened_at')
    .orderBy('closed_at')
    .execute();
}

export async function openTaskOf(db: Kysely<DB>, instanceId: string, stepId?: string) {
  let q = db
    .selectFrom('workflow_task')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .where('state', '=', 'open');
  if (stepId) q = q.where('step_id', '=', stepId);
  return q.orderBy('opened_at', 'desc').executeTakeFirst();
}

/**
 * Close an open task — the guard against two people acting at once: only a row still 'open'
 * is updated, so of two concurrent calls exactly one gets it back (on PostgreSQL the second
 * waits for the first's row lock, then finds the state changed).
 */
export async function claimTask(
  db: Kysely<DB>,
  taskId: string,
  close: {
    closedBy: string | null;
    closedByName: string;
    closedAt: Date;
    outcome: string;
    note: string | null;
    detail: TaskDetail;
    workingMinutes: number;
    attachmentKey?: string | null;
    attachmentName?: string | null;
  },
): Promise<WorkflowTask | undefined> {
  return db
    .updateTable('workflow_task')
    .set({
      state: 'done',
      closed_by: close.closedBy,
      closed_by_name: close.closedByName,
      closed_at: close.closedAt,
      outcome: close.outcome,
      note: close.note,
      detail: JSON.stringify(close.detail),
      working_minutes: close.workingMinutes,
      attachment_key: close.attachmentKey ?? null,
      attachment_name: close.attachmentName ?? null,
    })
    .where('id', '=', taskId)
    .where('state', '=', 'open')
    .returningAll()
    .executeTakeFirst();
}

export async function endInstance(db: Kysely<DB>, id: string, at: Date): Promise<void> {
  await db
    .updateTable('workflow_instance')
    .set({ state: 'completed', ended_at: at })
    .where('id', '=', id)
    .execute();
}

/** What an open task's readers need of it and of its run (inbox, reminders, escalation). */
export const OPEN_TASK_COLUMNS = [
  't.id',
  't.step_id',
  't.role',
  't.agency_id',
  't.assignee_id',
  't.position',
  't.opened_at',
  't.due_at',
  'i.id as instance_id',
  'i.definition',
  'i.subject_type',
  'i.subject_id',
  'i.subject_title',
] as const;

/** Open tasks visible to an actor: per role, any agency (agencyId null) or the actor's own. */
export async function openTasksFor(db: Kysely<DB>, scopes: { role: Role; agencyId: string | null }[]) {
  if (scopes.length === 0) return [];
  return db
    .selectFrom('workflow_task as t')
    .innerJoin('workflow_instance as i', 'i.id', 't.instance_id')
    .select([...OPEN_TASK_COLUMNS, 'i.started_at as run_started_at', 'i.agency_id as subject_agency_id'])
    .where('t.state', '=', 'open')
    .where((eb) =>
      eb.or(
        scopes.map((s) =>
          s.agencyId === null
            ? eb('t.role', '=', s.role)
            : // An own-agency actor sees its agency's tasks only (a task without an agency is never
              // offered to every producer of the region).
              eb.and([eb('t.role', '=', s.role), eb('t.agency_id', '=', s.agencyId)]),
        ),
      ),
    )
    .orderBy(sql`t.due_at asc nulls last`)
    .orderBy('t.opened_at')
    .execute();
}

/** Active users holding `role`, with their agency and e-mail (notification candidates). */
export async function usersWithRole(db: Kysely<DB>, role: Role) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('user_role as r', 'r.user_id', 'u.id')
    .leftJoin('user_position as p', (j) => j.onRef('p.user_id', '=', 'u.id').onRef('p.role', '=', 'r.role'))
    .select(['u.id', 'u.username', 'u.email', 'u.agency_id', 'u.locale', 'p.position'])
    .where('r.role', '=', role)
    .where('u.state', '=', 'active')
    .orderBy('u.username')
    .execute();
}

/** Lock an open task row for this transaction (FOR UPDATE); undefined when no longer open. */
export async function lockOpenTask(db: Kysely<DB>, taskId: string) {
  return db
    .selectFrom('workflow_task')
    .selectAll()
    .where('id', '=', taskId)
    .where('state', '=', 'open')
    .forUpdate()
    .executeTakeFirst();
}

/** A dataset subject's title (the notification names it), or undefined when it is gone. */
export async function findDatasetTitle(db: Kysely<DB>, id: string): Promise<string | undefined> {
  const d = await db.selectFrom('dataset').select('title').where('id', '=', id).executeTakeFirst();
  return d?.title;
}

/** A dataset subject's priority flag (priority data always gets the supervisor's review). */
export async function findDatasetPriority(db: Kysely<DB>, id: string): Promise<boolean | undefined> {
  const d = await db.selectFrom('dataset').select('priority').where('id', '=', id).executeTakeFirst();
  return d?.priority;
}
