import type { Kysely } from 'kysely';
import { type Actor, can } from '../../kernel/access/policy.js';
import type {
  TaskDetail,
  TaskFileRow,
  WorkflowInstance,
  WorkflowTask,
} from '../../kernel/db/schema/workflow-runs.js';
import type { DB } from '../../kernel/db/schema.js';
import { NotFoundError } from '../../kernel/errors.js';
import type { Bilingual, WorkflowDefinition } from './domain/definition.js';
import { definitionOf } from './domain/outcomes.js';
import { agencyNames, findSubject, recentRuns } from './routing.repository.js';
import { findInstance, tasksOf } from './runs.repository.js';

/**
 * A run's history (issue #12 item 6, the SOPs' "Pencatatan"): every step with its actor, start,
 * end, standard and actual working time, decision, note and documents, and the chain of
 * initials. The pages and the API read it through `loadRunHistory`, under one rule (`canReadRun`).
 */

export interface HistoryFile {
  /** Index within the task's files: /tugas/:task/files/:n. */
  n: number;
  name: string;
  key: string;
}

export interface HistoryRow {
  taskId: string;
  /** The step's number in the SOP (its place in the definition). */
  no: number;
  stepId: string;
  title: Bilingual;
  actorLabel: Bilingual;
  agency: string | null;
  closedBy: string | null;
  state: string;
  openedAt: Date;
  closedAt: Date | null;
  dueAt: Date | null;
  standard: string | null;
  workingMinutes: number | null;
  outcome: string | null;
  outcomeLabel: Bilingual | null;
  note: string | null;
  files: HistoryFile[];
  paraf: TaskDetail['paraf'] | null;
}

export interface RunHistory {
  instance: WorkflowInstance;
  definition: WorkflowDefinition;
  subjectTitle: string;
  subjectYear: number | null;
  rows: HistoryRow[];
  paraf: NonNullable<TaskDetail['paraf']>[];
}

/**
 * Who reads a run: whoever may read the private data of the run's agency (region-wide staff for a
 * run without one), and a producer whose agency has a task in it (a fan-out lane, a disposition).
 */
export function canReadRun(
  actor: Actor,
  instance: WorkflowInstance,
  tasks: readonly Pick<WorkflowTask, 'agency_id' | 'assignee_id'>[],
): boolean {
  if (!actor.userId) return false;
  if (can(actor, 'dataset:read_private', { agencyId: instance.agency_id })) return true;
  return (
    actor.agencyId !== null &&
    tasks.some((t) => t.agency_id === actor.agencyId || t.assignee_id === actor.userId)
  );
}

/** A task's files: the several of migration 0011, or the one attachment of older tasks. */
export function filesOfTask(task: WorkflowTask): TaskFileRow[] {
  const files = Array.isArray(task.files) ? task.files : [];
  if (files.length) return files;
  return task.attachment_key ? [{ key: task.attachment_key, name: task.attachment_name ?? 'dokumen' }] : [];
}

/** Load a run's history for `actor`; NotFoundError when it does not exist or the actor may not read it. */
export async function loadRunHistory(db: Kysely<DB>, actor: Actor, instanceId: string): Promise<RunHistory> {
  const instance = /^[0-9a-f-]{36}$/.test(instanceId) ? await findInstance(db, instanceId) : undefined;
  const tasks = instance ? await tasksOf(db, [instance.id]) : [];
  if (!instance || !canReadRun(actor, instance, tasks))
    throw new NotFoundError({ id: 'Proses tidak ditemukan', en: 'Process not found' });
  const def = definitionOf(instance);
  const names = await agencyNames(db, [...new Set(tasks.flatMap((t) => (t.agency_id ? [t.agency_id] : [])))]);
  const subject =
    instance.subject_type === 'dataset' ? undefined : await findSubject(db, instance.subject_id);
  const rows = tasks.map((t): HistoryRow => {
    const index = def.steps.findIndex((s) => s.id === t.step_id);
    const step = def.steps[index];
    const detail = (t.detail ?? {}) as TaskDetail;
    return {
      taskId: t.id,
      no: index + 1,
      stepId: t.step_id,
      title: step?.title ?? { id: t.step_id, en: t.step_id },
      actorLabel: step?.actorLabel ?? { id: t.role, en: t.role },
      agency: t.agency_id ? (names.get(t.agency_id) ?? null) : null,
      closedBy: t.closed_by_name,
      state: t.state,
      openedAt: new Date(t.opened_at),
      closedAt: t.closed_at ? new Date(t.closed_at) : null,
      dueAt: t.due_at ? new Date(t.due_at) : null,
      standard: step?.duration ?? null,
      workingMinutes: t.working_minutes,
      outcome: t.outcome,
      outcomeLabel: step?.transitions.find((x) => x.outcome === t.outcome)?.label ?? null,
      note: t.note,
      files: filesOfTask(t).map((f, n) => ({ n, name: f.name, key: f.key })),
      paraf: detail.paraf ?? null,
    };
  });
  return {
    instance,
    definition: def,
    subjectTitle: instance.subject_title ?? subject?.title ?? def.title.id,
    subjectYear: subject?.year ?? null,
    rows,
    paraf: rows.flatMap((r) => (r.paraf ? [r.paraf] : [])),
  };
}

/** The runs `actor` may read, newest first (the run list page and `workflow_run_list`). */
export async function readableRuns(db: Kysely<DB>, actor: Actor, limit = 200) {
  const all = await recentRuns(db, limit);
  return all
    .filter(({ run, tasks }) => canReadRun(actor, run, tasks))
    .map(({ run }) => ({
      id: run.id,
      title: run.subject_title ?? definitionOf(run).title.id,
      definition: definitionOf(run).title,
      subjectType: run.subject_type,
      state: run.state,
      startedAt: new Date(run.started_at),
      endedAt: run.ended_at ? new Date(run.ended_at) : null,
    }));
}
