/**
 * CKAN's membership actions for datasets in topics (ckan/logic/action/create.py `member_create`,
 * delete.py `member_delete`, get.py `member_list`, get.py `group_package_show`). Putting a
 * dataset in a topic or taking it out is a change of the dataset: `dataset:update` on its agency.
 */
import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { type ActionContext, mutate } from '../../../kernel/actions/context.js';
import { NotFoundError, ValidationError } from '../../../kernel/errors.js';
import { insertRevision, refreshDatasetSearch, updateDataset } from '../dataset.repository.js';
import { addDatasetToTopic, findTopic, removeDatasetFromTopic } from '../topic.repository.js';
import { GROUP_NOT_FOUND } from './group-write.js';
import { PackageSearchSchema, runPackageSearch } from './package-search.js';
import { loadTargetForUpdate } from './package-update.js';

const Id = z.string().min(1).max(200);
const ONLY_PACKAGES = new ValidationError({
  object_type: [
    { id: 'Anggota topik hanya dataset (package)', en: 'Only datasets (package) are members of a topic' },
  ],
});

const MemberInput = z.object({
  id: Id,
  object: Id,
  object_type: z.string().max(20),
  capacity: z.string().max(20).default('public'),
});

async function topicOrThrow(ctx: ActionContext, id: string) {
  const t = await findTopic(ctx.db, id);
  if (!t) throw new NotFoundError(GROUP_NOT_FOUND);
  return t;
}

async function changeMembership(ctx: ActionContext, input: z.infer<typeof MemberInput>, add: boolean) {
  if (input.object_type !== 'package') throw ONLY_PACKAGES;
  const topic = await topicOrThrow(ctx, input.id);
  return mutate(ctx, async (trx, audit) => {
    const d = await loadTargetForUpdate(ctx, trx, input.object);
    authorize(ctx.actor, 'dataset:update', { agencyId: d.agency_id });
    if (add) await addDatasetToTopic(trx, d.id, topic.id);
    else if ((await removeDatasetFromTopic(trx, d.id, topic.id)) === 0)
      // CKAN: `raise NotFound('Member not found')` when there is no such membership.
      throw new NotFoundError({ id: 'Anggota tidak ditemukan', en: 'Member not found' });
    await updateDataset(trx, d.id, {});
    await refreshDatasetSearch(trx, d.id);
    const action = add ? 'member_create' : 'member_delete';
    await insertRevision(trx, {
      datasetId: d.id,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.username,
      action,
      changes: { group: topic.name },
    });
    await audit({ action, subjectType: 'dataset', subjectId: d.id, summary: { group: topic.name } });
    return { id: d.id, topic: topic.id };
  });
}

/** `member_create`: the dataset joins the topic; returns CKAN's member dict. */
export const memberCreate = defineAction({
  name: 'member_create',
  requires: 'dataset:update',
  sideEffectFree: false,
  input: MemberInput,
  // The dataset is loaded (locked) and checked in the transaction.
  authorize: () => {},
  async run(ctx, input) {
    const m = await changeMembership(ctx, input, true);
    return {
      id: `${m.topic}:${m.id}`,
      table_name: 'package',
      table_id: m.id,
      group_id: m.topic,
      capacity: input.capacity,
      state: 'active',
    };
  },
});

/** `member_delete`: the dataset leaves the topic; returns null. */
export const memberDelete = defineAction({
  name: 'member_delete',
  requires: 'dataset:update',
  sideEffectFree: false,
  input: MemberInput.omit({ capacity: true }),
  authorize: () => {},
  async run(ctx, input) {
    await changeMembership(ctx, { ...input, capacity: 'public' }, false);
    return null;
  },
});

async function topicDatasets(ctx: ActionContext, name: string, rows: number) {
  const found = await runPackageSearch(
    ctx,
    PackageSearchSchema.parse({ fq: `groups:"${name}"`, rows, include_private: true, facet: false }),
  );
  return found.results;
}

/** `member_list`: the topic's datasets the caller may see, as `[id, "package", capacity]`. */
export const memberList = defineAction({
  name: 'member_list',
  sideEffectFree: true,
  input: z.object({
    id: Id,
    object_type: z.string().max(20).optional(),
    capacity: z.string().max(20).optional(),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx, input) {
    const topic = await topicOrThrow(ctx, input.id);
    if (input.object_type && input.object_type !== 'package') return [];
    if (input.capacity && input.capacity !== 'public') return [];
    return (await topicDatasets(ctx, topic.name, 1000)).map((d) => [d.id, 'package', 'public']);
  },
});

/** `group_package_show`: the topic's datasets (as package_search gives them), `limit` of them. */
export const groupPackageShow = defineAction({
  name: 'group_package_show',
  sideEffectFree: true,
  input: z.object({ id: Id, limit: z.coerce.number().int().min(1).max(1000).optional() }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx, input) {
    const topic = await topicOrThrow(ctx, input.id);
    return topicDatasets(ctx, topic.name, input.limit ?? 1000);
  },
});
