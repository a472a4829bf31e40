import type { Kysely } from 'kysely';
import type { Actor } from '../../kernel/access/policy.js';
import type { DB } from '../../kernel/db/schema.js';
import {
  type StepTransition,
  stepById,
  type WorkflowDefinition,
  type WorkflowStep,
} from './domain/definition.js';
import { openTasksFor } from './runs.repository.js';
import { canActOn, inboxScopes } from './task-access.js';

/** One line of "Tugas saya": a task the actor may act on now. */
export interface InboxEntry {
  taskId: string;
  step: Pick<WorkflowStep, 'id' | 'title' | 'role' | 'actorLabel' | 'duration' | 'feature' | 'outputs'>;
  definition: { key: string; version: number; title: WorkflowDefinition['title'] };
  subject: { type: string; id: string; title: string; name: string | null; agency: string | null };
  /** The latest submission of a dataset subject (the feature pages act on it). */
  submissionId: string | null;
  openedAt: Date;
  dueAt: Date | null;
  overdue: boolean;
  transitions: StepTransition[];
}

/** The open tasks `actor` may act on, soonest due first. */
export async function inboxFor(db: Kysely<DB>, actor: Actor, now: Date): Promise<InboxEntry[]> {
  const rows = await openTasksFor(db, inboxScopes(actor));
  const datasetIds = [...new Set(rows.filter((r) => r.subject_type === 'dataset').map((r) => r.subject_id))];
  const datasets =
    datasetIds.length === 0
      ? []
      : await db
          .selectFrom('dataset as d')
          .innerJoin('agency as a', 'a.id', 'd.agency_id')
          .select(['d.id', 'd.name', 'd.title', 'a.short_name'])
          .where('d.id', 'in', datasetIds)
          .execute();
  const instanceIds = [...new Set(rows.map((r) => r.instance_id))];
  const submissions =
    instanceIds.length === 0
      ? []
      : await db
          .selectFrom('dataset_submission')
          .select(['id', 'instance_id', 'number'])
          .where('instance_id', 'in', instanceIds)
          .orderBy('number', 'desc')
          .execute();
  const byDataset = new Map(datasets.map((d) => [d.id, d]));
  const out: InboxEntry[] = [];
  for (const r of rows) {
    const def = r.definition as WorkflowDefinition;
    const step = stepById(def, r.step_id);
    if (!canActOn(actor, step, r.agency_id, r.subject_agency_id)) continue;
    const d = byDataset.get(r.subject_id);
    out.push({
      taskId: r.id,
      step: {
        id: step.id,
        title: step.title,
        role: step.role,
        actorLabel: step.actorLabel,
        duration: step.duration,
        feature: step.feature,
        outputs: step.outputs,
      },
      definition: { key: def.key, version: def.version, title: def.title },
      subject: {
        type: r.subject_type,
        id: r.subject_id,
        title: d?.title ?? r.subject_title ?? r.subject_id,
        name: d?.name ?? null,
        agency: d?.short_name ?? null,
      },
      submissionId: submissions.find((s) => s.instance_id === r.instance_id)?.id ?? null,
      openedAt: new Date(r.opened_at),
      dueAt: r.due_at ? new Date(r.due_at) : null,
      overdue: r.due_at !== null && new Date(r.due_at).getTime() < now.getTime(),
      transitions: step.transitions,
    });
  }
  return out;
}
