import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';

/**
 * Who may take a demo publication's open task: the active users holding the step's role (and
 * its position, when the task names one), demo accounts first, oldest first. The demo job tries
 * them in turn; the task action itself judges each (positions, four eyes).
 */
export async function taskCandidates(
  db: Kysely<DB>,
  task: { role: string; position: string | null; assignee_id: string | null },
): Promise<string[]> {
  let q = db
    .selectFrom('app_user as u')
    .innerJoin('user_role as r', 'r.user_id', 'u.id')
    .leftJoin('user_position as p', (j) => j.onRef('p.user_id', '=', 'u.id').onRef('p.role', '=', 'r.role'))
    .select('u.id')
    .where('u.state', '=', 'active')
    .where('r.role', '=', task.role);
  if (task.assignee_id) q = q.where('u.id', '=', task.assignee_id);
  if (task.position) q = q.where('p.position', '=', task.position);
  const rows = await q.orderBy('u.is_demo', 'desc').orderBy('u.created_at').execute();
  return rows.map((r) => r.id);
}
