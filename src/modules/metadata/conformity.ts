import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import type { ValidationReport } from '../datastore/index.js';
import {
  findConformityDataset,
  listCodeListNames,
  listConformityDatasets,
  listConformityResources,
  listConformityResourcesOf,
  listValidationReports,
} from './conformity.repository.js';
import { dataChecks } from './conformity-data-checks.js';
import { metadataChecks, metadataFacts } from './conformity-metadata-checks.js';
import { type Conformity, type ConformityFacts, tablesOf } from './conformity-rules.js';
import { type DatasetMetadata, loadDatasetMetadata } from './dataset-metadata.js';

export { metadataFacts } from './conformity-metadata-checks.js';
export {
  CONFORMITY_KEYS,
  type Conformity,
  type ConformityCheck,
  type ConformityFacts,
  type ConformityKey,
  foreignKeyOf,
  isCodedField,
  type MetadataFacts,
  OPEN_MACHINE_READABLE_FORMATS,
} from './conformity-rules.js';

/** The checks, as a pure function of the facts (unit-tested without a database). */
export function evaluateConformity(f: ConformityFacts): Conformity {
  const tables = tablesOf(f);
  const checks = [...metadataChecks(f.metadata, tables), ...dataChecks(f, tables)];
  const applicable = checks.filter((c) => c.applicable);
  const score = applicable.length
    ? Math.round((100 * applicable.filter((c) => c.met).length) / applicable.length)
    : 0;
  return { score, checks };
}

/**
 * Which SDI requirements a dataset meets and which it misses, with a score (issue #6 item 4).
 * Shown to the producer on the dataset form, to the custodian in the verification checklist,
 * and in the API (`package_conformity_show`, package_show's `sdi_conformity_score`).
 * The caller decides who may see the dataset; this only reads.
 */
export async function datasetConformity(db: Kysely<DB>, datasetId: string): Promise<Conformity> {
  const d = await findConformityDataset(db, datasetId);
  const resources = await listConformityResources(db, datasetId);
  const ids = resources.map((r) => r.id);
  const [metadata, reports, lists] = await Promise.all([
    loadDatasetMetadata(db, datasetId),
    ids.length ? listValidationReports(db, ids) : [],
    listCodeListNames(db),
  ]);
  return conformityOf(d, resources, metadata, reports, new Set(lists.map((l) => l.name)));
}

/**
 * datasetConformity for a page of datasets (package_search's `sdi_conformity_score`): datasets,
 * resources, reports and code lists are read once for the page; the statistical metadata per
 * dataset, side by side.
 */
export async function datasetConformities(
  db: Kysely<DB>,
  datasetIds: string[],
): Promise<Map<string, Conformity>> {
  if (!datasetIds.length) return new Map();
  const [datasets, resources, lists, metadata] = await Promise.all([
    listConformityDatasets(db, datasetIds),
    listConformityResourcesOf(db, datasetIds),
    listCodeListNames(db),
    Promise.all(datasetIds.map((id) => loadDatasetMetadata(db, id))),
  ]);
  const reports = resources.length
    ? await listValidationReports(
        db,
        resources.map((r) => r.id),
      )
    : [];
  const codeLists = new Set(lists.map((l) => l.name));
  const out = new Map<string, Conformity>();
  for (const d of datasets) {
    const own = resources.filter((r) => r.dataset_id === d.id);
    const ownIds = new Set(own.map((r) => r.id));
    const md = metadata[datasetIds.indexOf(d.id)] as DatasetMetadata;
    out.set(
      d.id,
      conformityOf(
        d,
        own,
        md,
        reports.filter((r) => ownIds.has(r.resource_id)),
        codeLists,
      ),
    );
  }
  return out;
}

type ConformityResource = Awaited<ReturnType<typeof listConformityResources>>[number];
type ConformityReport = Awaited<ReturnType<typeof listValidationReports>>[number];

/** The facts of one dataset, from its rows (reports newest first), evaluated. */
function conformityOf(
  d: Awaited<ReturnType<typeof findConformityDataset>>,
  resources: ConformityResource[],
  metadata: DatasetMetadata,
  reports: ConformityReport[],
  codeListNames: Set<string>,
): Conformity {
  const latest = new Map<string, ValidationReport>();
  for (const r of reports)
    if (!latest.has(r.resource_id)) latest.set(r.resource_id, r.report as ValidationReport);
  return evaluateConformity({
    licenseId: d.license_id,
    classification: d.classification,
    resources: resources.map((r) => ({
      name: r.name || r.id,
      format: r.format,
      tableSchema: r.table_schema,
      loaded: r.datastore_version_id !== null,
      latestReport: latest.get(r.id) ?? null,
    })),
    codeListNames,
    metadata: metadataFacts(metadata, resources),
  });
}
