import type { Kysely } from 'kysely';
import type { DatasetSubmission, SubmissionState, TaskDetail } from '../../kernel/db/schema/workflow-runs.js';
import type { DB } from '../../kernel/db/schema.js';
import { ConflictError, ValidationError } from '../../kernel/errors.js';
import type { StepFeature } from '../workflows/index.js';
import {
  definitionOf,
  featureStep,
  findInstance,
  OUTCOME_RETURN,
  openFeatureTask,
} from '../workflows/index.js';
import { setSubmissionState } from './submissions.repository.js';

/** What the decisions on a submission share: its open task, its state move, a return's notes. */

/** The open task of a submission's feature step; ConflictError when the flow is elsewhere. */
export async function featureTask(trx: Kysely<DB>, s: DatasetSubmission, feature: StepFeature) {
  const instance = await findInstance(trx, s.instance_id);
  if (!instance) throw new Error('submission without instance');
  const open = await openFeatureTask(trx, instance, feature);
  if (!open) {
    const step = featureStep(definitionOf(instance), feature);
    throw new ConflictError({
      id: `Pengiriman #${s.number} tidak menunggu langkah "${step.title.id}"`,
      en: `Submission #${s.number} is not waiting for "${step.title.en}"`,
    });
  }
  return { instance, ...open };
}

export async function moveSubmission(
  trx: Kysely<DB>,
  s: DatasetSubmission,
  from: SubmissionState[],
  to: SubmissionState,
  extra: { recommendation_number?: string; recommendation_date?: string } = {},
) {
  if (!(await setSubmissionState(trx, s.id, from, to, extra)))
    throw new ConflictError({
      id: `Pengiriman #${s.number} sudah diproses orang lain`,
      en: `Submission #${s.number} was already handled by someone else`,
    });
}

export function requireReturnNotes(input: { outcome: string; note: string } & Partial<TaskDetail>) {
  if (input.outcome !== OUTCOME_RETURN) return;
  const hasNote =
    input.note.trim() !== '' ||
    (input.checklist ?? []).some((c) => c.note.trim() !== '') ||
    (input.fields ?? []).some((f) => f.note.trim() !== '') ||
    (input.cells ?? []).some((c) => c.note.trim() !== '');
  if (!hasNote)
    throw new ValidationError({
      note: [
        {
          id: 'Tulis catatan perbaikan untuk produsen data',
          en: 'Write a note telling the producer what to fix',
        },
      ],
    });
}
