import { z } from 'zod';
import { authorize, can, grantScope } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { NotFoundError } from '../../../kernel/errors.js';
import { loadCalendar } from '../../workflows/index.js';
import { serviceNow } from '../clock.js';
import { findRequestByCode, listRequests } from '../data-requests.repository.js';
import { figureOf } from '../figures.js';
import { presentForRequester, publicJson } from '../presenter.js';
import { currentStep, requireRequest } from '../request-flow.js';
import { secretMatches } from './request-create.js';

const notFound = () =>
  new NotFoundError({ id: 'Permintaan data tidak ditemukan', en: 'Data request not found' });

/**
 * One request: the requester by tracking code and secret (their view, no personal data); staff by
 * id — producers only a request routed to their agency (anything else does not exist for them),
 * and the requester's contact data only for those who handle requests.
 */
export const dataRequestShow = defineAction({
  name: 'data_request_show',
  sideEffectFree: true,
  input: z.union([
    z.object({ id: z.string().uuid() }),
    z.object({ code: z.string().trim().toUpperCase().max(20), secret: z.string().min(1).max(100) }),
  ]),
  // Who may read depends on the loaded request (its secret, its agency): judged in run().
  authorize: () => {},
  async run(ctx, input) {
    const calendar = await loadCalendar(ctx.db);
    const now = serviceNow();
    if ('code' in input) {
      const r = await findRequestByCode(ctx.db, input.code);
      if (!r || !secretMatches(r.status_secret, input.secret)) throw notFound();
      return publicJson(await presentForRequester(ctx.db, calendar, r, now));
    }
    if (grantScope(ctx.actor, 'data_request:read') === null) authorize(ctx.actor, 'data_request:read');
    const r = await requireRequest(ctx.db, input.id).catch(() => {
      throw notFound();
    });
    if (!can(ctx.actor, 'data_request:read', { agencyId: r.agency_id })) throw notFound();
    const view = publicJson(await presentForRequester(ctx.db, calendar, r, now));
    const personal = can(ctx.actor, 'data_request:read_personal')
      ? { name: r.requester_name, email: r.email, phone: r.phone, organisation: r.organisation }
      : null;
    return {
      ...view,
      id: r.id,
      agency_id: r.agency_id,
      purpose: r.purpose,
      region: r.region,
      period: r.period,
      format: r.format,
      delivery: r.delivery,
      step: await currentStep(ctx.db, r),
      proposed_outcome: r.proposed_outcome,
      dataset_id: r.dataset_id,
      requester: personal,
    };
  },
});

/** Verified requests for staff: all for the custodian and leaders, a producer's own agency's only. */
export const dataRequestList = defineAction({
  name: 'data_request_list',
  sideEffectFree: true,
  requires: 'data_request:read',
  input: z.object({ limit: z.coerce.number().int().min(1).max(500).default(200) }),
  authorize: (ctx) => {
    if (grantScope(ctx.actor, 'data_request:read') === null) authorize(ctx.actor, 'data_request:read');
  },
  async run(ctx, input) {
    const scope = grantScope(ctx.actor, 'data_request:read');
    const calendar = await loadCalendar(ctx.db);
    const now = serviceNow();
    const rows =
      scope === 'any'
        ? await listRequests(ctx.db, { limit: input.limit })
        : ctx.actor.agencyId
          ? await listRequests(ctx.db, { agencyId: ctx.actor.agencyId, limit: input.limit })
          : [];
    return rows.map((r) => {
      const f = figureOf(calendar, r, now);
      return {
        id: r.id,
        code: r.code,
        state: r.state,
        asked: r.asked.slice(0, 200),
        agency_id: r.agency_id,
        filed_at: f?.filedAt.toISOString() ?? null,
        due: f?.dueAt.toISOString() ?? null,
        overdue: f?.overdue ?? false,
        extended: r.extension_days > 0,
        outcome: r.outcome,
        objection: r.objection_at !== null,
        objection_open: r.objection_at !== null && r.objection_answered_at === null,
      };
    });
  },
});
