import { z } from 'zod';
import { can } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { NotFoundError } from '../../../kernel/errors.js';
import { findUser } from '../user.repository.js';

/**
 * CKAN `user_show`: the acting user when no id is given; another user only for those who
 * may read users (administrators). Someone else's account is "not found" to everybody else.
 */
export const userShow = defineAction({
  name: 'user_show',
  sideEffectFree: true,
  input: z.object({ id: z.string().max(100).optional() }),
  authorize(ctx, input) {
    const self = !input.id || input.id === ctx.actor.userId || input.id === ctx.actor.username;
    if (self ? !ctx.actor.userId : !can(ctx.actor, 'user:read'))
      throw new NotFoundError({ id: 'Pengguna tidak ditemukan', en: 'User not found' });
  },
  async run(ctx, input) {
    const key = input.id ?? ctx.actor.userId ?? '';
    const isUuid = /^[0-9a-f-]{36}$/i.test(key);
    const user = await findUser(ctx.db, isUuid ? { id: key } : { username: key });
    if (!user) throw new NotFoundError({ id: 'Pengguna tidak ditemukan', en: 'User not found' });
    return {
      id: user.id,
      name: user.username,
      fullname: user.full_name,
      email: user.email,
      state: user.state === 'active' ? 'active' : 'deleted',
      sysadmin: user.roles.includes('administrator'),
      created: user.created_at,
      roles: user.roles,
      agency_id: user.agency_id,
    };
  },
});
