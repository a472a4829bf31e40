import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { GRANTABLE_ROLES } from '../../../kernel/access/roles.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { ConflictError, ValidationError } from '../../../kernel/errors.js';
import { findAgency } from '../../agencies/index.js';
import { checkPasswordStrength, hashPassword } from '../password.js';
import { findUser, insertUser, setRoles } from '../user.repository.js';
import { checkRoleAgencyBinding } from './role-binding.js';

export const UserCreateSchema = z.object({
  /** Login name: lower-case letters, digits, dot, dash, underscore. */
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      /^[a-z0-9][a-z0-9._-]{2,39}$/,
      'Nama pengguna 3–40 karakter: huruf kecil, angka, titik, strip / User name 3–40 characters: lower-case letters, digits, dot, dash',
    ),
  fullName: z.string().trim().min(2).max(200),
  email: z
    .string()
    .trim()
    .email()
    .max(200)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  password: z.string(),
  agencyId: z
    .string()
    .uuid()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  roles: z.array(z.enum(GRANTABLE_ROLES)).default([]),
  /** Demo accounts are refused in production. */
  isDemo: z.boolean().default(false),
});

export const userCreate = defineAction({
  name: 'user_create',
  requires: 'user:create',
  sideEffectFree: false,
  input: UserCreateSchema,
  authorize: (ctx) => authorize(ctx.actor, 'user:create'),
  async run(ctx, input) {
    const weak = checkPasswordStrength(input.password);
    if (weak) throw new ValidationError({ password: [weak] });
    checkRoleAgencyBinding(input.roles, input.agencyId);
    if (input.agencyId && !(await findAgency(ctx.db, { id: input.agencyId })))
      throw new ValidationError({
        agencyId: [{ id: 'Perangkat daerah tidak ditemukan', en: 'Agency not found' }],
      });
    if (await findUser(ctx.db, { username: input.username }))
      throw new ConflictError({
        id: `Nama pengguna "${input.username}" sudah dipakai`,
        en: `User name "${input.username}" is taken`,
      });
    const passwordHash = await hashPassword(input.password);
    return mutate(ctx, async (trx, audit) => {
      const user = await insertUser(trx, {
        username: input.username,
        full_name: input.fullName,
        email: input.email ?? null,
        password_hash: passwordHash,
        agency_id: input.agencyId ?? null,
        is_demo: input.isDemo,
        locale: 'id',
      });
      await setRoles(trx, user.id, input.roles);
      await audit({
        action: 'user_create',
        subjectType: 'user',
        subjectId: user.id,
        summary: { username: user.username, roles: input.roles, agencyId: user.agency_id },
      });
      return { id: user.id, username: user.username };
    });
  },
});
