import type { Kysely } from 'kysely';
import type { Actor } from '../../kernel/access/policy.js';
import type { Audit } from '../../kernel/actions/context.js';
import type { WorkingCalendar } from '../../kernel/calendar/working-calendar.js';
import type { DataRequest } from '../../kernel/db/schema/data-requests.js';
import type { DB } from '../../kernel/db/schema.js';
import { type Bilingual, ConflictError, NotFoundError } from '../../kernel/errors.js';
import { insertMails } from '../../kernel/notifications/notifications.repository.js';
import {
  type ActResult,
  actOnTask,
  definitionFor,
  loadTask,
  openTaskOf,
  type RunChoice,
  type RunEnv,
} from '../workflows/index.js';
import { findRequestById, insertMessage } from './data-requests.repository.js';

/**
 * How the request service drives the Banyuwangi SOP's workflow run (the `data_request`
 * process): each service action acts on the run's open task, only when it is the step the
 * action belongs to, through the workflows' own `actOnTask` (policy, assignment, audit, next
 * step with its due time and its actors' notices).
 */

/** The status page of a request, with its secret: the link every mail to the requester carries. */
export function statusLink(siteUrl: string, r: Pick<DataRequest, 'code' | 'status_secret'>): string {
  return `${siteUrl}/permintaan-data/${r.code}?s=${r.status_secret}`;
}

/** The request, or 404 (staff load by id). */
export async function requireRequest(db: Kysely<DB>, id: string, forUpdate = false): Promise<DataRequest> {
  const r = await findRequestById(db, id, { forUpdate });
  if (!r?.verified_at)
    throw new NotFoundError({ id: 'Permintaan data tidak ditemukan', en: 'Data request not found' });
  return r;
}

/** The step the run is at, or null when the run has ended. */
export async function currentStep(trx: Kysely<DB>, r: DataRequest): Promise<string | null> {
  if (!r.instance_id) return null;
  return (await openTaskOf(trx, r.instance_id))?.step_id ?? null;
}

function wrongStep(expected: readonly string[], at: string | null): ConflictError {
  return new ConflictError({
    id: `Permintaan ini tidak sedang pada langkah tersebut (langkah sekarang: ${at ?? 'selesai'}; diharapkan: ${expected.join(' / ')})`,
    en: `This request is not at that step (now: ${at ?? 'finished'}; expected: ${expected.join(' / ')})`,
  });
}

/** Act on the run's open task, which must be one of `steps`; returns the result. */
export async function actStep(
  env: RunEnv,
  r: DataRequest,
  steps: readonly string[],
  input: {
    outcome: string;
    note?: string | null;
    choice?: RunChoice;
    files?: { key: string; name: string }[];
  },
): Promise<ActResult> {
  const open = r.instance_id ? await openTaskOf(env.trx, r.instance_id) : undefined;
  if (!open || !steps.includes(open.step_id)) throw wrongStep(steps, open?.step_id ?? null);
  const loaded = await loadTask(env.trx, open.id, { forUpdate: true });
  return actOnTask(env, loaded, input);
}

/** A message to the requester: kept for the status page and mailed with the status link. */
export async function tellRequester(
  trx: Kysely<DB>,
  r: DataRequest,
  kind: string,
  text: Bilingual,
  opts: { siteUrl: string; now: Date },
): Promise<void> {
  await insertMessage(trx, {
    request_id: r.id,
    kind,
    body_id: text.id,
    body_en: text.en,
    created_at: opts.now,
  });
  if (r.personal_purged_at) return;
  const body = r.locale === 'en' ? text.en : text.id;
  const lead =
    r.locale === 'en'
      ? `Your data request ${r.code}:\n\n${body}\n\nFollow it here: ${statusLink(opts.siteUrl, r)}`
      : `Permintaan data Anda ${r.code}:\n\n${body}\n\nIkuti di sini: ${statusLink(opts.siteUrl, r)}`;
  await insertMails(trx, [
    {
      to_address: r.email,
      subject:
        r.locale === 'en' ? `Data request ${r.code}: update` : `Permintaan data ${r.code}: kabar terbaru`,
      body: lead,
    },
  ]);
}

/** The environment for acting on the run. */
export function runEnv(
  trx: Kysely<DB>,
  audit: Audit,
  actor: Actor,
  calendar: WorkingCalendar,
  now: Date,
  siteUrl: string,
): RunEnv {
  return { trx, audit, actor, calendar, now, siteUrl };
}

/** The SOP the region runs for data requests. */
export async function requestDefinition(db: Kysely<DB>) {
  return definitionFor(db, 'data_request');
}
