/**
 * CKAN's group writes, onto topics (ckan/logic/action/create.py `group_create`, update.py
 * `group_update`, patch.py `group_patch`, delete.py `group_delete`): managed by whoever holds
 * `topic:manage` (the custodian and the administrator). Each change is audited.
 */
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { type ActionContext, mutate } from '../../../kernel/actions/context.js';
import type { DB, Topic } from '../../../kernel/db/schema.js';
import { NotFoundError, ValidationError } from '../../../kernel/errors.js';
import { refreshDatasetSearch } from '../dataset.repository.js';
import { groupDict } from '../package.presenter.js';
import {
  deleteTopic,
  findTopic,
  findTopicForUpdate,
  insertTopic,
  listTopicDatasetIds,
  updateTopic,
} from '../topic.repository.js';

const GroupFields = z.object({
  name: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9_-]{2,100}$/,
      'Nama 2–100 karakter: huruf kecil, angka, - atau _ / Name 2–100 characters: lowercase letters, digits, - or _',
    ),
  title: z.string().trim().max(200).optional(),
  description: z.string().max(10_000).optional(),
  image_url: z.string().max(2000).optional(),
  type: z.literal('group').optional(),
});

export const GROUP_NOT_FOUND = { id: 'Grup tidak ditemukan', en: 'Group not found' };

const manage = (ctx: ActionContext) => authorize(ctx.actor, 'topic:manage');

/** CKAN's `group_name_validator`: "Group name already exists in database". */
async function checkNameFree(trx: Transaction<DB>, name: string, self?: string) {
  const other = await findTopic(trx, name);
  if (other && other.id !== self)
    throw new ValidationError({
      name: [{ id: 'Nama grup sudah dipakai', en: 'Group name already exists in database' }],
    });
}

function rowOf(input: z.infer<typeof GroupFields>) {
  return {
    name: input.name,
    // CKAN shows the name when a group has no title; a topic always has one.
    title: input.title || input.name,
    description: input.description ?? '',
    image_url: input.image_url || null,
  };
}

/** `group_create`: a new topic; returns its group dict (create.py `_group_or_org_create`). */
export const groupCreate = defineAction({
  name: 'group_create',
  requires: 'topic:manage',
  sideEffectFree: false,
  input: GroupFields,
  authorize: manage,
  run: (ctx, input) =>
    mutate(ctx, async (trx, audit) => {
      await checkNameFree(trx, input.name);
      const t = await insertTopic(trx, rowOf(input));
      await audit({ action: 'group_create', subjectType: 'topic', subjectId: t.id, summary: rowOf(input) });
      return groupDict(t, { package_count: 0 });
    }),
});

async function replaceTopic(
  ctx: ActionContext,
  id: string,
  next: (t: Topic) => z.infer<typeof GroupFields>,
  action: string,
) {
  return mutate(ctx, async (trx, audit) => {
    const before = await findTopicForUpdate(trx, id);
    if (!before) throw new NotFoundError(GROUP_NOT_FOUND);
    const fields = GroupFields.parse(next(before));
    await checkNameFree(trx, fields.name, before.id);
    const after = await updateTopic(trx, before.id, rowOf(fields));
    const changed = Object.fromEntries(
      Object.entries(rowOf(fields)).filter(([k, v]) => before[k as keyof Topic] !== v),
    );
    // The name is in each dataset's search document (`groups:`), so its datasets are re-indexed.
    if ('name' in changed || 'title' in changed)
      for (const d of await listTopicDatasetIds(trx, before.id)) await refreshDatasetSearch(trx, d);
    await audit({ action, subjectType: 'topic', subjectId: before.id, summary: { changed } });
    return groupDict(after);
  });
}

/** `group_update` (update.py): every field given; one left out is reset, as in CKAN. */
export const groupUpdate = defineAction({
  name: 'group_update',
  requires: 'topic:manage',
  sideEffectFree: false,
  input: GroupFields.partial({ name: true }).extend({ id: z.string().min(1).max(200) }),
  authorize: manage,
  run: (ctx, { id, ...input }) =>
    replaceTopic(ctx, id, (t) => ({ ...input, name: input.name ?? t.name }), 'group_update'),
});

/** `group_patch` (patch.py): only the fields given change. */
export const groupPatch = defineAction({
  name: 'group_patch',
  requires: 'topic:manage',
  sideEffectFree: false,
  input: GroupFields.partial().extend({ id: z.string().min(1).max(200) }),
  authorize: manage,
  run: (ctx, { id, ...input }) =>
    replaceTopic(
      ctx,
      id,
      (t) => ({
        name: t.name,
        title: t.title,
        description: t.description,
        image_url: t.image_url ?? '',
        ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
      }),
      'group_patch',
    ),
});

/**
 * `group_delete` (delete.py `_group_or_org_delete`): the topic goes and its datasets leave it
 * (they stay, re-indexed); the audit row names them, so the change can be undone. Returns null.
 */
export const groupDelete = defineAction({
  name: 'group_delete',
  requires: 'topic:manage',
  sideEffectFree: false,
  input: z.object({ id: z.string().min(1).max(200) }),
  authorize: manage,
  run: (ctx, input) =>
    mutate(ctx, async (trx, audit) => {
      const t = await findTopicForUpdate(trx, input.id);
      if (!t) throw new NotFoundError(GROUP_NOT_FOUND);
      const datasets = await listTopicDatasetIds(trx, t.id);
      await deleteTopic(trx, t.id);
      for (const d of datasets) await refreshDatasetSearch(trx, d);
      await audit({
        action: 'group_delete',
        subjectType: 'topic',
        subjectId: t.id,
        summary: { name: t.name, title: t.title, description: t.description, datasets },
      });
      return null;
    }),
});
