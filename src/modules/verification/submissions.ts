import type { Kysely, Transaction } from 'kysely';
import type { Action } from '../../kernel/access/permission.js';
import { authorize } from '../../kernel/access/policy.js';
import type { ActionContext, Audit } from '../../kernel/actions/context.js';
import type { DatasetSubmission } from '../../kernel/db/schema/workflow-runs.js';
import type { Dataset, DB } from '../../kernel/db/schema.js';
import { NotFoundError } from '../../kernel/errors.js';
import { deliverPendingMail } from '../../kernel/notifications/mailer.js';
import { findDataset, findDatasetForUpdate } from '../catalog/index.js';
import { loadCalendar, type RunEnv } from '../workflows/index.js';
import { findSubmission } from './submissions.repository.js';

/**
 * The dataset collection and check flow (issue #5 item 5) on the workflow runtime: a producer
 * submits a version (data + metadata snapshot, submit.ts), the custodian verifies (approve /
 * return with notes per checklist item, field and cell), the supervisor reviews priority data
 * (and other data when the definition says so), the custodian publishes (decisions.ts).
 */

/** The SDI checklist the custodian ticks (Perpres 39/2019: the four principles and validity). */
export const SDI_CHECKLIST = [
  { key: 'data_standard', id: 'Standar data diikuti', en: 'Data standard followed' },
  { key: 'metadata_complete', id: 'Metadata lengkap', en: 'Metadata complete' },
  { key: 'open_format_license', id: 'Format terbuka dan lisensi', en: 'Open format and license' },
  { key: 'reference_codes', id: 'Kode referensi valid', en: 'Reference codes valid' },
  { key: 'values_plausible', id: 'Nilai masuk akal', en: 'Values plausible' },
] as const;

export const SUBJECT_DATASET = 'dataset';

export type LoadedSubmission = DatasetSubmission & { dataset: Dataset };

export async function runEnv(ctx: ActionContext, trx: Transaction<DB>, audit: Audit): Promise<RunEnv> {
  return {
    trx,
    audit,
    actor: ctx.actor,
    calendar: await loadCalendar(trx),
    now: new Date(),
    siteUrl: ctx.siteUrl ?? '',
  };
}

/**
 * A dataset by id or name, NotFoundError when missing or deleted. `forUpdate` (inside a
 * transaction) locks the row: the action then authorizes and changes the row it holds.
 */
export async function loadDatasetFor(
  db: Kysely<DB>,
  idOrName: string,
  opts: { forUpdate?: boolean } = {},
): Promise<Dataset> {
  const d = opts.forUpdate ? await findDatasetForUpdate(db, idOrName) : await findDataset(db, idOrName);
  if (!d || d.state === 'deleted')
    throw new NotFoundError({
      id: `Dataset '${idOrName}' tidak ditemukan`,
      en: `Dataset '${idOrName}' not found`,
    });
  return d;
}

/**
 * A submission with its dataset, NotFoundError when either is missing. `forUpdate` (inside a
 * transaction) locks both rows, submission first, for the decision about to change them.
 */
export async function loadSubmission(
  db: Kysely<DB>,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<LoadedSubmission> {
  const s = /^[0-9a-f-]{36}$/i.test(id) ? await findSubmission(db, id, opts) : undefined;
  const dataset =
    s &&
    (opts.forUpdate ? await findDatasetForUpdate(db, s.dataset_id) : await findDataset(db, s.dataset_id));
  if (!s || !dataset)
    throw new NotFoundError({ id: `Pengiriman '${id}' tidak ditemukan`, en: `Submission '${id}' not found` });
  return { ...s, dataset };
}

/**
 * One pass of a decision: load the submission once, locked, inside the deciding transaction
 * (404 when missing), then authorize `permission` on the loaded dataset's agency (403).
 */
export async function lockSubmissionFor(
  ctx: ActionContext,
  trx: Kysely<DB>,
  id: string,
  permission: Action,
): Promise<LoadedSubmission> {
  const s = await loadSubmission(trx, id, { forUpdate: true });
  authorize(ctx.actor, permission, { agencyId: s.dataset.agency_id });
  return s;
}

/** After commit: send the mails the change queued (no-op without SMTP). */
export async function afterCommit(ctx: ActionContext) {
  await deliverPendingMail(ctx.db);
}
