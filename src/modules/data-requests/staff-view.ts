import type { Kysely } from 'kysely';
import { type Actor, can } from '../../kernel/access/policy.js';
import type { DB } from '../../kernel/db/schema.js';
import { NotFoundError } from '../../kernel/errors.js';
import { loadCalendar } from '../workflows/index.js';
import { serviceNow } from './clock.js';
import { alertsOf } from './legal-alerts.repository.js';
import type { StaffDetail, StaffOptions } from './pages/staff-detail.view.js';
import { presentForRequester } from './presenter.js';
import { agencyChoices, custodianOptions, publishedDatasetChoices } from './request-choices.repository.js';
import { currentStep, requireRequest } from './request-flow.js';

/**
 * The staff page's view model of one request, judged by the same policy as data_request_show:
 * a producer sees only a request routed to its agency (else 404), contact data only handlers.
 */
export async function loadStaffDetail(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
): Promise<{ detail: StaffDetail; options: StaffOptions }> {
  const r = await requireRequest(db, id);
  if (!can(actor, 'data_request:read', { agencyId: r.agency_id }))
    throw new NotFoundError({ id: 'Permintaan data tidak ditemukan', en: 'Data request not found' });
  const calendar = await loadCalendar(db);
  const view = await presentForRequester(db, calendar, r, serviceNow());
  const step = await currentStep(db, r);
  const canHandle = can(actor, 'data_request:handle');
  const detail: StaffDetail = {
    ...view,
    id: r.id,
    step,
    purpose: r.purpose,
    region: r.region,
    period: r.period,
    format: r.format,
    delivery: r.delivery,
    proposedOutcome: r.proposed_outcome,
    requester: can(actor, 'data_request:read_personal')
      ? { name: r.requester_name, email: r.email, phone: r.phone, organisation: r.organisation }
      : null,
    hasAgencyFile: r.file_key !== null,
    alerts: (await alertsOf(db, r.id)).map((a) => ({
      clock: a.clock,
      kind: a.kind,
      sentAt: a.sent_at,
      dueAt: a.due_at,
      recipients: a.recipients,
    })),
  };
  const options: StaffOptions = {
    staff: canHandle ? await custodianOptions(db) : [],
    agencies: canHandle ? await agencyChoices(db) : [],
    datasets: canHandle && step === 'check_availability' ? await publishedDatasetChoices(db) : [],
    canHandle,
    canRespond: r.agency_id !== null && can(actor, 'data_request:respond', { agencyId: r.agency_id }),
    canDecide: can(actor, 'data_request:decide_objection'),
  };
  return { detail, options };
}
