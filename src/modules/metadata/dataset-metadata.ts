import type { Kysely } from 'kysely';
import type { DB, Resource } from '../../kernel/db/schema.js';
import type { TableField, TableSchema } from '../../kernel/table-schema/table-schema.js';
import type { SdiMetadataDict } from '../catalog/index.js';
import { findDataStandard } from './data-standard.repository.js';
import { findMetadataLinks, listResourceIds, writeMetadataSummary } from './dataset-metadata.repository.js';
import type { FormValues } from './domain/form-values.js';
import { type ActivityIdentity, variableValues } from './domain/variables.js';
import { findStatisticalActivity } from './statistical-activity.repository.js';
import { listIndicators, listVariableMetadata } from './variable-indicator.repository.js';

/**
 * All statistical metadata of one dataset, as package_show (`sdi_metadata`), the JSON export,
 * DCAT and schema.org carry it. `variables` hold only the typed MS-Var answers; `withColumns`
 * merges them with the live Table Schema fields.
 */
export interface DatasetMetadata {
  data_standard: SdiMetadataDict['data_standard'];
  statistical_activity: SdiMetadataDict['statistical_activity'];
  variables: { resource_id: string; field_name: string; ms_var: FormValues }[];
  indicators: { id: string; name: string; position: number; ms_ind: FormValues }[];
}

export const EMPTY_METADATA: DatasetMetadata = {
  data_standard: null,
  statistical_activity: null,
  variables: [],
  indicators: [],
};

/** Read a dataset's metadata from the area's tables. */
export async function loadDatasetMetadata(db: Kysely<DB>, datasetId: string): Promise<DatasetMetadata> {
  const d = await findMetadataLinks(db, datasetId);
  if (!d) return EMPTY_METADATA;
  const [standard, activity, resources, indicators] = await Promise.all([
    d.data_standard_id ? findDataStandard(db, d.data_standard_id) : undefined,
    d.statistical_activity_id ? findStatisticalActivity(db, d.statistical_activity_id) : undefined,
    listResourceIds(db, datasetId),
    listIndicators(db, datasetId),
  ]);
  const variables = await listVariableMetadata(
    db,
    resources.map((r) => r.id),
  );
  return {
    data_standard: standard
      ? {
          id: standard.id,
          name: standard.name,
          title: standard.title,
          version: standard.version,
          concept: standard.concept,
          definition: standard.definition,
          classification: standard.classification,
          measure: standard.measure,
          unit: standard.unit,
          source_kind: standard.source_kind,
          source_reference: standard.source_reference,
          sdsn_code: standard.sdsn_code,
        }
      : null,
    statistical_activity: activity
      ? {
          id: activity.id,
          title: activity.title,
          activity_code: activity.activity_code,
          recommendation_status: activity.recommendation_status,
          recommendation_number: activity.recommendation_number,
          recommendation_date: activity.recommendation_date,
          ms_keg: activity.ms_keg,
        }
      : null,
    variables: variables.map((v) => ({
      resource_id: v.resource_id,
      field_name: v.field_name,
      ms_var: v.ms_var,
    })),
    indicators: indicators.map((i) => ({ id: i.id, name: i.name, position: i.position, ms_ind: i.ms_ind })),
  };
}

/**
 * Rewrite the read model (`dataset.metadata_summary`) of these datasets and mark them modified,
 * so harvesters that ask for `metadata_modified:[… TO *]` pick the change up. Call it inside the
 * transaction of every change that touches a dataset's metadata.
 */
export async function refreshMetadataSummary(db: Kysely<DB>, datasetIds: readonly string[]): Promise<void> {
  for (const id of datasetIds) {
    await writeMetadataSummary(db, id, await loadDatasetMetadata(db, id));
  }
}

/** The metadata of a dataset row as the read model holds it (empty when none was written). */
export function metadataOf(d: { metadata_summary?: unknown }): DatasetMetadata {
  const m = d.metadata_summary;
  if (!m || typeof m !== 'object') return EMPTY_METADATA;
  return { ...EMPTY_METADATA, ...(m as Partial<DatasetMetadata>) };
}

/** One column of a tabular resource with its complete MS-Var answers. */
export interface VariableColumn {
  resource_id: string;
  resource_name: string;
  field: TableField;
  ms_var: FormValues;
}

/** The activity's identity as MS-Var repeats it. */
export function activityIdentity(m: DatasetMetadata): ActivityIdentity | null {
  const a = m.statistical_activity;
  if (!a) return null;
  const organiser = a.ms_keg.instansi_penyelenggara;
  return {
    title: a.title,
    activity_code: a.activity_code,
    organiser: typeof organiser === 'string' ? organiser : '',
  };
}

/** Every column of the tabular resources, in schema order, with the MS-Var answers merged in. */
export function withColumns(
  m: DatasetMetadata,
  resources: readonly Pick<Resource, 'id' | 'name' | 'table_schema'>[],
): VariableColumn[] {
  const stored = new Map(m.variables.map((v) => [`${v.resource_id}\u0000${v.field_name}`, v.ms_var]));
  const activity = activityIdentity(m);
  return resources.flatMap((r) => {
    const schema = r.table_schema as TableSchema | null;
    return (schema?.fields ?? []).map((field) => ({
      resource_id: r.id,
      resource_name: r.name,
      field,
      ms_var: variableValues(schema, field, stored.get(`${r.id}\u0000${field.name}`) ?? {}, activity),
    }));
  });
}
