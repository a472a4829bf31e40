/**
 * CKAN's organization writes, onto agencies (create.py `organization_create`, update.py
 * `organization_update`, patch.py `organization_patch`, delete.py `organization_delete`). They
 * run the agency actions, so the policy is the agencies' (`agency:create`, `agency:update`:
 * the administrator). CKAN's `name` is the agency code, `title` its name.
 */
import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction, executeAction } from '../../../kernel/actions/action.js';
import { type ActionContext, mutate } from '../../../kernel/actions/context.js';
import type { Agency } from '../../../kernel/db/schema.js';
import { NotFoundError, ValidationError } from '../../../kernel/errors.js';
import { agencyCreate, agencyUpdate, findAgency } from '../../agencies/index.js';
import { agencyUsage, deleteAgencyRow } from '../organization-write.repository.js';
import { organizationDict } from '../package.presenter.js';

const KINDS = agencyCreate.input.shape.kind;

const OrgFields = z.object({
  name: z.string().trim().min(1).max(40),
  title: z.string().trim().max(300).optional(),
  description: z.string().max(10_000).optional(),
  image_url: z.string().max(2000).optional(),
  /** Ours: the agency's short name (default: the start of the title), kind and region code. */
  short_name: z.string().trim().max(60).optional(),
  kind: KINDS.optional(),
  region_code: z.string().trim().max(20).optional(),
});
type OrgFields = z.infer<typeof OrgFields>;

export const ORGANIZATION_NOT_FOUND = { id: 'Organisasi tidak ditemukan', en: 'Organization not found' };

export async function findOrganizationOrThrow(ctx: ActionContext, id: string): Promise<Agency> {
  const a =
    (await findAgency(ctx.db, { code: id })) ??
    (/^[0-9a-f-]{36}$/i.test(id) ? await findAgency(ctx.db, { id }) : undefined);
  if (!a) throw new NotFoundError(ORGANIZATION_NOT_FOUND);
  return a;
}

/** CKAN's `group_name_validator` on organizations. */
async function checkNameFree(ctx: ActionContext, name: string, self?: string) {
  const other = await findAgency(ctx.db, { code: name });
  if (other && other.id !== self)
    throw new ValidationError({
      name: [{ id: 'Nama organisasi sudah dipakai', en: 'Group name already exists in database' }],
    });
}

function agencyFields(f: OrgFields, before?: Agency) {
  const title = f.title || before?.name || f.name;
  return {
    code: f.name,
    name: title,
    shortName: f.short_name || before?.short_name || title.slice(0, 60),
    kind: f.kind ?? before?.kind ?? 'department',
    regionCode: f.region_code ?? before?.region_code ?? undefined,
  };
}

/** `organization_create`: a new agency; returns its organization dict. */
export const organizationCreate = defineAction({
  name: 'organization_create',
  requires: 'agency:create',
  sideEffectFree: false,
  input: OrgFields,
  authorize: (ctx) => authorize(ctx.actor, 'agency:create'),
  async run(ctx, input) {
    await checkNameFree(ctx, input.name);
    const a = (await executeAction(ctx, agencyCreate, agencyFields(input))) as Agency;
    return organizationDict(a, { package_count: 0 });
  },
});

async function replaceOrganization(
  ctx: ActionContext,
  id: string,
  patch: boolean,
  input: Partial<OrgFields>,
) {
  const before = await findOrganizationOrThrow(ctx, id);
  authorize(ctx.actor, 'agency:update', { agencyId: before.id });
  const fields: OrgFields = patch
    ? { name: before.code, title: before.name, ...stripUndefined(input) }
    : { name: input.name ?? before.code, ...stripUndefined(input) };
  await checkNameFree(ctx, fields.name, before.id);
  const after = (await executeAction(ctx, agencyUpdate, {
    id: before.id,
    ...agencyFields(fields, before),
  })) as Agency;
  return organizationDict(after);
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const WithId = OrgFields.partial().extend({ id: z.string().min(1).max(100) });

/** `organization_update` (update.py). */
export const organizationUpdate = defineAction({
  name: 'organization_update',
  requires: 'agency:update',
  sideEffectFree: false,
  input: WithId,
  authorize: () => {},
  run: (ctx, { id, ...input }) => replaceOrganization(ctx, id, false, input),
});

/** `organization_patch` (patch.py): only the fields given change. */
export const organizationPatch = defineAction({
  name: 'organization_patch',
  requires: 'agency:update',
  sideEffectFree: false,
  input: WithId,
  authorize: () => {},
  run: (ctx, { id, ...input }) => replaceOrganization(ctx, id, true, input),
});

/**
 * `organization_delete` (delete.py `_group_or_org_delete`): CKAN refuses an organization that
 * still has datasets ("Organization cannot be deleted while it still has datasets"); we refuse
 * one with users too. The audit row keeps the agency's fields. Returns null.
 */
export const organizationDelete = defineAction({
  name: 'organization_delete',
  requires: 'agency:update',
  sideEffectFree: false,
  input: z.object({ id: z.string().min(1).max(100) }),
  authorize: () => {},
  async run(ctx, input) {
    const a = await findOrganizationOrThrow(ctx, input.id);
    authorize(ctx.actor, 'agency:update', { agencyId: a.id });
    await mutate(ctx, async (trx, audit) => {
      const usage = await agencyUsage(trx, a.id);
      if (usage.datasets > 0 || usage.users > 0)
        throw new ValidationError({
          message: [
            {
              id: 'Organisasi tidak dapat dihapus selama masih memiliki dataset atau pengguna',
              en: 'Organization cannot be deleted while it still has datasets or users',
            },
          ],
        });
      await deleteAgencyRow(trx, a.id);
      await audit({
        action: 'organization_delete',
        subjectType: 'agency',
        subjectId: a.id,
        summary: { ...a },
      });
    });
    return null;
  },
});
