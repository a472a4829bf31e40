import type { Kysely } from 'kysely';
import { type Actor, can } from '../../kernel/access/policy.js';
import type { DatasetSubmission, TaskDetail } from '../../kernel/db/schema/workflow-runs.js';
import type { DB } from '../../kernel/db/schema.js';
import type { Bilingual, WorkflowDefinition } from '../workflows/index.js';
import { instancesOf, tasksOf } from '../workflows/index.js';
import { SUBJECT_DATASET } from './submissions.js';
import { submissionsOf } from './submissions.repository.js';

export interface HistoryTask {
  id: string;
  stepId: string;
  /** The platform feature the step drives (dataset flow), if any. */
  feature: string | null;
  title: Bilingual;
  actorLabel: Bilingual;
  state: string;
  outcome: string | null;
  outcomeLabel: Bilingual | null;
  closedByName: string | null;
  openedAt: Date;
  closedAt: Date | null;
  dueAt: Date | null;
  /** Closed after its due time, or still open past it. */
  late: boolean;
  workingMinutes: number | null;
  standard: string | null;
  note: string | null;
  attachmentName: string | null;
  detail: TaskDetail;
}

export interface HistoryInstance {
  id: string;
  title: Bilingual;
  definitionKey: string;
  definitionVersion: number;
  state: string;
  startedAt: Date;
  endedAt: Date | null;
  tasks: HistoryTask[];
}

/** Everything that happened to a dataset in its workflows: for staff on the dataset page and in reports. */
export async function datasetHistory(
  db: Kysely<DB>,
  datasetId: string,
  now = new Date(),
): Promise<{ instances: HistoryInstance[]; submissions: DatasetSubmission[] }> {
  const instances = await instancesOf(db, SUBJECT_DATASET, datasetId);
  const tasks = await tasksOf(
    db,
    instances.map((i) => i.id),
  );
  return {
    submissions: await submissionsOf(db, datasetId),
    instances: instances.map((i) => {
      const def = i.definition as WorkflowDefinition;
      return {
        id: i.id,
        title: def.title,
        definitionKey: i.definition_key,
        definitionVersion: i.definition_version,
        state: i.state,
        startedAt: new Date(i.started_at),
        endedAt: i.ended_at ? new Date(i.ended_at) : null,
        tasks: tasks
          .filter((t) => t.instance_id === i.id)
          .map((t) => {
            const step = def.steps.find((s) => s.id === t.step_id);
            const due = t.due_at ? new Date(t.due_at) : null;
            const end = t.closed_at ? new Date(t.closed_at) : now;
            return {
              id: t.id,
              stepId: t.step_id,
              feature: step?.feature ?? null,
              title: step?.title ?? { id: t.step_id, en: t.step_id },
              actorLabel: step?.actorLabel ?? { id: t.role, en: t.role },
              state: t.state,
              outcome: t.outcome,
              outcomeLabel: step?.transitions.find((x) => x.outcome === t.outcome)?.label ?? null,
              closedByName: t.closed_by_name,
              openedAt: new Date(t.opened_at),
              closedAt: t.closed_at ? new Date(t.closed_at) : null,
              dueAt: due,
              late: due !== null && end.getTime() > due.getTime(),
              workingMinutes: t.working_minutes,
              standard: step?.duration ?? null,
              note: t.note,
              attachmentName: t.attachment_name,
              detail: t.detail,
            };
          }),
      };
    }),
  };
}

/**
 * The dataset page's workflow history (a view model for WorkflowHistory): for staff who may
 * read the agency's private data only; null when the reader may not see it or there is none.
 */
export async function loadWorkflowHistory(
  db: Kysely<DB>,
  actor: Actor,
  dataset: { id: string; owner_org: string },
): Promise<HistoryInstance[] | null> {
  if (!can(actor, 'dataset:read_private', { agencyId: dataset.owner_org })) return null;
  const history = await datasetHistory(db, dataset.id);
  return history.instances.length > 0 ? history.instances : null;
}
