import { executeAction } from '../../kernel/actions/action.js';
import { apiTokenCreate, loadActor, userCreate, userUpdate } from '../../modules/accounts/index.js';
import { agencyIdOf, requireUser, withPlatform } from '../platform.js';

/** `satudata user add`, `user role` and `token create`. */

export interface UserAddOptions {
  name: string;
  password: string;
  email?: string;
  agency?: string;
  role: string[];
}

export function userAdd(username: string, o: UserAddOptions): Promise<void> {
  return withPlatform('user add', async (_p, ctx) => {
    const r = await executeAction(ctx, userCreate, {
      username,
      fullName: o.name,
      password: o.password,
      email: o.email,
      agencyId: await agencyIdOf(ctx, o.agency),
      roles: o.role,
    });
    console.log(`OK: ${r.username} (${r.id})`);
  });
}

export function userRole(username: string, roles: string[], o: { agency?: string }): Promise<void> {
  return withPlatform('user role', async (_p, ctx) => {
    const target = await requireUser(ctx, username);
    const agencyId = await agencyIdOf(ctx, o.agency);
    await executeAction(ctx, userUpdate, { id: target.id, roles, ...(agencyId ? { agencyId } : {}) });
    console.log(`OK: ${target.username}: ${roles.join(', ') || '(tanpa peran / no roles)'}`);
  });
}

export function tokenCreate(username: string, o: { name: string }): Promise<void> {
  return withPlatform('token create', async (_p, ctx) => {
    const target = await requireUser(ctx, username);
    // The token is the user's own, so the user is the actor (request id says it came from the CLI).
    const asUser = { ...ctx, actor: await loadActor(ctx.db, target.id) };
    const r = await executeAction(asUser, apiTokenCreate, { name: o.name });
    console.log(r.token);
  });
}
