import type { NamedNode } from 'n3';
import type { PackageDict } from '../catalog/index.js';
import { addAuthorityTerm, type LinkedDataContext } from './dcat-dataset.js';
import { blank, type Graph, node, plain, text } from './graph.js';
import { adms, dcat, dct, prov, skos } from './vocab.js';

/** MS-Keg's Frekuensi Penyelenggaraan → EU frequency codes (used when the dataset names none). */
const ACTIVITY_FREQUENCY_EU: Record<string, string> = {
  harian: 'DAILY',
  mingguan: 'WEEKLY',
  bulanan: 'MONTHLY',
  triwulanan: 'QUARTERLY',
  empat_bulanan: 'ANNUAL_3',
  semesteran: 'ANNUAL_2',
  tahunan: 'ANNUAL',
  lebih_dua_tahunan: 'OTHER',
};

/** The public page of a data standard. */
export function standardUri(siteUrl: string, name: string): string {
  return `${siteUrl}/standar-data/${encodeURIComponent(name)}`;
}

/** The public URI of a statistical activity. */
export function activityUri(siteUrl: string, id: string): string {
  return `${siteUrl}/kegiatan-statistik/${id}`;
}

/**
 * The statistical metadata in DCAT-AP: dct:conformsTo the data standard (a dct:Standard with
 * its Kode SDSN and version), adms:identifier for the BPS activity code, prov:wasGeneratedBy
 * the statistical activity, and the activity's frequency as dct:accrualPeriodicity when the
 * dataset has none of its own.
 */
export function addStatisticalMetadata(
  g: Graph,
  ctx: LinkedDataContext,
  ds: NamedNode,
  dict: PackageDict,
): void {
  const m = dict.sdi_metadata;
  const s = m.data_standard;
  if (s) {
    const std = node(standardUri(ctx.siteUrl, s.name));
    g.add(ds, dct('conformsTo'), std);
    g.type(std, dct('Standard'));
    g.add(std, dct('title'), text(s.title));
    g.add(std, dct('description'), text(s.definition));
    g.add(std, dcat('version'), plain(String(s.version)));
    if (s.sdsn_code) g.add(std, dct('identifier'), plain(s.sdsn_code));
  }
  const a = m.statistical_activity;
  if (!a) return;
  const activity = node(activityUri(ctx.siteUrl, a.id));
  g.add(ds, prov('wasGeneratedBy'), activity);
  g.type(activity, prov('Activity'));
  g.add(activity, dct('title'), text(a.title));
  if (a.activity_code) {
    const id = blank();
    g.add(ds, adms('identifier'), id);
    g.type(id, adms('Identifier'));
    g.add(id, skos('notation'), plain(a.activity_code));
    g.add(id, dct('creator'), text('Badan Pusat Statistik'));
    g.add(activity, dct('identifier'), plain(a.activity_code));
  }
  const freq = a.ms_keg.frekuensi;
  const eu = typeof freq === 'string' ? ACTIVITY_FREQUENCY_EU[freq] : undefined;
  if (eu && !dict.update_frequency)
    g.add(ds, dct('accrualPeriodicity'), addAuthorityTerm(g, 'frequency', eu, dct('Frequency')));
}
