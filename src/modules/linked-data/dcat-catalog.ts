import type { NamedNode } from 'n3';
import type { PackageDict } from '../catalog/index.js';
import { DEFAULT_LICENSE_ID, findLicense } from '../catalog/index.js';
import type { CatalogPublication } from '../dissemination/index.js';
import {
  addAgent,
  addAuthorityTerm,
  addDataset,
  addLocation,
  datasetUri,
  type LinkedDataContext,
} from './dcat-dataset.js';
import { addPublication, publicationUri } from './dcat-publication.js';
import { dateTime, Graph, node, plain, text, typed } from './graph.js';
import { dcat, dct, foaf, hydra } from './vocab.js';

/** ckanext-dcat's `ckanext.dcat.datasets_per_page`. */
export const DATASETS_PER_PAGE = 100;

/** The region the catalog serves; it is the catalog's publisher and spatial coverage. */
export interface CatalogRegion {
  code: string;
  name: string;
}

/** Where this page sits in the whole result (Hydra paging, as ckanext-dcat writes it). */
export interface CatalogPaging {
  /** Absolute URL of a page of this same listing (same format and filters). */
  pageUrl(page: number): string;
  page: number;
  totalItems: number;
}

export interface CatalogInput {
  region: CatalogRegion;
  datasets: PackageDict[];
  /** Published publications (issue #15), listed on the first page beside the datasets. */
  publications?: CatalogPublication[];
  /** metadata_modified of the most recently changed public dataset, if any. */
  lastModified: string | null;
  paging: CatalogPaging;
}

/** The last page number for a total (at least 1, so an empty catalog still has a page 1). */
export function lastPage(totalItems: number): number {
  return Math.max(1, Math.ceil(totalItems / DATASETS_PER_PAGE));
}

/**
 * `hydra:PagedCollection` on the page's own URL. ckanext-dcat writes both Hydra Core's
 * `first/last/next/previous` and the older `firstPage/…` (as literals); harvesters read either,
 * so we write both: the current terms as IRIs, the deprecated ones as ckanext-dcat does.
 */
function addPaging(g: Graph, paging: CatalogPaging): void {
  const current = node(paging.pageUrl(paging.page));
  const last = lastPage(paging.totalItems);
  g.type(current, hydra('PagedCollection'));
  g.add(current, hydra('totalItems'), typed(paging.totalItems, 'integer'));
  g.add(current, hydra('itemsPerPage'), typed(DATASETS_PER_PAGE, 'integer'));
  const links: [string, string, number | null][] = [
    ['first', 'firstPage', 1],
    ['last', 'lastPage', last],
    ['next', 'nextPage', paging.page < last ? paging.page + 1 : null],
    ['previous', 'previousPage', paging.page > 1 ? Math.min(paging.page - 1, last) : null],
  ];
  for (const [term, legacy, page] of links) {
    if (page === null) continue;
    const url = paging.pageUrl(page);
    g.add(current, hydra(term), node(url));
    g.add(current, hydra(legacy), plain(url));
  }
}

function addCatalogNode(g: Graph, ctx: LinkedDataContext, input: CatalogInput): NamedNode {
  const catalog = node(ctx.siteUrl);
  const { region } = input;
  g.type(catalog, dcat('Catalog'));
  g.add(catalog, dct('title'), text(`Katalog Data ${region.name}`));
  g.add(catalog, dct('title'), text(`${region.name} data catalogue`, 'en'));
  g.add(
    catalog,
    dct('description'),
    text(`Data terbuka Satu Data Indonesia yang diterbitkan oleh perangkat daerah ${region.name}.`),
  );
  g.add(
    catalog,
    dct('description'),
    text(`Open data published by the agencies of ${region.name} under Satu Data Indonesia.`, 'en'),
  );
  g.add(catalog, dct('publisher'), addAgent(g, `${ctx.siteUrl}/#publisher`, `Pemerintah ${region.name}`));
  const homepage = node(`${ctx.siteUrl}/`);
  g.add(catalog, foaf('homepage'), homepage);
  g.type(homepage, foaf('Document'));
  g.add(catalog, dct('language'), addAuthorityTerm(g, 'language', 'IND', dct('LinguisticSystem')));
  g.add(catalog, dct('spatial'), addLocation(g, ctx, region.code));
  const license = findLicense(DEFAULT_LICENSE_ID);
  if (license?.url) {
    g.add(catalog, dct('license'), node(license.url));
    g.type(node(license.url), dct('LicenseDocument'));
  }
  g.maybe(catalog, dct('modified'), dateTime(input.lastModified));
  return catalog;
}

/**
 * One page of the catalog: the dcat:Catalog, its public datasets (each with dcat:dataset from
 * the catalog) and the Hydra paging node. The caller decides which datasets are public.
 */
export function buildCatalogGraph(ctx: LinkedDataContext, input: CatalogInput): Graph {
  const g = new Graph();
  const catalog = addCatalogNode(g, ctx, input);
  for (const dict of input.datasets) {
    addDataset(g, ctx, dict);
    g.add(catalog, dcat('dataset'), node(datasetUri(ctx.siteUrl, dict)));
  }
  for (const p of input.publications ?? []) {
    addPublication(g, ctx, p);
    g.add(catalog, dcat('dataset'), node(publicationUri(ctx.siteUrl, p.name)));
  }
  if (input.datasets.some((d) => d.groups.length > 0))
    g.add(catalog, dcat('themeTaxonomy'), node(`${ctx.siteUrl}/group`));
  addPaging(g, input.paging);
  return g;
}

/** A single dataset's graph (`/dataset/{id}.ttl`), without the catalog around it. */
export function buildDatasetGraph(ctx: LinkedDataContext, dict: PackageDict): Graph {
  const g = new Graph();
  addDataset(g, ctx, dict);
  return g;
}
