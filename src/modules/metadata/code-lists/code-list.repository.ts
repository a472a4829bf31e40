import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { CodeListTable } from '../../../kernel/db/schema/reference-codes.js';
import type { DB } from '../../../kernel/db/schema.js';
import type { CodeListItemInput } from './code-list-csv.js';

/** Queries of the reference code lists. */

/** A code list by name; with `forUpdate`, locked until the transaction ends. */
export async function findCodeList(db: Kysely<DB>, name: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.selectFrom('code_list').selectAll().where('name', '=', name);
  return (opts.forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export async function insertCodeList(db: Kysely<DB>, row: Insertable<CodeListTable>) {
  return db.insertInto('code_list').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Change a list's own fields (not its items or version). */
export async function updateCodeList(db: Kysely<DB>, id: string, changes: Updateable<CodeListTable>) {
  return db
    .updateTable('code_list')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listCodeLists(db: Kysely<DB>) {
  return db
    .selectFrom('code_list')
    .selectAll('code_list')
    .select((eb) =>
      eb
        .selectFrom('code_list_item')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('code_list_item.code_list_id', '=', 'code_list.id')
        .where('code_list_item.retired_in_version', 'is', null)
        .as('item_count'),
    )
    .orderBy('name')
    .execute();
}

/** Items of a list: current ones, or also the retired ones (history). */
export async function listCodeListItems(db: Kysely<DB>, codeListId: string, includeRetired = false) {
  let q = db.selectFrom('code_list_item').selectAll().where('code_list_id', '=', codeListId);
  if (!includeRetired) q = q.where('retired_in_version', 'is', null);
  return q.orderBy('position').orderBy('code').execute();
}

export interface ReplaceOutcome {
  version: number;
  added: string[];
  retired: string[];
  relabelled: string[];
}

/**
 * Replace a list's current items: new codes are added in the next version, codes no longer
 * present are retired in it (kept, with retired_in_version), changed labels are updated. The
 * version is bumped only when something changed.
 */
export async function replaceCodeListItems(
  trx: Transaction<DB>,
  list: { id: string; version: number },
  items: CodeListItemInput[],
): Promise<ReplaceOutcome> {
  const existing = await trx
    .selectFrom('code_list_item')
    .selectAll()
    .where('code_list_id', '=', list.id)
    .execute();
  const byCode = new Map(existing.map((e) => [e.code, e]));
  const next = list.version + 1;
  const incoming = new Set(items.map((i) => i.code));
  const out: ReplaceOutcome = { version: list.version, added: [], retired: [], relabelled: [] };
  for (const [position, item] of items.entries()) {
    const old = byCode.get(item.code);
    const row = {
      label: item.label,
      label_en: item.label_en ?? null,
      parent_code: item.parent ?? null,
      position,
    };
    if (!old) {
      await trx
        .insertInto('code_list_item')
        .values({
          code_list_id: list.id,
          code: item.code,
          ...row,
          added_in_version: next,
          retired_in_version: null,
        })
        .execute();
      out.added.push(item.code);
    } else {
      const revived = old.retired_in_version !== null;
      const changed =
        old.label !== row.label || old.label_en !== row.label_en || old.parent_code !== row.parent_code;
      if (revived) out.added.push(item.code);
      else if (changed) out.relabelled.push(item.code);
      await trx
        .updateTable('code_list_item')
        .set({ ...row, retired_in_version: null, ...(revived ? { added_in_version: next } : {}) })
        .where('code_list_id', '=', list.id)
        .where('code', '=', item.code)
        .execute();
    }
  }
  for (const old of existing)
    if (old.retired_in_version === null && !incoming.has(old.code)) {
      await trx
        .updateTable('code_list_item')
        .set({ retired_in_version: next })
        .where('code_list_id', '=', list.id)
        .where('code', '=', old.code)
        .execute();
      out.retired.push(old.code);
    }
  if (out.added.length || out.retired.length || out.relabelled.length) {
    await trx
      .updateTable('code_list')
      .set({ version: next, updated_at: new Date() })
      .where('id', '=', list.id)
      .execute();
    out.version = next;
  }
  return out;
}
