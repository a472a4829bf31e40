import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../kernel/errors.js';
import {
  bumpList,
  deleteItem,
  ensureList,
  findItem,
  findItemIdByIdDdd,
  insertItem,
  lockListById,
  updateItem,
} from '../data-list.repository.js';
import { DATA_KINDS, DISAGGREGATIONS, RISK_CLASSES, UPDATE_SCHEDULES } from '../domain/columns.js';
import {
  activityAgency,
  findLinkableDataset,
  linkItemDataset,
  standardExists,
} from '../item-links.repository.js';
import { assertOpen, requireManage, Text, Uuid, Year } from './common.js';
import { notFoundItem } from './list.js';

const opt = (max: number) => Text(max).optional();
const Bool = z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1', z.boolean());

/** The editable fields of an item (the 19 columns, the producer, and the planning extras). */
const ItemFields = z.object({
  id_ddd: z.string().trim().min(1, 'ID DDD wajib diisi / ID DDD is required').max(100),
  id_ddp: opt(100),
  source_reference: opt(500),
  indicator_code: opt(100),
  indicator_name: opt(500),
  data_name: z.string().trim().min(1, 'Nama Data wajib diisi / Data name is required').max(500),
  kind: z.enum(DATA_KINDS, {
    error: 'Jenis Data: statistik, geospasial atau keuangan / Kind: statistik, geospasial or keuangan',
  }),
  indicator_variable: opt(500),
  standard_code: opt(100),
  agency_id: Uuid('perangkat daerah / agency'),
  risk_class: z.enum(RISK_CLASSES, {
    error: 'Klasifikasi Risiko tidak dikenal / Unknown risk classification',
  }),
  definition: opt(5000),
  unit: opt(100),
  presentation: opt(500),
  update_schedule: z.enum(UPDATE_SCHEDULES, {
    error: 'Jadwal Pemutakhiran tidak dikenal / Unknown update schedule',
  }),
  rad_category: opt(200),
  metadata_code: opt(100),
  portal_link: opt(1000),
  sdi_link: opt(1000),
  priority: Bool.optional(),
  disaggregation: z.preprocess((v) => (v === '' ? null : v), z.enum(DISAGGREGATIONS).nullable().optional()),
  collection_method: opt(300),
  responsible_officer: opt(300),
  /** The data standard and statistical activity the row follows ('' unlinks). */
  data_standard_id: z.preprocess(
    (v) => (v === '' ? null : v),
    Uuid('standar data / data standard').nullable().optional(),
  ),
  statistical_activity_id: z.preprocess(
    (v) => (v === '' ? null : v),
    Uuid('kegiatan statistik / statistical activity').nullable().optional(),
  ),
});

/** A linked standard must exist; a linked activity must be the row's producing agency's. */
async function checkLinks(
  trx: Parameters<typeof findItem>[0],
  agencyId: string,
  fields: {
    data_standard_id?: string | null | undefined;
    statistical_activity_id?: string | null | undefined;
  },
) {
  if (fields.data_standard_id && !(await standardExists(trx, fields.data_standard_id)))
    throw new ValidationError({
      data_standard_id: [{ id: 'Standar data tidak ditemukan', en: 'Data standard not found' }],
    });
  if (fields.statistical_activity_id) {
    const a = await activityAgency(trx, fields.statistical_activity_id);
    if (!a)
      throw new ValidationError({
        statistical_activity_id: [
          { id: 'Kegiatan statistik tidak ditemukan', en: 'Statistical activity not found' },
        ],
      });
    if (a.agency_id !== agencyId)
      throw new ValidationError({
        statistical_activity_id: [
          {
            id: 'Kegiatan statistik harus milik perangkat daerah produsen baris ini',
            en: "The statistical activity must belong to the row's producing agency",
          },
        ],
      });
  }
}

function duplicate(idDdd: string): ValidationError {
  return new ValidationError({
    id_ddd: [
      { id: `ID DDD "${idDdd}" sudah ada pada daftar ini`, en: `ID DDD "${idDdd}" is already in this list` },
    ],
  });
}

export const dataListItemCreate = defineAction({
  name: 'data_list_item_create',
  sideEffectFree: false,
  requires: 'data_list:manage',
  input: ItemFields.extend({ year: Year }),
  authorize: (ctx) => requireManage(ctx.actor),
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const list = await ensureList(trx, input.year);
      assertOpen(list);
      const { year: _y, ...fields } = input;
      const taken = await findItemIdByIdDdd(trx, list.id, fields.id_ddd);
      if (taken) throw duplicate(fields.id_ddd);
      await checkLinks(trx, fields.agency_id, fields);
      const item = await insertItem(trx, { ...clean(fields), list_id: list.id });
      await bumpList(trx, list.id);
      await audit({
        action: 'data_list_item_create',
        subjectType: 'data_list_item',
        subjectId: item.id,
        summary: { year: input.year, id_ddd: item.id_ddd, data_name: item.data_name },
      });
      return { id: item.id, id_ddd: item.id_ddd };
    });
  },
});

function clean<T extends Record<string, unknown>>(v: T): T {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as T;
}

async function openItem(trx: Parameters<typeof findItem>[0], id: string) {
  const item = await findItem(trx, id, { forUpdate: true });
  if (!item) throw notFoundItem();
  const list = await lockListById(trx, item.list_id);
  assertOpen(list);
  return { item, list };
}

export const dataListItemUpdate = defineAction({
  name: 'data_list_item_update',
  sideEffectFree: false,
  requires: 'data_list:manage',
  input: ItemFields.partial().extend({ id: Uuid('baris / row') }),
  authorize: (ctx) => requireManage(ctx.actor),
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const { item, list } = await openItem(trx, input.id);
      const { id, ...fields } = input;
      if (fields.id_ddd && fields.id_ddd !== item.id_ddd) {
        const taken = await findItemIdByIdDdd(trx, list.id, fields.id_ddd);
        if (taken) throw duplicate(fields.id_ddd);
      }
      await checkLinks(trx, fields.agency_id ?? item.agency_id, fields);
      await updateItem(trx, id, { ...clean(fields), updated_at: new Date() });
      await bumpList(trx, list.id);
      await audit({
        action: 'data_list_item_update',
        subjectType: 'data_list_item',
        subjectId: id,
        summary: { id_ddd: fields.id_ddd ?? item.id_ddd, fields: Object.keys(clean(fields)) },
      });
      return { id };
    });
  },
});

export const dataListItemDelete = defineAction({
  name: 'data_list_item_delete',
  sideEffectFree: false,
  requires: 'data_list:manage',
  input: z.object({ id: Uuid('baris / row') }),
  authorize: (ctx) => requireManage(ctx.actor),
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const { item, list } = await openItem(trx, input.id);
      await deleteItem(trx, item.id);
      await bumpList(trx, list.id);
      await audit({
        action: 'data_list_item_delete',
        subjectType: 'data_list_item',
        subjectId: item.id,
        summary: { id_ddd: item.id_ddd, data_name: item.data_name },
      });
      return { id: item.id, deleted: true };
    });
  },
});

/** A producer agrees to or refuses (with a reason) a planned row of its own agency. */
export const dataListItemRespond = defineAction({
  name: 'data_list_item_respond',
  sideEffectFree: false,
  requires: 'data_list:respond',
  input: z.object({
    id: Uuid('baris / row'),
    response: z.enum(['agree', 'refuse'], { error: 'Pilih setuju atau tolak / Choose agree or refuse' }),
    reason: Text(2000).optional(),
  }),
  authorize: () => {},
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const { item } = await openItem(trx, input.id);
      authorize(ctx.actor, 'data_list:respond', { agencyId: item.agency_id });
      const reason = input.reason?.trim() ?? '';
      if (input.response === 'refuse' && !reason)
        throw new ValidationError(
          { reason: [{ id: 'Alasan wajib diisi', en: 'A reason is required' }] },
          {
            id: `Alasan menolak baris ${item.id_ddd} wajib diisi`,
            en: `A reason for refusing row ${item.id_ddd} is required`,
          },
        );
      await updateItem(trx, item.id, {
        producer_response: input.response,
        producer_reason: reason,
        updated_at: new Date(),
      });
      await audit({
        action: 'data_list_item_respond',
        subjectType: 'data_list_item',
        subjectId: item.id,
        summary: { id_ddd: item.id_ddd, response: input.response, reason },
      });
      return { id: item.id, response: input.response };
    });
  },
});

/**
 * Name the dataset that fulfils a list item (the producer of the item's agency, or the
 * custodian). Allowed on an enacted list: fulfilment is what follows enactment.
 */
export const dataListItemLink = defineAction({
  name: 'data_list_item_link',
  sideEffectFree: false,
  requires: 'workspace:open',
  input: z.object({ id: Uuid('baris / row'), dataset: z.string().trim().min(1).max(200) }),
  authorize: () => {},
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const item = await findItem(trx, input.id, { forUpdate: true });
      if (!item) throw notFoundItem();
      authorize(ctx.actor, 'dataset:update', { agencyId: item.agency_id });
      const dataset = await findLinkableDataset(trx, input.dataset);
      if (!dataset)
        throw new NotFoundError({
          id: `Dataset ${input.dataset} tidak ditemukan`,
          en: `Dataset ${input.dataset} not found`,
        });
      if (dataset.agency_id !== item.agency_id)
        throw new ConflictError({
          id: 'Dataset harus milik perangkat daerah produsen baris ini',
          en: "The dataset must belong to the row's producing agency",
        });
      await linkItemDataset(trx, item.id, dataset.id);
      await audit({
        action: 'data_list_item_link',
        subjectType: 'data_list_item',
        subjectId: item.id,
        summary: { id_ddd: item.id_ddd, dataset: dataset.name },
      });
      return { id: item.id, dataset: dataset.name };
    });
  },
});
