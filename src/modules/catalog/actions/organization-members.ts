/**
 * Who works for which organization, in CKAN's terms (get.py `organization_list_for_user`,
 * create.py `organization_member_create`, delete.py `organization_member_delete`). Here a user
 * belongs to at most one agency (producers), and region-wide roles reach every agency: the
 * answer comes from the one policy, never from a membership table of its own.
 */
import { z } from 'zod';
import type { Action } from '../../../kernel/access/permission.js';
import { type Actor, authorize, can } from '../../../kernel/access/policy.js';
import { defineAction, executeAction } from '../../../kernel/actions/action.js';
import { NotAuthorizedError, NotFoundError, ValidationError } from '../../../kernel/errors.js';
import { findUser, userUpdate } from '../../accounts/index.js';
import { listAgencies } from '../../agencies/index.js';
import { countPublicDatasetsByAgency } from '../catalog-count.repository.js';
import { organizationDict } from '../package.presenter.js';
import { findOrganizationOrThrow } from './organization-write.js';

/** CKAN permission names → our policy actions. */
const PERMISSIONS: Record<string, Action> = {
  read: 'dataset:read_private',
  create_dataset: 'dataset:create',
  update_dataset: 'dataset:update',
  delete_dataset: 'dataset:update',
  manage_group: 'agency:update',
};

/** CKAN's capacity of an actor in an agency: admin (manages it), editor (writes data), member. */
function capacityOf(actor: Actor, agencyId: string): string {
  if (can(actor, 'agency:update', { agencyId })) return 'admin';
  if (can(actor, 'dataset:update', { agencyId })) return 'editor';
  return 'member';
}

const USER_NOT_FOUND = { id: 'Pengguna tidak ditemukan', en: 'User not found' };

/**
 * `organization_list_for_user`: the organizations where the user (the caller by default) holds
 * `permission` (default `manage_group`), each with the user's `capacity`. Anonymous: none.
 */
export const organizationListForUser = defineAction({
  name: 'organization_list_for_user',
  sideEffectFree: true,
  input: z.object({
    id: z.string().max(100).optional(),
    permission: z.string().max(40).default('manage_group'),
    include_dataset_count: z.union([z.boolean(), z.string()]).optional(),
  }),
  authorize: () => {},
  async run(ctx, input) {
    let actor = ctx.actor;
    if (input.id && input.id !== ctx.actor.username && input.id !== ctx.actor.userId) {
      // Another user's memberships are for those who may read users (CKAN: sysadmins).
      if (!can(ctx.actor, 'user:read')) throw new NotAuthorizedError('user:read');
      const u = /^[0-9a-f-]{36}$/i.test(input.id)
        ? await findUser(ctx.db, { id: input.id })
        : await findUser(ctx.db, { username: input.id });
      if (!u) throw new NotFoundError(USER_NOT_FOUND);
      actor = { userId: u.id, username: u.username, roles: u.roles, agencyId: u.agency_id };
    }
    if (!actor.userId) return [];
    const action = PERMISSIONS[input.permission] ?? 'dataset:update';
    const counts = await countPublicDatasetsByAgency(ctx.db);
    return (await listAgencies(ctx.db))
      .filter((a) => can(actor, action, { agencyId: a.id }))
      .map((a) =>
        organizationDict(a, { package_count: counts.get(a.id) ?? 0, capacity: capacityOf(actor, a.id) }),
      );
  },
});

const MemberInput = z.object({
  id: z.string().min(1).max(100),
  username: z.string().min(1).max(100),
  role: z.enum(['member', 'editor', 'admin']).default('member'),
});

async function userOrThrow(db: Parameters<typeof findUser>[0], name: string) {
  const u = /^[0-9a-f-]{36}$/i.test(name)
    ? await findUser(db, { id: name })
    : await findUser(db, { username: name });
  if (!u) throw new NotFoundError(USER_NOT_FOUND);
  return u;
}

/**
 * `organization_member_create`: the user works for this agency from now on (their agency
 * binding; their roles stay as the administrator set them). Runs `user_update`, so the
 * policy is the user administration's. Returns CKAN's member dict.
 */
export const organizationMemberCreate = defineAction({
  name: 'organization_member_create',
  requires: 'user:update',
  sideEffectFree: false,
  input: MemberInput,
  authorize: (ctx) => authorize(ctx.actor, 'user:update'),
  async run(ctx, input) {
    const a = await findOrganizationOrThrow(ctx, input.id);
    const u = await userOrThrow(ctx.db, input.username);
    await executeAction(ctx, userUpdate, { id: u.id, agencyId: a.id });
    return {
      id: `${a.id}:${u.id}`,
      table_name: 'user',
      table_id: u.id,
      group_id: a.id,
      capacity: input.role,
      state: 'active',
    };
  },
});

/** `organization_member_delete`: the user no longer works for this agency. Returns null. */
export const organizationMemberDelete = defineAction({
  name: 'organization_member_delete',
  requires: 'user:update',
  sideEffectFree: false,
  input: MemberInput.omit({ role: true }),
  authorize: (ctx) => authorize(ctx.actor, 'user:update'),
  async run(ctx, input) {
    const a = await findOrganizationOrThrow(ctx, input.id);
    const u = await userOrThrow(ctx.db, input.username);
    if (u.agency_id !== a.id)
      throw new NotFoundError({ id: 'Anggota tidak ditemukan', en: 'Member not found' });
    if (u.roles.includes('producer'))
      throw new ValidationError({
        username: [
          {
            id: 'Produsen data harus terikat pada satu perangkat daerah: pindahkan, jangan lepaskan',
            en: 'A data producer must belong to an agency: move them instead',
          },
        ],
      });
    await executeAction(ctx, userUpdate, { id: u.id, agencyId: null });
    return null;
  },
});
