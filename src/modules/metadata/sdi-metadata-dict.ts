import type { Dataset } from '../../kernel/db/schema.js';
import type { DatasetParts, SdiMetadataDict } from '../catalog/index.js';
import { metadataOf, withColumns } from './dataset-metadata.js';

/**
 * The statistical metadata of a dataset as package_show carries it, under one top-level key
 * `sdi_metadata` (as a ckanext-scheming field would appear): the data standard with its
 * version, the statistical activity with its MS-Keg answers, MS-Var for every Table Schema
 * column (merged with the field's name, type, definition, unit and valid values) and MS-Ind
 * per indicator. Not in `extras`: a CKAN client that sends a package_show dict back to
 * package_update would otherwise copy these derived values into the dataset's own extras;
 * unknown top-level keys are dropped by package_update, so the round trip stays clean.
 */
export function sdiMetadataDict(d: Dataset, parts: DatasetParts): SdiMetadataDict {
  const m = metadataOf(d);
  return {
    data_standard: m.data_standard,
    statistical_activity: m.statistical_activity,
    // Only open columns: this dict reaches the public (package_show, DCAT, schema.org, the
    // dataset page), and a restricted or closed column's name and definition are not open data.
    // Staff read every column's MS-Var through variable_metadata_show and the back office.
    variables: withColumns(m, parts.resources)
      .filter((c) => (c.field['x-classification'] ?? 'open') === 'open')
      .map((c) => ({
        resource_id: c.resource_id,
        name: c.field.name,
        ms_var: c.ms_var,
      })),
    indicators: m.indicators.map((i) => ({ id: i.id, name: i.name, ms_ind: i.ms_ind })),
  };
}
