import { randomBytes } from 'node:crypto';
import type { Actor } from '../../src/kernel/access/policy.js';
import type { GrantableRole } from '../../src/kernel/access/roles.js';
import { executeAction } from '../../src/kernel/actions/action.js';
import { type ActionContext, mutate } from '../../src/kernel/actions/context.js';
import type { Database } from '../../src/kernel/db/database.js';
import type { Agency, Topic } from '../../src/kernel/db/schema.js';
import { apiTokenCreate } from '../../src/modules/accounts/actions/api-token-create.js';
import { agencyCreate } from '../../src/modules/agencies/actions/agency-create.js';
import { findAgency } from '../../src/modules/agencies/agency.repository.js';
import { packageCreate } from '../../src/modules/catalog/actions/package-create.js';
import type { PackageDict } from '../../src/modules/catalog/package.presenter.js';
import { insertTopic } from '../../src/modules/catalog/topic.repository.js';
import { resourceCreate } from '../../src/modules/datastore/actions/resource-write.js';
import { buildUser } from '../factories/index.js';

export { type ApiCallOptions, callAction, multipartBody, resultOf } from './api-calls.js';
export { catalogRowCounts, insertDatasetsFast, refreshAllSearchVectors } from './catalog-bulk.js';

/**
 * Catalog test data made the way the platform makes it: agencies with `agency_create`,
 * datasets with `package_create`, resources with `resource_create`, tokens with
 * `api_token_create`, each under a real user's actor (validated, revisioned, audited). Topics
 * have no action yet, so they go through `mutate()` with an audit row, as the demo seed does.
 * Bulk datasets and row counts: catalog-bulk.ts; calls through HTTP: api-calls.ts.
 */

export const uniq = () => randomBytes(4).toString('hex');

/** An action context for `actor` (no HTTP request). */
export function ctxFor(database: Database, actor: Actor, siteUrl = 'http://localhost:3000'): ActionContext {
  return { db: database.db, actor, requestId: `test-${uniq()}`, ip: null, siteUrl };
}

const admins = new WeakMap<Database, Actor>();

/** One administrator per database, made on first use. */
export async function adminActor(database: Database): Promise<Actor> {
  let a = admins.get(database);
  if (!a) {
    a = (await buildUser(database, { roles: ['administrator'] })).actor;
    admins.set(database, a);
  }
  return a;
}

/** An agency (CKAN organization) through `agency_create`. */
export async function createAgency(
  database: Database,
  opts: { code?: string; name?: string; shortName?: string } = {},
): Promise<Agency> {
  const code = opts.code ?? `opd-${uniq()}`;
  await executeAction(ctxFor(database, await adminActor(database)), agencyCreate, {
    code,
    name: opts.name ?? `Dinas Uji ${code}`,
    shortName: opts.shortName ?? code.slice(0, 60).toUpperCase(),
    kind: 'department',
  });
  const agency = await findAgency(database.db, { code });
  if (!agency) throw new Error(`agency ${code} was not created`);
  return agency;
}

/** A topic (CKAN group), with its audit row. */
export async function createTopic(
  database: Database,
  opts: { name?: string; title?: string } = {},
): Promise<Topic> {
  const name = opts.name ?? `topik-${uniq()}`;
  return mutate(ctxFor(database, await adminActor(database)), async (trx, audit) => {
    const topic = await insertTopic(trx, { name, title: opts.title ?? `Topik ${name}` });
    await audit({ action: 'topic_create', subjectType: 'topic', subjectId: topic.id, summary: { name } });
    return topic;
  });
}

/** A user with a role (bound to an agency for producers) and a live API token for it. */
export async function userWithToken(
  database: Database,
  role: GrantableRole,
  agencyId: string | null = null,
): Promise<{ actor: Actor; token: string; username: string }> {
  const { user, actor } = await buildUser(database, { roles: [role], agencyId });
  const created = await executeAction(ctxFor(database, actor), apiTokenCreate, { name: `uji-${uniq()}` });
  return { actor, token: created.token, username: user.username };
}

/** Fields `package_create` takes; everything but the owner has a default. */
export interface DatasetInput {
  owner_org: string;
  name?: string;
  title?: string;
  notes?: string;
  private?: boolean;
  state?: 'draft' | 'active';
  license_id?: string;
  tags?: string[];
  groups?: string[];
  extras?: { key: string; value: string }[];
  resources?: { name?: string; url: string; format?: string; description?: string }[];
}

/** A dataset through `package_create` by `actor` (a custodian may publish it at once). */
export async function createDataset(
  database: Database,
  actor: Actor,
  input: DatasetInput,
): Promise<PackageDict> {
  const name = input.name ?? `dataset-${uniq()}`;
  const dict = await executeAction(ctxFor(database, actor), packageCreate, {
    title: `Dataset ${name}`,
    private: false,
    ...input,
    name,
  });
  if (!dict) throw new Error(`dataset ${name} was not created`);
  return dict;
}

/** A link resource through `resource_create`. */
export async function createLinkResource(
  database: Database,
  actor: Actor,
  packageId: string,
  fields: { url?: string; name?: string; format?: string; description?: string } = {},
) {
  return executeAction(ctxFor(database, actor), resourceCreate, {
    package_id: packageId,
    url: fields.url ?? `https://data.example.go.id/${uniq()}.csv`,
    name: fields.name ?? 'Tabel',
    format: fields.format ?? 'CSV',
    description: fields.description ?? '',
  });
}
