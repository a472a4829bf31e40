import type { FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import { sendPage } from '../../../kernel/http/admin-form.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { listAgencies } from '../../agencies/index.js';
import { dataListDiff } from '../actions/list.js';
import { dataProposalList, startOfYear } from '../actions/proposals.js';
import { findList, listItems, listYears } from '../data-list.repository.js';
import { meetingsOf } from '../forum.repository.js';
import { itemFulfilment, obligationsOf } from '../fulfilment.repository.js';
import { activityChoices, standardChoices } from '../item-links.repository.js';
import { recordsOf } from '../planning-records.repository.js';
import { unmetRequestsBefore } from '../proposals.repository.js';
import { pm } from './planning.messages.js';
import { planningCtx, yearOf } from './route-input.js';
import { YearPage } from './year.page.js';
import type { YearView } from './year-view.js';

/** The year page (/workspace/daftar-data/:year) rendered with its view model, as GET and refused forms show it. */
export function yearPageRenderer({ database, site, config }: Pick<AppDeps, 'database' | 'site' | 'config'>) {
  const db = database.db;
  const ctxOf = planningCtx({ database, config });

  async function yearView(
    req: FastifyRequest,
    year: number,
    extra: Partial<YearView> = {},
  ): Promise<YearView> {
    const list = await findList(db, year);
    const items = list ? await listItems(db, list.id) : [];
    const manage = can(req.actor, 'data_list:manage');
    const ownAgency =
      manage || can(req.actor, 'dataset:read_private', {}) ? undefined : (req.actor.agencyId ?? undefined);
    return {
      year,
      list,
      items,
      fulfilment: list ? await itemFulfilment(db, list.id, new Date().toISOString().slice(0, 10)) : new Map(),
      proposals: manage
        ? ((await executeAction(ctxOf(req), dataProposalList, { year })) as YearView['proposals'])
        : null,
      unmetRequests: manage ? (await unmetRequestsBefore(db, startOfYear(year))).length : 0,
      standards: manage ? await standardChoices(db) : [],
      activities: manage ? await activityChoices(db) : [],
      meetings: await meetingsOf(db, year),
      records: await recordsOf(db, year),
      owed: list?.status === 'enacted' ? await obligationsOf(db, list.id, ownAgency) : [],
      agencies: await listAgencies(db),
      years: [...new Set([...(await listYears(db)).map((l) => l.year), year])].sort((a, b) => b - a),
      ...extra,
    };
  }

  async function renderYear(
    req: FastifyRequest,
    reply: FastifyReply,
    year: number,
    extra: Partial<YearView> = {},
    status = 200,
  ) {
    const q = req.query as { done?: string; banding?: string };
    const ctx = { ...pageContext(req, reply, site), notice: q.done ? pm(req.locale, 'p.saved') : undefined };
    let diff: YearView['diff'];
    const other = q.banding ? yearOf(q.banding) : null;
    if (other && other !== year) {
      try {
        const d = await executeAction(ctxOf(req), dataListDiff, { year, other_year: other });
        diff = { other, added: d.added, removed: d.removed, changed: d.changed };
      } catch {
        diff = undefined;
      }
    }
    return sendPage(reply, YearPage({ ctx, view: await yearView(req, year, { diff, ...extra }) }), status);
  }

  return renderYear;
}
