import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
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
import { refreshDatasetSearch } from '../../src/modules/catalog/dataset.repository.js';
import type { PackageDict } from '../../src/modules/catalog/package.presenter.js';
import { insertTopic } from '../../src/modules/catalog/topic.repository.js';
import { resourceCreate } from '../../src/modules/datastore/actions/resource-write.js';
import { buildUser } from '../factories/index.js';

/**
 * Catalog test data made the way the platform makes it: agencies with `agency_create`,
 * datasets with `package_create`, resources with `resource_create`, tokens with
 * `api_token_create`, each under a real user's actor (validated, revisioned, audited). Topics
 * have no action yet, so they go through `mutate()` with an audit row, as the demo seed does.
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

/**
 * Many datasets at once, straight through the repositories' tables in one transaction (for
 * paging tests that need hundreds): dataset rows, tags, topics, one link resource each, a
 * revision and an audit row per dataset, then every search vector refreshed in one UPDATE.
 */
export async function insertDatasetsFast(
  database: Database,
  actor: Actor,
  rows: {
    name: string;
    title: string;
    agencyId: string;
    topicIds?: string[];
    tags?: string[];
    private?: boolean;
    state?: 'draft' | 'active';
    metadataModified?: Date;
    format?: string;
  }[],
): Promise<string[]> {
  const ids = rows.map(() => randomUUID());
  await mutate(ctxFor(database, actor), async (trx, audit) => {
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      const chunkIds = ids.slice(i, i + 500);
      await trx
        .insertInto('dataset')
        .values(
          chunk.map((r, j) => ({
            id: chunkIds[j] as string,
            name: r.name,
            title: r.title,
            notes: `Catatan ${r.title}`,
            agency_id: r.agencyId,
            private: r.private ?? false,
            state: r.state ?? 'active',
            ...(r.metadataModified
              ? { metadata_modified: r.metadataModified, metadata_created: r.metadataModified }
              : {}),
          })),
        )
        .execute();
      const tags = chunk.flatMap((r, j) =>
        (r.tags ?? []).map((tag) => ({ dataset_id: chunkIds[j] as string, tag })),
      );
      if (tags.length) await trx.insertInto('dataset_tag').values(tags).execute();
      const topics = chunk.flatMap((r, j) =>
        (r.topicIds ?? []).map((topic_id) => ({ dataset_id: chunkIds[j] as string, topic_id })),
      );
      if (topics.length) await trx.insertInto('dataset_topic').values(topics).execute();
      await trx
        .insertInto('resource')
        .values(
          chunk.map((r, j) => ({
            dataset_id: chunkIds[j] as string,
            name: `Tabel ${r.name}`,
            format: r.format ?? 'CSV',
            url: `https://data.example.go.id/${r.name}.csv`,
          })),
        )
        .execute();
      await trx
        .insertInto('dataset_revision')
        .values(
          chunk.map((r, j) => ({
            dataset_id: chunkIds[j] as string,
            actor_id: actor.userId,
            actor_name: actor.username,
            action: 'package_create',
            changes: JSON.stringify({ name: r.name }),
          })),
        )
        .execute();
    }
    await refreshAllSearchVectors(trx);
    await audit({
      action: 'package_create',
      subjectType: 'dataset',
      subjectId: null,
      summary: { bulk: rows.length },
    });
  });
  return ids;
}

/** Recompute every dataset's search vector in one statement (the repository's weights). */
export async function refreshAllSearchVectors(db: Database['db']): Promise<void> {
  await refreshDatasetSearch(db);
}

/** Row counts of every table a catalog write touches: equal before and after a refused write. */
export async function catalogRowCounts(database: Database): Promise<Record<string, number>> {
  const tables = [
    'dataset',
    'dataset_tag',
    'dataset_topic',
    'resource',
    'dataset_revision',
    'audit_log',
  ] as const;
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await database.db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  const modified = await database.db
    .selectFrom('dataset')
    .select((eb) => eb.fn.max('metadata_modified').as('m'))
    .executeTakeFirstOrThrow();
  out.last_modified = modified.m ? new Date(modified.m).getTime() : 0;
  return out;
}

export interface ApiCallOptions {
  token?: string;
  /** Query parameters (GET) — values that are arrays are sent as JSON, as CKAN clients do. */
  query?: Record<string, string | number | boolean | string[] | undefined>;
  /** JSON body (POST). */
  body?: Record<string, unknown>;
  method?: 'GET' | 'POST';
  /** `/api/3/action` (default) or `/api/action`. */
  prefix?: string;
}

/** Call a CKAN action through the real HTTP routes (app.inject). */
export function callAction(
  app: FastifyInstance,
  name: string,
  opts: ApiCallOptions = {},
): Promise<LightMyRequestResponse> {
  const method = opts.method ?? (opts.body ? 'POST' : 'GET');
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(opts.query ?? {}))
    if (v !== undefined) params.set(k, Array.isArray(v) ? JSON.stringify(v) : String(v));
  const qs = params.toString();
  return app.inject({
    method,
    url: `${opts.prefix ?? '/api/3/action'}/${name}${qs ? `?${qs}` : ''}`,
    headers: opts.token ? { authorization: opts.token } : {},
    ...(opts.body ? { payload: opts.body } : {}),
  });
}

/** `result` of a successful call, failing loudly with the body otherwise. */
export async function resultOf<T = unknown>(res: Promise<LightMyRequestResponse> | LightMyRequestResponse) {
  const r = await res;
  if (r.statusCode !== 200) throw new Error(`expected 200, got ${r.statusCode}: ${r.body.slice(0, 500)}`);
  return (r.json() as { result: T }).result;
}

/**
 * A multipart/form-data body with text fields and one file part, as `curl -F` sends it.
 */
export function multipartBody(
  fields: Record<string, string>,
  file: { field: string; name: string; type: string; content: Buffer },
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----satudata${uniq()}${uniq()}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
