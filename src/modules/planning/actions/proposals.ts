import { z } from 'zod';
import { can } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../kernel/errors.js';
import { bumpList, ensureList, findItemIdByIdDdd, insertItem } from '../data-list.repository.js';
import { DATA_KINDS, RISK_CLASSES, UPDATE_SCHEDULES } from '../domain/columns.js';
import { ListRefusedError } from '../list-xlsx.js';
import { readNeeds } from '../needs-import.js';
import {
  countProposalsFromIp,
  insertProposal,
  lockProposal,
  proposalsOf,
  unmetRequestsBefore,
  updateProposal,
} from '../proposals.repository.js';
import { assertOpen, requireManage, Text, Uuid, Year } from './common.js';
import { agencyResolver } from './list.js';

/**
 * Proposals for a year's list: from the public (no account; a hidden trap field and a per-address
 * limit turn bots away, as a public form must), from a producer for its own agency, or from a
 * planning document (a need: RPJMD, RKPD, SDGs, SPM…). The custodian or secretariat moderates:
 * an accepted proposal becomes a planned row of the list; a refused one stays recorded.
 */
export const dataProposalCreate = defineAction({
  name: 'data_proposal_create',
  sideEffectFree: false,
  input: z.object({
    year: Year,
    data_name: z
      .string()
      .trim()
      .min(3, 'Nama data minimal 3 karakter / Data name needs 3 characters')
      .max(500),
    description: Text(4000).optional(),
    proposer_name: Text(200).optional(),
    proposer_email: z
      .string()
      .trim()
      .max(254)
      .refine(
        (v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
        'Alamat surel tidak valid / Invalid e-mail address',
      )
      .optional(),
    planning_document: Text(200).optional(),
    agency_id: z.preprocess((v) => (v === '' ? undefined : v), Uuid('perangkat daerah / agency').optional()),
    source: z.enum(['public', 'producer', 'need', 'data_request']).optional(),
    /** Left empty by people; filled by bots that fill every field. */
    website: z.string().optional(),
  }),
  authorize: () => {},
  async run(ctx, input) {
    if (input.website)
      throw new ValidationError({ website: [{ id: 'Usulan ditolak', en: 'Proposal refused' }] });
    const staff = can(ctx.actor, 'data_list:manage', {});
    const producer =
      ctx.actor.agencyId !== null && can(ctx.actor, 'data_list:respond', { agencyId: ctx.actor.agencyId });
    const source = staff ? (input.source ?? 'need') : producer ? 'producer' : 'public';
    const agencyId = source === 'producer' ? ctx.actor.agencyId : staff ? (input.agency_id ?? null) : null;
    if (source === 'public') {
      if (!input.proposer_name?.trim())
        throw new ValidationError({
          proposer_name: [{ id: 'Nama pengusul wajib diisi', en: 'Your name is required' }],
        });
      if (ctx.ip) {
        if ((await countProposalsFromIp(ctx.db, ctx.ip, new Date(Date.now() - 3600_000))) >= 10)
          throw new ConflictError({
            id: 'Terlalu banyak usulan dari alamat ini; coba lagi satu jam lagi',
            en: 'Too many proposals from this address; try again in an hour',
          });
      }
    }
    return mutate(ctx, async (trx, audit) => {
      const row = await insertProposal(trx, {
        year: input.year,
        source,
        data_name: input.data_name,
        description: input.description ?? '',
        agency_id: agencyId,
        planning_document: input.planning_document ?? '',
        proposer_name: input.proposer_name ?? ctx.actor.username,
        proposer_email: input.proposer_email ?? '',
      });
      await audit({
        action: 'data_proposal_create',
        subjectType: 'data_proposal',
        subjectId: row.id,
        summary: { year: input.year, source, data_name: input.data_name },
      });
      return { id: row.id, state: row.state, source };
    });
  },
});

export const dataProposalList = defineAction({
  name: 'data_proposal_list',
  sideEffectFree: true,
  requires: 'data_list:manage',
  input: z.object({ year: Year }),
  authorize: (ctx) => requireManage(ctx.actor),
  async run(ctx, input) {
    return proposalsOf(ctx.db, input.year);
  },
});

/** Accept (a planned row is added to the list) or refuse a proposal. */
export const dataProposalModerate = defineAction({
  name: 'data_proposal_moderate',
  sideEffectFree: false,
  requires: 'data_list:manage',
  input: z.object({
    id: Uuid('usulan / proposal'),
    decision: z.enum(['accept', 'reject'], { error: 'Pilih terima atau tolak / Choose accept or reject' }),
    id_ddd: Text(100).optional(),
    agency_id: z.preprocess((v) => (v === '' ? undefined : v), Uuid('perangkat daerah / agency').optional()),
    kind: z.enum(DATA_KINDS).optional(),
    risk_class: z.enum(RISK_CLASSES).optional(),
    update_schedule: z.enum(UPDATE_SCHEDULES).optional(),
  }),
  authorize: (ctx) => requireManage(ctx.actor),
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const p = await lockProposal(trx, input.id);
      if (!p) throw new NotFoundError({ id: 'Usulan tidak ditemukan', en: 'Proposal not found' });
      if (p.state !== 'new')
        throw new ConflictError({
          id: 'Usulan ini sudah diputuskan',
          en: 'This proposal was already decided',
        });
      let itemId: string | null = null;
      if (input.decision === 'accept') {
        const agencyId = input.agency_id ?? p.agency_id;
        const missing: Record<string, { id: string; en: string }[]> = {};
        if (!agencyId)
          missing.agency_id = [{ id: 'Pilih perangkat daerah produsen', en: 'Choose the producing agency' }];
        if (!input.id_ddd) missing.id_ddd = [{ id: 'ID DDD wajib diisi', en: 'ID DDD is required' }];
        if (Object.keys(missing).length) throw new ValidationError(missing);
        const list = await ensureList(trx, p.year);
        assertOpen(list);
        const taken = await findItemIdByIdDdd(trx, list.id, input.id_ddd as string);
        if (taken)
          throw new ValidationError({
            id_ddd: [
              { id: `ID DDD "${input.id_ddd}" sudah ada`, en: `ID DDD "${input.id_ddd}" already exists` },
            ],
          });
        const item = await insertItem(trx, {
          list_id: list.id,
          id_ddd: input.id_ddd as string,
          data_name: p.data_name,
          definition: p.description,
          source_reference: p.planning_document,
          agency_id: agencyId as string,
          kind: input.kind ?? 'statistik',
          risk_class: input.risk_class ?? 'terbuka',
          update_schedule: input.update_schedule ?? 'tahunan',
        });
        itemId = item.id;
        await bumpList(trx, list.id);
      }
      await updateProposal(trx, p.id, {
        state: input.decision === 'accept' ? 'accepted' : 'rejected',
        item_id: itemId,
      });
      await audit({
        action: 'data_proposal_moderate',
        subjectType: 'data_proposal',
        subjectId: p.id,
        summary: { decision: input.decision, data_name: p.data_name, id_ddd: input.id_ddd ?? null },
      });
      return { id: p.id, state: input.decision === 'accept' ? 'accepted' : 'rejected', item_id: itemId };
    });
  },
});

/** The first moment of a year: requests answered before it feed that year's list. */
export function startOfYear(year: number): Date {
  return new Date(Date.UTC(year, 0, 1));
}

/**
 * Unmet public data requests become proposals for the next year's list (source `data_request`):
 * each request that ended "not available" because the region does not hold the data or has not
 * produced it yet, answered before the list's year began, is offered once to the custodian as a
 * proposal routed to the agency that answered it. The requester's personal data stays with the
 * request (its retention applies): the proposal names the request by its code only.
 */
export const dataProposalFromRequests = defineAction({
  name: 'data_proposal_from_requests',
  sideEffectFree: false,
  requires: 'data_list:manage',
  input: z.object({ year: Year }),
  authorize: (ctx) => requireManage(ctx.actor),
  async run(ctx, input) {
    // Nothing waiting is no change (and no audit row).
    if ((await unmetRequestsBefore(ctx.db, startOfYear(input.year))).length === 0)
      return { year: input.year, proposals: 0, ids: [] as string[] };
    return mutate(ctx, async (trx, audit) => {
      const unmet = await unmetRequestsBefore(trx, startOfYear(input.year));
      const ids: string[] = [];
      for (const r of unmet) {
        const detail = [
          r.purpose,
          r.period ? `Periode: ${r.period}` : '',
          r.region ? `Wilayah: ${r.region}` : '',
        ].filter(Boolean);
        const row = await insertProposal(trx, {
          year: input.year,
          source: 'data_request',
          data_name: r.asked.slice(0, 500),
          description: detail.join('\n').slice(0, 4000),
          agency_id: r.agency_id,
          planning_document: `Permintaan data ${r.code}`,
          proposer_name: `Permintaan data ${r.code}`,
          data_request_id: r.id,
        });
        ids.push(row.id);
        await audit({
          action: 'data_proposal_from_requests',
          subjectType: 'data_proposal',
          subjectId: row.id,
          summary: { year: input.year, request: r.code, outcome: r.outcome },
        });
      }
      return { year: input.year, proposals: ids.length, ids };
    });
  },
});

/**
 * Import a reference indicator list (RPJMD, RKPD, SDGs, SPM, Permendagri…) as needs: each
 * indicator becomes a proposal (source `need`) for the year. All or nothing: any problem refuses
 * the whole file with its row and column; an indicator already proposed for the year from the
 * same document is skipped, so the same list can be uploaded again.
 */
export const dataProposalImportNeeds = defineAction({
  name: 'data_proposal_import_needs',
  sideEffectFree: false,
  requires: 'data_list:manage',
  input: z.object({ year: Year, file: z.string().min(1).max(14_000_000) }),
  authorize: (ctx) => requireManage(ctx.actor),
  async run(ctx, input) {
    const { rows, problems } = await readNeeds(Buffer.from(input.file, 'base64'), await agencyResolver(ctx));
    if (problems.length) throw new ListRefusedError(problems);
    return mutate(ctx, async (trx, audit) => {
      const known = new Set(
        (await proposalsOf(trx, input.year))
          .filter((p) => p.source === 'need')
          .map((p) => `${p.planning_document.toLowerCase()}|${p.data_name.toLowerCase()}`),
      );
      let added = 0;
      let skipped = 0;
      for (const r of rows) {
        const key = `${r.source.toLowerCase()}|${r.name.toLowerCase()}`;
        if (known.has(key)) {
          skipped++;
          continue;
        }
        known.add(key);
        await insertProposal(trx, {
          year: input.year,
          source: 'need',
          data_name: r.name,
          description: [`Kode indikator: ${r.code}`, r.note].filter(Boolean).join('\n'),
          agency_id: r.agencyId,
          planning_document: r.source,
          proposer_name: ctx.actor.username,
        });
        added++;
      }
      await audit({
        action: 'data_proposal_import_needs',
        subjectType: 'data_proposal',
        subjectId: null,
        summary: { year: input.year, added, skipped },
      });
      return { year: input.year, added, skipped };
    });
  },
});
