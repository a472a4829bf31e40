import type { Kysely } from 'kysely';
import type { Actor } from '../../kernel/access/policy.js';
import type { WorkingCalendar } from '../../kernel/calendar/working-calendar.js';
import type { DB } from '../../kernel/db/schema.js';
import { type DecidedElsewhere, decidedElsewhere } from './decided-elsewhere.js';
import {
  type StepTransition,
  stepById,
  type WorkflowDefinition,
  type WorkflowStep,
} from './domain/definition.js';
import { type ProcessTimeReport, processTimeReport } from './domain/process-time.js';
import { inboxDatasets, inboxSubmissions } from './inbox.repository.js';
import { positionsOf } from './routing.repository.js';
import { openTasksFor } from './runs.repository.js';
import { canActOn, inboxScopes } from './task-access.js';

/** One line of "Tugas saya": a task the actor may act on now. */
export interface InboxEntry {
  taskId: string;
  step: Pick<
    WorkflowStep,
    | 'id'
    | 'title'
    | 'role'
    | 'actorLabel'
    | 'duration'
    | 'feature'
    | 'outputs'
    | 'chooses'
    | 'requirements'
    | 'planning'
  >;
  /** The run this task belongs to (its history page). */
  instanceId: string;
  /** The agency this task is for (a fan-out lane, a chosen agency), when it has one. */
  taskAgencyId: string | null;
  definition: { key: string; version: number; title: WorkflowDefinition['title'] };
  subject: { type: string; id: string; title: string; name: string | null; agency: string | null };
  /** The latest submission of a dataset subject (the feature pages act on it). */
  submissionId: string | null;
  openedAt: Date;
  dueAt: Date | null;
  overdue: boolean;
  transitions: StepTransition[];
  /** Where a step a module decides on its own pages is decided (no task form then). */
  decidedAt: DecidedElsewhere | null;
  /** The run's time against its service standard (definitions with a `standardTime`, on the page). */
  processTime?: ProcessTimeReport;
}

type TaskRow = Awaited<ReturnType<typeof openTasksFor>>[number];
type DatasetRow = Awaited<ReturnType<typeof inboxDatasets>>[number];

function toEntry(
  r: TaskRow,
  def: WorkflowDefinition,
  step: WorkflowStep,
  d: DatasetRow | undefined,
  submissionId: string | null,
  now: Date,
): InboxEntry {
  return {
    taskId: r.id,
    step: {
      id: step.id,
      title: step.title,
      role: step.role,
      actorLabel: step.actorLabel,
      duration: step.duration,
      feature: step.feature,
      outputs: step.outputs,
      chooses: step.chooses,
      requirements: step.requirements,
      planning: step.planning,
    },
    instanceId: r.instance_id,
    taskAgencyId: r.agency_id,
    definition: { key: def.key, version: def.version, title: def.title },
    subject: {
      type: r.subject_type,
      id: r.subject_id,
      title: d?.title ?? r.subject_title ?? r.subject_id,
      name: d?.name ?? null,
      agency: d?.short_name ?? null,
    },
    submissionId,
    openedAt: new Date(r.opened_at),
    dueAt: r.due_at ? new Date(r.due_at) : null,
    overdue: r.due_at !== null && new Date(r.due_at).getTime() < now.getTime(),
    transitions: step.transitions,
    decidedAt: decidedElsewhere({ subjectType: r.subject_type, taskId: r.id, step }),
  };
}

/**
 * The open tasks `actor` may act on, soonest due first. With the region's `calendar` (the task
 * page), each run of a definition with a service standard reports its time against it.
 */
export async function inboxFor(
  db: Kysely<DB>,
  actor: Actor,
  now: Date,
  calendar?: WorkingCalendar,
): Promise<InboxEntry[]> {
  const rows = await openTasksFor(db, inboxScopes(actor));
  const datasetIds = [...new Set(rows.filter((r) => r.subject_type === 'dataset').map((r) => r.subject_id))];
  const datasets = await inboxDatasets(db, datasetIds);
  const instanceIds = [...new Set(rows.map((r) => r.instance_id))];
  const submissions = await inboxSubmissions(db, instanceIds);
  const byDataset = new Map(datasets.map((d) => [d.id, d]));
  const positions = actor.userId ? await positionsOf(db, actor.userId) : new Map<string, string>();
  const out: InboxEntry[] = [];
  for (const r of rows) {
    const def = r.definition as WorkflowDefinition;
    const step = stepById(def, r.step_id);
    if (!canActOn(actor, step, r.agency_id, r.subject_agency_id)) continue;
    // A task for one person or one position is theirs alone (approvals.ts judges the act the same way).
    if (r.assignee_id && r.assignee_id !== actor.userId) continue;
    if (r.position && positions.get(r.role) !== r.position) continue;
    const submissionId = submissions.find((s) => s.instance_id === r.instance_id)?.id ?? null;
    const entry = toEntry(r, def, step, byDataset.get(r.subject_id), submissionId, now);
    if (calendar && def.standardTime)
      entry.processTime = processTimeReport(def, calendar, {
        startedAt: new Date(r.run_started_at),
        endedAt: null,
        now,
      });
    out.push(entry);
  }
  return out;
}
