import type { Kysely, Transaction } from 'kysely';
import { authorize } from '../../../kernel/access/policy.js';
import type { ActionContext, Audit } from '../../../kernel/actions/context.js';
import type { Agency, Dataset, DB } from '../../../kernel/db/schema.js';
import { type Bilingual, ConflictError, ValidationError } from '../../../kernel/errors.js';
import { findAgency, findRegion } from '../../agencies/index.js';
import {
  findDataset,
  insertDataset,
  insertResource,
  insertRevision,
  loadDatasetParts,
  refreshDatasetSearch,
  setDatasetTags,
  setDatasetTopics,
  updateDataset,
  updateResource,
} from '../dataset.repository.js';
import { assertPublishable } from '../domain/publishing.js';
import { findTopic } from '../topic.repository.js';
import type { DatasetFields } from './dataset.schema.js';

/**
 * Resolve `owner_org` (id or code) to an agency, or a field error. Inside a write's transaction
 * pass its handle as `db` (on PGlite the plain handle would wait for the transaction's connection).
 */
export async function resolveOwner(
  ctx: ActionContext,
  ownerOrg: string,
  db: Kysely<DB> = ctx.db,
): Promise<Agency> {
  const agency =
    (await findAgency(db, { code: ownerOrg })) ??
    (/^[0-9a-f-]{36}$/i.test(ownerOrg) ? await findAgency(db, { id: ownerOrg }) : undefined);
  if (!agency)
    throw new ValidationError({
      owner_org: [{ id: `Organisasi ${ownerOrg} tidak ditemukan`, en: `Organization ${ownerOrg} not found` }],
    });
  return agency;
}

/**
 * The policy for writing a dataset: create/update on the owning agency, and `dataset:publish`
 * to make it public (a producer's datasets stay private until the custodian publishes).
 */
export function authorizeDatasetWrite(
  ctx: ActionContext,
  action: 'dataset:create' | 'dataset:update',
  agencyId: string,
  makesPublic: boolean,
): void {
  authorize(ctx.actor, action, { agencyId });
  if (makesPublic) authorize(ctx.actor, 'dataset:publish', { agencyId });
}

async function checkReferences(db: Kysely<DB>, f: DatasetFields): Promise<string[]> {
  const errors: Record<string, Bilingual[]> = {};
  const topicIds: string[] = [];
  for (const g of f.groups) {
    const topic = await findTopic(db, g);
    if (topic) topicIds.push(topic.id);
    else
      errors.groups = [
        ...(errors.groups ?? []),
        { id: `Grup ${g} tidak ditemukan`, en: `Group ${g} not found` },
      ];
  }
  for (const code of f.spatial)
    if (!(await findRegion(db, code)))
      errors.spatial = [
        ...(errors.spatial ?? []),
        { id: `Kode wilayah ${code} tidak dikenal`, en: `Unknown region code ${code}` },
      ];
  if (f.temporal_start && f.temporal_end && f.temporal_start > f.temporal_end)
    errors.temporal_end = [
      { id: 'Akhir cakupan waktu sebelum awalnya', en: 'Temporal end is before its start' },
    ];
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return topicIds;
}

function datasetRow(f: DatasetFields, agencyId: string) {
  return {
    name: f.name,
    title: f.title,
    notes: f.notes,
    agency_id: agencyId,
    license_id: f.license_id,
    state: f.state,
    private: f.private,
    author: f.author || null,
    author_email: f.author_email || null,
    maintainer: f.maintainer || null,
    maintainer_email: f.maintainer_email || null,
    url: f.url || null,
    version: f.version || null,
    update_frequency: f.update_frequency ?? null,
    temporal_start: f.temporal_start ?? null,
    temporal_end: f.temporal_end ?? null,
    spatial_codes: f.spatial,
    extras: JSON.stringify(Object.fromEntries(f.extras.map((e) => [e.key, e.value]))),
  };
}

/** Which top-level fields differ between two snapshots, for the revision and audit rows. */
function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after))
    if (JSON.stringify(before[k]) !== JSON.stringify(v)) out[k] = { from: before[k] ?? null, to: v };
  return out;
}

/**
 * Create or replace a dataset with its tags, topics and (when given) link resources, in the
 * caller's transaction: revision row, search vector and audit row included.
 */
export async function saveDataset(
  ctx: ActionContext,
  trx: Transaction<DB>,
  audit: Audit,
  f: DatasetFields,
  agency: Agency,
  existing: Dataset | undefined,
): Promise<Dataset> {
  const topicIds = await checkReferences(trx, f);
  // Only open data is ever public: refuse, in words, before the database check would.
  assertPublishable({ classification: existing?.classification ?? 'open', private: f.private });
  const clash = await findDataset(trx, f.name);
  if (clash && clash.id !== existing?.id)
    throw new ValidationError({ name: [{ id: 'Nama URL sudah dipakai', en: 'That URL is already in use' }] });
  const row = datasetRow(f, agency.id);
  const before = existing
    ? { ...existing, tags: (await loadDatasetParts(trx, [existing.id])).get(existing.id)?.tags }
    : {};
  const dataset = existing ? await updateDataset(trx, existing.id, row) : await insertDataset(trx, row);
  await setDatasetTags(trx, dataset.id, f.tags);
  await setDatasetTopics(trx, dataset.id, topicIds);
  if (f.resources) await replaceLinkResources(trx, dataset.id, f.resources);
  await refreshDatasetSearch(trx, dataset.id);
  const action = existing ? 'package_update' : 'package_create';
  const changes = changedFields(before, { ...row, extras: JSON.parse(row.extras), tags: f.tags });
  await insertRevision(trx, {
    datasetId: dataset.id,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.username,
    action,
    changes,
  });
  await audit({
    action,
    subjectType: 'dataset',
    subjectId: dataset.id,
    summary: { name: dataset.name, changes },
  });
  return dataset;
}

/** package_update semantics: the given resource list replaces the dataset's link resources. */
async function replaceLinkResources(
  trx: Transaction<DB>,
  datasetId: string,
  resources: NonNullable<DatasetFields['resources']>,
) {
  const current = (await loadDatasetParts(trx, [datasetId])).get(datasetId)?.resources ?? [];
  for (const r of current) if (r.url_type !== 'upload') await updateResource(trx, r.id, { state: 'deleted' });
  for (const r of resources)
    await insertResource(trx, {
      dataset_id: datasetId,
      name: r.name,
      description: r.description,
      format: r.format,
      url: r.url,
    });
}

/** A stale write: the dataset changed after the caller read it. */
export function conflictIfStale(d: Dataset, expectedModified: string | undefined): void {
  if (
    expectedModified &&
    new Date(d.metadata_modified).toISOString().replace('Z', '') !== expectedModified.replace('Z', '')
  )
    throw new ConflictError({
      id: 'Dataset telah diubah orang lain; muat ulang lalu ulangi',
      en: 'The dataset was changed by someone else; reload and try again',
    });
}
