import type { Kysely } from 'kysely';
import type { RunRoutingRow, TaskFileRow } from '../../kernel/db/schema/workflow-runs.js';
import type { DB } from '../../kernel/db/schema.js';

/** SQL of run routing (issue #12): positions, subjects, agency sets, a run's choices and files. */

/** Every agency of the region (a fan-out without a chosen set), in code order. */
export async function allAgencyIds(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('agency').select('id').orderBy('code').execute();
  return rows.map((r) => r.id);
}

/** Which of these agency ids exist. */
export async function existingAgencyIds(db: Kysely<DB>, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('agency').select('id').where('id', 'in', ids).execute();
  return rows.map((r) => r.id);
}

export async function agencyNames(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom('agency').select(['id', 'short_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.short_name]));
}

/** An active user holding `role` (a person chosen for a later step must be able to act). */
export async function activeUserWithRole(db: Kysely<DB>, userId: string, role: string) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('user_role as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.username', 'u.agency_id'])
    .where('u.id', '=', userId)
    .where('r.role', '=', role)
    .where('u.state', '=', 'active')
    .executeTakeFirst();
}

/** The positions a user holds, by role. */
export async function positionsOf(db: Kysely<DB>, userId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('user_position')
    .select(['role', 'position'])
    .where('user_id', '=', userId)
    .execute();
  return new Map(rows.map((r) => [r.role, r.position]));
}

/** Does any active user hold `position` within `role`? (A position binds once the region assigns it.) */
export async function positionHeld(db: Kysely<DB>, role: string, position: string): Promise<boolean> {
  const row = await db
    .selectFrom('user_position as p')
    .innerJoin('app_user as u', 'u.id', 'p.user_id')
    .innerJoin('user_role as r', (j) => j.onRef('r.user_id', '=', 'p.user_id').onRef('r.role', '=', 'p.role'))
    .select('p.user_id')
    .where('p.role', '=', role)
    .where('p.position', '=', position)
    .where('u.state', '=', 'active')
    .executeTakeFirst();
  return row !== undefined;
}

/** Every position given, for the admin page. */
export async function allPositions(db: Kysely<DB>) {
  return db.selectFrom('user_position').select(['user_id', 'role', 'position']).execute();
}

/** Give (or, with null, take back) a user's position within a role. */
export async function setPosition(db: Kysely<DB>, userId: string, role: string, position: string | null) {
  await db.deleteFrom('user_position').where('user_id', '=', userId).where('role', '=', role).execute();
  if (position) await db.insertInto('user_position').values({ user_id: userId, role, position }).execute();
}

export async function saveRouting(db: Kysely<DB>, instanceId: string, routing: RunRoutingRow): Promise<void> {
  await db
    .updateTable('workflow_instance')
    .set({ routing: JSON.stringify(routing) })
    .where('id', '=', instanceId)
    .execute();
}

export async function saveTaskFiles(db: Kysely<DB>, taskId: string, files: TaskFileRow[]): Promise<void> {
  await db
    .updateTable('workflow_task')
    .set({ files: JSON.stringify(files) })
    .where('id', '=', taskId)
    .execute();
}

/** How many tasks of an instance are still open (a fan-out joins when none is). */
export async function openTaskCount(db: Kysely<DB>, instanceId: string): Promise<number> {
  const row = await db
    .selectFrom('workflow_task')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('instance_id', '=', instanceId)
    .where('state', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The done tasks of these steps in an instance, latest first (whose work an approval approves). */
export async function doneTasksOfSteps(db: Kysely<DB>, instanceId: string, stepIds: readonly string[]) {
  if (stepIds.length === 0) return [];
  return db
    .selectFrom('workflow_task')
    .select(['id', 'step_id', 'agency_id', 'closed_by', 'closed_by_name', 'closed_at'])
    .where('instance_id', '=', instanceId)
    .where('step_id', 'in', stepIds)
    .where('state', '=', 'done')
    .orderBy('closed_at', 'desc')
    .execute();
}

export async function insertSubject(
  db: Kysely<DB>,
  row: {
    kind: string;
    title: string;
    year: number | null;
    agency_id: string | null;
    created_by: string | null;
  },
) {
  return db.insertInto('workflow_subject').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findSubject(db: Kysely<DB>, id: string) {
  return db.selectFrom('workflow_subject').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The region's agencies (a choosing step's options). */
export async function agencyOptions(db: Kysely<DB>) {
  return db.selectFrom('agency').select(['id', 'short_name', 'name']).orderBy('code').execute();
}

/** The latest runs with the agencies and assignees of their tasks (the run list filters by who may read). */
export async function recentRuns(db: Kysely<DB>, limit: number) {
  const runs = await db
    .selectFrom('workflow_instance')
    .selectAll()
    .orderBy('started_at', 'desc')
    .limit(limit)
    .execute();
  const ids = runs.map((r) => r.id);
  const tasks = ids.length
    ? await db
        .selectFrom('workflow_task')
        .select(['instance_id', 'agency_id', 'assignee_id'])
        .where('instance_id', 'in', ids)
        .execute()
    : [];
  return runs.map((run) => ({ run, tasks: tasks.filter((t) => t.instance_id === run.id) }));
}

/** Active users with their staff roles and positions (the positions page). */
export async function usersWithRolesAndPositions(db: Kysely<DB>) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('user_role as r', 'r.user_id', 'u.id')
    .leftJoin('user_position as p', (j) => j.onRef('p.user_id', '=', 'u.id').onRef('p.role', '=', 'r.role'))
    .select(['u.id', 'u.username', 'u.full_name', 'r.role', 'p.position'])
    .where('u.state', '=', 'active')
    .where('r.role', 'in', ['custodian', 'leader', 'secretariat', 'supervisor', 'producer'])
    .orderBy('u.username')
    .orderBy('r.role')
    .execute();
}
