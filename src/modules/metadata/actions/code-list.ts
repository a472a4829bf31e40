import type { Kysely } from 'kysely';
import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import type { DB } from '../../../kernel/db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../kernel/errors.js';
import { looseBoolean } from '../../catalog/index.js';
import {
  findCodeList,
  insertCodeList,
  listCodeListItems,
  listCodeLists,
  replaceCodeListItems,
  updateCodeList,
} from '../code-lists/code-list.repository.js';
import { checkItems, parseCodeListCsv } from '../code-lists/code-list-csv.js';

const NAME = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9_-]{2,100}$/,
    'Nama: 2–100 huruf kecil, angka, - atau _ / Name: 2–100 lowercase letters, digits, - or _',
  );
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || null);

/** Absent: unchanged; empty: cleared. */
const nullableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v === undefined ? undefined : v || null));

const CodeListFields = z.object({
  name: NAME,
  title: z.string().trim().min(1, 'Judul wajib diisi / Title is required').max(300),
  title_en: optionalText(300),
  description: z.string().trim().max(5000).default(''),
  description_en: optionalText(5000),
  source: optionalText(300),
});

const ItemSchema = z.object({
  code: z.string().trim(),
  label: z.string().trim(),
  label_en: z.string().trim().optional(),
  parent: z.string().trim().optional(),
});

export function codeListNotFound(name: string) {
  return new NotFoundError({ id: `Daftar kode ${name} tidak ditemukan`, en: `Code list ${name} not found` });
}

/** A list by name or 404; `forUpdate` inside a change's transaction. */
async function loadList(db: Kysely<DB>, name: string, opts: { forUpdate?: boolean } = {}) {
  const list = await findCodeList(db, name, opts);
  if (!list) throw codeListNotFound(name);
  return list;
}

/** The public shape of a list (and, when asked, its items). */
function presentList(
  list: NonNullable<Awaited<ReturnType<typeof findCodeList>>>,
  items?: Awaited<ReturnType<typeof listCodeListItems>>,
) {
  return {
    id: list.id,
    name: list.name,
    title: list.title,
    title_en: list.title_en,
    description: list.description,
    description_en: list.description_en,
    source: list.source,
    version: list.version,
    created: list.created_at,
    modified: list.updated_at,
    ...(items
      ? {
          items: items.map((i) => ({
            code: i.code,
            label: i.label,
            label_en: i.label_en,
            parent: i.parent_code,
            added_in_version: i.added_in_version,
            retired_in_version: i.retired_in_version,
          })),
        }
      : {}),
  };
}

export const codeListCreate = defineAction({
  name: 'code_list_create',
  requires: 'codelist:manage',
  sideEffectFree: false,
  input: CodeListFields,
  authorize: (ctx) => authorize(ctx.actor, 'codelist:manage'),
  async run(ctx, input) {
    if (await findCodeList(ctx.db, input.name))
      throw new ConflictError({
        id: `Nama daftar kode ${input.name} sudah dipakai`,
        en: `Code list name ${input.name} is taken`,
      });
    return mutate(ctx, async (trx, audit) => {
      const list = await insertCodeList(trx, input);
      await audit({
        action: 'code_list_create',
        subjectType: 'code_list',
        subjectId: list.id,
        summary: input,
      });
      return presentList(list, []);
    });
  },
});

export const codeListUpdate = defineAction({
  name: 'code_list_update',
  requires: 'codelist:manage',
  sideEffectFree: false,
  // Only the fields given change (no defaults here: a partial update must not blank the rest).
  input: z.object({
    name: NAME,
    title: z.string().trim().min(1, 'Judul wajib diisi / Title is required').max(300).optional(),
    title_en: nullableText(300),
    description: z.string().trim().max(5000).optional(),
    description_en: nullableText(5000),
    source: nullableText(300),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'codelist:manage'),
  async run(ctx, input) {
    const { name, ...fields } = input;
    const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    return mutate(ctx, async (trx, audit) => {
      const list = await loadList(trx, name, { forUpdate: true });
      const updated = await updateCodeList(trx, list.id, changes);
      await audit({
        action: 'code_list_update',
        subjectType: 'code_list',
        subjectId: list.id,
        summary: changes,
      });
      return presentList(updated);
    });
  },
});

export const codeListShow = defineAction({
  name: 'code_list_show',
  sideEffectFree: true,
  input: z.object({ id: NAME, include_retired: looseBoolean.default(false) }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx, input) {
    const list = await loadList(ctx.db, input.id);
    return presentList(list, await listCodeListItems(ctx.db, list.id, input.include_retired));
  },
});

export const codeListList = defineAction({
  name: 'code_list_list',
  sideEffectFree: true,
  input: z.object({}).passthrough(),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx) {
    const lists = await listCodeLists(ctx.db);
    return lists.map((l) => ({ ...presentList(l), item_count: Number(l.item_count ?? 0) }));
  },
});

/**
 * Replace a list's items with an uploaded CSV (code,label,label_en,parent) or an `items`
 * array: a new version when anything changed; removed codes are retired, not deleted.
 * Refused entirely, with every problem named by row and column, on any error.
 */
export const codeListItemsReplace = defineAction({
  name: 'code_list_items_replace',
  requires: 'codelist:manage',
  sideEffectFree: false,
  input: z
    .object({
      id: NAME,
      csv: z.string().max(5_000_000).optional(),
      items: z.array(ItemSchema).max(100_000).optional(),
    })
    .refine((v) => (v.csv === undefined) !== (v.items === undefined), {
      message: 'Isi salah satu: csv atau items / Give exactly one of csv or items',
      path: ['csv'],
    }),
  authorize: (ctx) => authorize(ctx.actor, 'codelist:manage'),
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const list = await loadList(trx, input.id, { forUpdate: true });
      const items = checkedItems(input);
      const outcome = await replaceCodeListItems(trx, list, items);
      await audit({
        action: 'code_list_items_replace',
        subjectType: 'code_list',
        subjectId: list.id,
        summary: { from_version: list.version, ...outcome },
      });
      return { name: list.name, ...outcome, item_count: items.length };
    });
  },
});

/** The items sent as CSV or as an array, or a ValidationError naming every bad row and column. */
function checkedItems(input: { csv?: string | undefined; items?: z.infer<typeof ItemSchema>[] | undefined }) {
  const { items, errors } =
    input.csv !== undefined
      ? parseCodeListCsv(input.csv)
      : {
          items: input.items ?? [],
          errors: checkItems(input.items ?? [], (i) => `items.${i}`),
        };
  if (Object.keys(errors).length)
    throw new ValidationError(errors, {
      id: 'Daftar kode ditolak: perbaiki setiap baris yang disebut',
      en: 'Code list refused: fix every row named',
    });
  return items;
}

export const CODE_LIST_ACTIONS = [
  codeListCreate,
  codeListUpdate,
  codeListShow,
  codeListList,
  codeListItemsReplace,
];
