/**
 * CKAN `user_list` and `api_token_list` (ckan/logic/action/get.py). User details are not public
 * (CKAN 2.10+ `ckan.auth.public_user_details = false`): the list is for who may read users.
 * A token list is its owner's; the secret itself is never shown again.
 */
import { z } from 'zod';
import { authorize, can } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { NotFoundError } from '../../../kernel/errors.js';
import { listUserTokens } from '../api-token.repository.js';
import { findUser, listUsers } from '../user.repository.js';

type ListedUser = Awaited<ReturnType<typeof listUsers>>[number];

function userDict(u: ListedUser) {
  return {
    id: u.id,
    name: u.username,
    fullname: u.full_name,
    display_name: u.full_name || u.username,
    email: u.email,
    state: u.state === 'active' ? 'active' : 'deleted',
    sysadmin: u.roles.includes('administrator'),
    roles: u.roles,
    agency_id: u.agency_id,
  };
}

/** `user_list`: users matching `q` (name, full name, email), names or dicts (all_fields, default). */
export const userList = defineAction({
  name: 'user_list',
  requires: 'user:read',
  sideEffectFree: true,
  input: z.object({
    q: z.string().max(200).optional(),
    email: z.string().max(200).optional(),
    order_by: z.enum(['name', 'display_name', 'fullname', 'email', 'created']).default('display_name'),
    all_fields: z.union([z.boolean(), z.enum(['true', 'false', 'True', 'False'])]).default(true),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
    offset: z.coerce.number().int().min(0).default(0),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'user:read'),
  async run(ctx, input) {
    const q = input.q?.toLowerCase();
    const users = (await listUsers(ctx.db))
      .filter((u) => !q || [u.username, u.full_name, u.email ?? ''].some((v) => v.toLowerCase().includes(q)))
      .filter((u) => !input.email || u.email === input.email)
      .map(userDict)
      .sort((a, b) => {
        const key =
          input.order_by === 'name' ? 'name' : input.order_by === 'email' ? 'email' : 'display_name';
        return String(a[key] ?? '').localeCompare(String(b[key] ?? ''));
      });
    const page = users.slice(input.offset, input.limit ? input.offset + input.limit : undefined);
    const all = input.all_fields === true || String(input.all_fields).toLowerCase() === 'true';
    return all ? page : page.map((u) => u.name);
  },
});

/** `api_token_list`: the user's live tokens (`user_id`, default the caller; others' for user:read). */
export const apiTokenList = defineAction({
  name: 'api_token_list',
  sideEffectFree: true,
  input: z.object({ user_id: z.string().max(100).optional(), user: z.string().max(100).optional() }),
  authorize: (ctx) => authorize(ctx.actor, 'token:manage_own'),
  async run(ctx, input) {
    const key = input.user_id ?? input.user;
    let userId = ctx.actor.userId ?? '';
    if (key && key !== ctx.actor.userId && key !== ctx.actor.username) {
      const u = /^[0-9a-f-]{36}$/i.test(key)
        ? await findUser(ctx.db, { id: key })
        : await findUser(ctx.db, { username: key });
      // Someone else's tokens are "not found" for whoever may not read users.
      if (!u || !can(ctx.actor, 'user:read'))
        throw new NotFoundError({ id: 'Pengguna tidak ditemukan', en: 'User not found' });
      userId = u.id;
    }
    return (await listUserTokens(ctx.db, userId))
      .filter((t) => !t.revoked_at)
      .map((t) => ({
        id: t.id,
        name: t.name,
        user_id: userId,
        created_at: t.created_at,
        last_access: t.last_used_at,
      }));
  },
});
