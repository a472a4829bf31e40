import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { type ActionContext, mutate } from '../../../kernel/actions/context.js';
import type { DataList } from '../../../kernel/db/schema/planning.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../kernel/errors.js';
import { listAgencies } from '../../agencies/index.js';
import {
  bumpList,
  deleteItems,
  ensureList,
  findList,
  type ItemRow,
  insertItem,
  listItems,
  updateItem,
} from '../data-list.repository.js';
import { LIST_COLUMNS } from '../domain/columns.js';
import { itemFulfilment } from '../fulfilment.repository.js';
import { buildListXlsx, fieldsOfRow, ListRefusedError, type ListRow, readListXlsx } from '../list-xlsx.js';
import { assertOpen, listNotFound, requireManage, seesPlanning, Year } from './common.js';

/** An item as the 19-column format writes it. */
export function rowOf(item: ItemRow): ListRow {
  const out: ListRow = {};
  for (const c of LIST_COLUMNS)
    out[c.header] = c.field === 'agency' ? item.agency_name : String(item[c.field] ?? '');
  return out;
}

/** The list a reader may see: the whole list in the workspace, only the open rows of an enacted one otherwise. */
export async function visibleList(
  ctx: ActionContext,
  year: number,
): Promise<{ list: DataList; items: ItemRow[]; planning: boolean }> {
  const list = await findList(ctx.db, year);
  const planning = seesPlanning(ctx.actor);
  if (!list || (!planning && list.status !== 'enacted')) throw listNotFound(year);
  let items = await listItems(ctx.db, list.id);
  if (!planning)
    items = items.filter(
      (i) => i.risk_class === 'terbuka' && ['planned', 'agreed', 'changed'].includes(i.status),
    );
  return { list, items, planning };
}

function itemDict(i: ItemRow, fulfilment?: { state: string; datasets: { name: string; title: string }[] }) {
  return {
    id: i.id,
    ...rowOf(i),
    agency_id: i.agency_id,
    agency_code: i.agency_code,
    priority: i.priority,
    disaggregation: i.disaggregation,
    collection_method: i.collection_method,
    responsible_officer: i.responsible_officer,
    status: i.status,
    producer_response: i.producer_response,
    producer_reason: i.producer_reason,
    fulfilment: fulfilment?.state ?? 'pending',
    datasets: fulfilment?.datasets.map((d) => ({ name: d.name, title: d.title })) ?? [],
  };
}

export const dataListShow = defineAction({
  name: 'data_list_show',
  sideEffectFree: true,
  input: z.object({ year: Year }),
  authorize: () => {},
  async run(ctx, input) {
    const { list, items, planning } = await visibleList(ctx, input.year);
    const fulfilment = await itemFulfilment(ctx.db, list.id, new Date().toISOString().slice(0, 10));
    return {
      year: list.year,
      status: list.status,
      version: list.version,
      decree_number: list.decree_number || null,
      enacted_at: list.enacted_at,
      items: items.map((i) => (planning ? itemDict(i, fulfilment.get(i.id)) : { id: i.id, ...rowOf(i) })),
    };
  },
});

export async function listXlsxFile(ctx: ActionContext, year: number): Promise<Buffer> {
  const { items } = await visibleList(ctx, year);
  return buildListXlsx(items.map(rowOf), `Daftar Data ${year}`);
}

export const dataListExport = defineAction({
  name: 'data_list_export',
  sideEffectFree: true,
  input: z.object({ year: Year }),
  authorize: () => {},
  async run(ctx, input) {
    const file = await listXlsxFile(ctx, input.year);
    return {
      file_name: `daftar-data-${input.year}.xlsx`,
      content_type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      file: file.toString('base64'),
    };
  },
});

/** Agency text of the producer column → agency id (name, short name or code, case-insensitive). */
export async function agencyResolver(ctx: ActionContext) {
  const agencies = await listAgencies(ctx.db);
  const by = new Map<string, string>();
  for (const a of agencies)
    for (const k of [a.name, a.short_name, a.code]) if (k) by.set(k.trim().toLowerCase(), a.id);
  return (text: string) => by.get(text.trim().toLowerCase());
}

/**
 * Import the 19-column XLSX as the list of a year: all or nothing. Rows are matched by ID DDD
 * (an existing item is updated, a new one added) and items the file no longer holds are
 * removed, so the file is the list. Any problem refuses the whole file with its row and column.
 */
export const dataListImport = defineAction({
  name: 'data_list_import',
  sideEffectFree: false,
  requires: 'data_list:manage',
  input: z.object({ year: Year, file: z.string().min(1).max(14_000_000) }),
  authorize: (ctx) => requireManage(ctx.actor),
  async run(ctx, input) {
    const resolve = await agencyResolver(ctx);
    const { rows, problems } = await readListXlsx(Buffer.from(input.file, 'base64'), resolve);
    if (problems.length) throw new ListRefusedError(problems);
    return mutate(ctx, async (trx, audit) => {
      const list = await ensureList(trx, input.year);
      assertOpen(list);
      const existing = new Map((await listItems(trx, list.id)).map((i) => [i.id_ddd, i]));
      let added = 0;
      let updated = 0;
      for (const [n, r] of rows.entries()) {
        const fields = fieldsOfRow(r.values);
        const values = {
          ...fields,
          kind: fields.kind as 'statistik',
          risk_class: fields.risk_class as 'terbuka',
          update_schedule: fields.update_schedule as 'tahunan',
          agency_id: r.agencyId,
          position: n + 1,
        };
        const found = existing.get(fields.id_ddd);
        if (found) {
          await updateItem(trx, found.id, { ...values, updated_at: new Date() });
          existing.delete(fields.id_ddd);
          updated++;
        } else {
          await insertItem(trx, { ...values, list_id: list.id });
          added++;
        }
      }
      const removed = [...existing.values()].map((i) => i.id);
      if (removed.length) await deleteItems(trx, removed);
      await bumpList(trx, list.id);
      await audit({
        action: 'data_list_import',
        subjectType: 'data_list',
        subjectId: list.id,
        summary: { year: input.year, added, updated, removed: removed.length },
      });
      return { year: input.year, added, updated, removed: removed.length };
    });
  },
});

/** Copy last year's list (or any year's) into a new draft list of another year. */
export const dataListCopy = defineAction({
  name: 'data_list_copy',
  sideEffectFree: false,
  requires: 'data_list:manage',
  input: z.object({ from_year: Year, to_year: Year }),
  authorize: (ctx) => requireManage(ctx.actor),
  async run(ctx, input) {
    if (input.from_year === input.to_year)
      throw new ValidationError({
        to_year: [{ id: 'Tahun tujuan harus berbeda', en: 'The target year must differ' }],
      });
    return mutate(ctx, async (trx, audit) => {
      const from = await findList(trx, input.from_year);
      if (!from) throw listNotFound(input.from_year);
      const to = await ensureList(trx, input.to_year);
      assertOpen(to);
      const already = await listItems(trx, to.id);
      if (already.length)
        throw new ConflictError({
          id: `Daftar data tahun ${input.to_year} sudah berisi ${already.length} baris`,
          en: `The ${input.to_year} data list already holds ${already.length} rows`,
        });
      const items = await listItems(trx, from.id);
      for (const i of items) {
        const {
          id: _id,
          list_id: _l,
          agency_name: _a,
          agency_code: _c,
          agency_short_name: _s,
          created_at: _cr,
          updated_at: _u,
          status: _st,
          producer_response: _pr,
          producer_reason: _rr,
          ...rest
        } = i;
        await insertItem(trx, { ...rest, list_id: to.id });
      }
      await bumpList(trx, to.id);
      await audit({
        action: 'data_list_copy',
        subjectType: 'data_list',
        subjectId: to.id,
        summary: { from: input.from_year, to: input.to_year, items: items.length },
      });
      return { year: input.to_year, items: items.length };
    });
  },
});

/** The difference between the lists of two years, by ID DDD: added, removed and changed columns. */
export const dataListDiff = defineAction({
  name: 'data_list_diff',
  sideEffectFree: true,
  requires: 'workspace:open',
  input: z.object({ year: Year, other_year: Year }),
  authorize: (ctx) => authorize(ctx.actor, 'workspace:open'),
  async run(ctx, input) {
    const a = await findList(ctx.db, input.other_year);
    const b = await findList(ctx.db, input.year);
    if (!a) throw listNotFound(input.other_year);
    if (!b) throw listNotFound(input.year);
    const before = new Map((await listItems(ctx.db, a.id)).map((i) => [i.id_ddd, rowOf(i)]));
    const after = new Map((await listItems(ctx.db, b.id)).map((i) => [i.id_ddd, rowOf(i)]));
    const added = [...after.keys()].filter((k) => !before.has(k));
    const removed = [...before.keys()].filter((k) => !after.has(k));
    const changed: { id_ddd: string; columns: { column: string; before: string; after: string }[] }[] = [];
    for (const [k, row] of after) {
      const old = before.get(k);
      if (!old) continue;
      const columns = LIST_COLUMNS.filter((c) => (old[c.header] ?? '') !== (row[c.header] ?? '')).map(
        (c) => ({
          column: c.header,
          before: old[c.header] ?? '',
          after: row[c.header] ?? '',
        }),
      );
      if (columns.length) changed.push({ id_ddd: k, columns });
    }
    return { year: input.year, other_year: input.other_year, added, removed, changed };
  },
});

export function notFoundItem(): NotFoundError {
  return new NotFoundError({ id: 'Baris daftar data tidak ditemukan', en: 'Data list row not found' });
}
