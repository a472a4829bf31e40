import type { Resource } from '../../kernel/db/schema.js';
import {
  type ConformityCheck,
  check,
  list,
  type MetadataFacts,
  type TableResource,
} from './conformity-rules.js';
import { type DatasetMetadata, withColumns } from './dataset-metadata.js';
import { MS_IND, MS_KEG, MS_VAR, missingRequired } from './domain/index.js';

/** Principle "Standar Data": a data standard is linked. */
function standardCheck(m: MetadataFacts): ConformityCheck {
  return m.standardLinked
    ? check('standard_linked', true, 'Standar data tertaut', 'A data standard is linked')
    : check('standard_linked', false, 'Belum ada standar data yang tertaut', 'No data standard is linked');
}

/** Principle "Metadata": the statistical activity's MS-Keg is complete. */
function activityCheck(m: MetadataFacts): ConformityCheck {
  if (m.activityMissing === null)
    return check(
      'activity_metadata_complete',
      false,
      'Belum ada kegiatan statistik (MS-Keg) yang tertaut',
      'No statistical activity (MS-Keg) is linked',
    );
  return m.activityMissing.length
    ? check(
        'activity_metadata_complete',
        false,
        `MS-Keg belum lengkap: ${list(m.activityMissing)}`,
        `MS-Keg is incomplete: ${list(m.activityMissing)}`,
      )
    : check('activity_metadata_complete', true, 'MS-Keg lengkap', 'MS-Keg is complete');
}

/** Principle "Metadata": every column of every table has complete MS-Var. */
function variableCheck(m: MetadataFacts, tables: readonly TableResource[]): ConformityCheck {
  if (tables.length === 0)
    return check(
      'variable_metadata_complete',
      false,
      'Belum ada tabel dengan skema kolom untuk diberi MS-Var',
      'No table with a column schema to describe with MS-Var yet',
    );
  return m.variablesMissing.length
    ? check(
        'variable_metadata_complete',
        false,
        `MS-Var belum lengkap untuk kolom: ${list(m.variablesMissing)}`,
        `MS-Var is incomplete for columns: ${list(m.variablesMissing)}`,
      )
    : check(
        'variable_metadata_complete',
        true,
        'MS-Var lengkap untuk setiap kolom',
        'MS-Var is complete for every column',
      );
}

/** Principle "Metadata": every indicator has complete MS-Ind (not applicable without indicators). */
function indicatorCheck(m: MetadataFacts): ConformityCheck {
  if (m.indicatorCount === 0)
    return check(
      'indicator_metadata_complete',
      true,
      'Tidak ada indikator: tidak berlaku',
      'No indicators: not applicable',
      false,
    );
  return m.indicatorsMissing.length
    ? check(
        'indicator_metadata_complete',
        false,
        `MS-Ind belum lengkap: ${list(m.indicatorsMissing)}`,
        `MS-Ind is incomplete: ${list(m.indicatorsMissing)}`,
      )
    : check('indicator_metadata_complete', true, 'MS-Ind lengkap', 'MS-Ind is complete');
}

/** The data standard and metadata principles, in the order they are shown. */
export function metadataChecks(m: MetadataFacts, tables: readonly TableResource[]): ConformityCheck[] {
  return [standardCheck(m), activityCheck(m), variableCheck(m, tables), indicatorCheck(m)];
}

/** What the metadata area says about a dataset, as the conformity checks read it. */
export function metadataFacts(
  m: DatasetMetadata,
  resources: readonly Pick<Resource, 'id' | 'name' | 'table_schema'>[],
): MetadataFacts {
  const columns = withColumns(m, resources);
  return {
    standardLinked: m.data_standard !== null,
    activityMissing: m.statistical_activity
      ? missingRequired(MS_KEG, m.statistical_activity.ms_keg).map((f) => f.key)
      : null,
    variablesMissing: columns
      .filter((c) => missingRequired(MS_VAR, c.ms_var).length > 0)
      .map((c) => `${c.resource_name} › ${c.field.name}`),
    indicatorCount: m.indicators.length,
    indicatorsMissing: m.indicators
      .filter((i) => missingRequired(MS_IND, i.ms_ind).length > 0)
      .map((i) => i.name),
  };
}
