import type { Kysely } from 'kysely';
import type { Dataset, DB } from '../../kernel/db/schema.js';
import {
  type DatasetMetadata,
  loadDatasetMetadata,
  type VariableColumn,
  withColumns,
} from './dataset-metadata.js';
import { findActivityAgencyName, listResourceSchemas } from './dataset-metadata.repository.js';
import { formCompleteness, missingRequired } from './domain/form-values.js';
import { MS_IND } from './domain/ms-ind.js';
import { MS_KEG } from './domain/ms-keg.js';
import { MS_VAR } from './domain/ms-var.js';

/**
 * Everything the metadata area knows about one dataset, in one JSON document: the data
 * standard, the activity with its MS-Keg, MS-Var per column (merged with the Table Schema),
 * MS-Ind per indicator, and which required answers are still missing per form block. The JSON
 * export, the XLSX exports and the dataset pages read this.
 */
export interface MetadataDocument {
  package_id: string;
  name: string;
  title: string;
  data_standard: DatasetMetadata['data_standard'];
  statistical_activity:
    | (NonNullable<DatasetMetadata['statistical_activity']> & { agency_name: string })
    | null;
  variables: { resource_id: string; resource_name: string; name: string; ms_var: VariableColumn['ms_var'] }[];
  indicators: DatasetMetadata['indicators'];
  completeness: {
    data_standard: boolean;
    ms_keg: { block: string; complete: boolean; missing: string[] }[] | null;
    ms_var: { resource_id: string; name: string; missing: string[] }[];
    ms_ind: { id: string; name: string; missing: string[] }[];
  };
}

export async function buildMetadataDocument(db: Kysely<DB>, d: Dataset): Promise<MetadataDocument> {
  const m = await loadDatasetMetadata(db, d.id);
  const [resources, agency] = await Promise.all([
    listResourceSchemas(db, d.id),
    m.statistical_activity ? findActivityAgencyName(db, m.statistical_activity.id) : undefined,
  ]);
  const columns = withColumns(m, resources);
  const activity = m.statistical_activity;
  return {
    package_id: d.id,
    name: d.name,
    title: d.title,
    data_standard: m.data_standard,
    statistical_activity: activity ? { ...activity, agency_name: agency?.name ?? '' } : null,
    variables: columns.map((c) => ({
      resource_id: c.resource_id,
      resource_name: c.resource_name,
      name: c.field.name,
      ms_var: c.ms_var,
    })),
    indicators: m.indicators,
    completeness: {
      data_standard: m.data_standard !== null,
      ms_keg: activity
        ? formCompleteness(MS_KEG, activity.ms_keg).map((b) => ({
            block: b.block.key,
            complete: b.complete,
            missing: b.missing.map((f) => f.key),
          }))
        : null,
      ms_var: columns.map((c) => ({
        resource_id: c.resource_id,
        name: c.field.name,
        missing: missingRequired(MS_VAR, c.ms_var).map((f) => f.key),
      })),
      ms_ind: m.indicators.map((i) => ({
        id: i.id,
        name: i.name,
        missing: missingRequired(MS_IND, i.ms_ind).map((f) => f.key),
      })),
    },
  };
}
