import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import { loadWorkingCalendarFor } from './calendar-store.js';
import type { WorkflowDefinition } from './domain/definition.js';
import { dueTime } from './domain/outcomes.js';
import { openTasksForRedating, setTaskDue } from './time.repository.js';

/**
 * Due times follow the calendar: after a holiday is added, moved or removed, or the working
 * week or time zone changes, every open task's due time is computed again from when it opened,
 * in the same transaction as the change (a new holiday gives a task the day back). Returns how
 * many due times moved.
 */
export async function redateOpenTasks(trx: Kysely<DB>): Promise<number> {
  const calendar = await loadWorkingCalendarFor(trx);
  let moved = 0;
  for (const task of await openTasksForRedating(trx)) {
    const step = (task.definition as WorkflowDefinition).steps.find((s) => s.id === task.step_id);
    if (!step) continue;
    const due = dueTime(calendar, step, new Date(task.opened_at));
    const before = task.due_at ? new Date(task.due_at).getTime() : null;
    if ((due?.getTime() ?? null) === before) continue;
    await setTaskDue(trx, task.id, due);
    moved++;
  }
  return moved;
}
