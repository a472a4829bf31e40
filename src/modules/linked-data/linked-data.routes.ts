import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Quad } from 'n3';
import { z } from 'zod';
import { ANONYMOUS } from '../../kernel/access/policy.js';
import type { ActionContext } from '../../kernel/actions/context.js';
import { parseInput } from '../../kernel/actions/parse-input.js';
import { NotFoundError } from '../../kernel/errors.js';
import type { AppDeps } from '../../kernel/http/app-deps.js';
import { actionContext } from '../../kernel/http/request-context.js';
import {
  loadVisibleDataset,
  PackageSearchSchema,
  presentPackages,
  runPackageSearch,
} from '../catalog/index.js';
import { catalogPublications } from '../dissemination/index.js';
import { rdfFormatFromAccept } from './content-negotiation.js';
import { buildCatalogGraph, buildDatasetGraph, DATASETS_PER_PAGE, lastPage } from './dcat-catalog.js';
import { loadRegionNames } from './region-names.js';
import { datasetSchemaOrg } from './schema-org.js';
import { schemaOrgQuads } from './schema-org-rdf.js';
import { isRdfFormat, RDF_FORMATS, type RdfFormat, serializeRdf } from './serialize.js';

const PROFILES = ['euro_dcat_ap_3', 'euro_dcat_ap_2', 'schemaorg'] as const;
type Profile = (typeof PROFILES)[number];

/** `profiles=a,b`: the DCAT profile asked for (the first we know); DCAT-AP 3 by default. */
const ProfilesSchema = z
  .string()
  .max(200)
  .optional()
  .transform((v, zctx): Profile => {
    const asked = (v ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    const known = asked.find((p): p is Profile => (PROFILES as readonly string[]).includes(p));
    if (asked.length > 0 && !known) {
      zctx.addIssue({
        code: 'custom',
        message: `Profil tidak dikenal; pilih ${PROFILES.join(', ')} / Unknown profile; use ${PROFILES.join(', ')}`,
      });
      return z.NEVER;
    }
    return known ?? 'euro_dcat_ap_3';
  });

/** Query of `/catalog.{format}`, as ckanext-dcat takes it. */
export const CatalogQuerySchema = z.object({
  /** 1-based page of DATASETS_PER_PAGE datasets. */
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  /** Only datasets modified on or after this day (UTC). */
  modified_since: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal YYYY-MM-DD / Date YYYY-MM-DD')
    .optional(),
  /** Free-text and field queries, passed to package_search. */
  q: z.string().max(2000).optional(),
  fq: z.string().max(2000).optional(),
  /** ckanext-dcat's `profiles` (comma-separated); `euro_dcat_ap_2` selects DCAT-AP 2.1.1. */
  profiles: ProfilesSchema,
});
export type CatalogQuery = z.infer<typeof CatalogQuerySchema>;

/** Matches `/dataset/{id-or-name}.{ttl|jsonld|rdf|…}` only, so `/dataset/{name}` stays free for the page. */
const DATASET_FILE = `/dataset/:file(^[\\w.-]+\\.(?:${Object.keys(RDF_FORMATS).join('|')})$)`;

/**
 * Linked data is public-only: whoever calls, the search and the dataset load run as the
 * anonymous public, so a signed-in producer's private or draft datasets never appear.
 */
function publicContext(req: FastifyRequest, deps: AppDeps): ActionContext {
  return { ...actionContext(req, deps.database, deps.config.siteUrl), actor: ANONYMOUS };
}

/** The same listing's URL for another page, keeping the filters (Hydra links). */
function pageUrlFor(siteUrl: string, format: RdfFormat, query: CatalogQuery) {
  return (page: number) => {
    const params = new URLSearchParams();
    if (query.profiles !== 'euro_dcat_ap_3') params.set('profiles', query.profiles);
    for (const key of ['modified_since', 'q', 'fq'] as const) {
      const v = query[key];
      if (v) params.set(key, v);
    }
    params.set('page', String(page));
    return `${siteUrl}/catalog.${format}?${params}`;
  };
}

async function sendQuads(reply: FastifyReply, quads: Quad[], format: RdfFormat) {
  const body = await serializeRdf(quads, format);
  return reply.type(`${RDF_FORMATS[format]}; charset=utf-8`).send(body);
}

function sendRdf(reply: FastifyReply, graph: ReturnType<typeof buildDatasetGraph>, format: RdfFormat) {
  return sendQuads(reply, graph.quads(), format);
}

async function readCatalog(req: FastifyRequest, reply: FastifyReply, deps: AppDeps, format: RdfFormat) {
  const query = parseInput(CatalogQuerySchema, req.query);
  const ctx = publicContext(req, deps);
  const fq = [query.fq, query.modified_since && `metadata_modified:[${query.modified_since} TO *]`];
  const search = (rows: number, start: number, filtered: boolean) =>
    runPackageSearch(
      ctx,
      PackageSearchSchema.parse({
        rows,
        start,
        facet: false,
        sort: 'metadata_modified desc',
        ...(filtered ? { q: query.q, fq_list: fq.filter((f): f is string => Boolean(f)) } : {}),
      }),
    );
  const page = await search(DATASETS_PER_PAGE, (query.page - 1) * DATASETS_PER_PAGE, true);
  if (query.page > lastPage(page.count))
    throw new NotFoundError({ id: 'Halaman katalog tidak ada', en: 'No such catalog page' });
  const latest = await search(1, 0, false);
  const { regionCode, regionName } = deps.site;
  const regionNames = await loadRegionNames(ctx.db, page.results, [regionCode]);
  if (query.profiles === 'schemaorg')
    return sendQuads(
      reply,
      await schemaOrgQuads(page.results.map((d) => datasetSchemaOrg(d, deps.config.siteUrl, regionNames))),
      format,
    );
  // Published publications ride on the first page of an unfiltered listing (or one filtered
  // only by modified_since, which they honour too); a search by words or fields is for datasets.
  const since = query.modified_since ? new Date(`${query.modified_since}T00:00:00Z`) : null;
  const publications =
    query.page === 1 && !query.q && !query.fq
      ? (await catalogPublications(ctx.db)).filter((p) => !since || p.modified >= since)
      : [];
  const graph = buildCatalogGraph(
    { siteUrl: deps.config.siteUrl, regionNames, profile: query.profiles },
    {
      region: { code: regionCode, name: regionName },
      datasets: page.results,
      publications,
      lastModified: latest.results[0]?.metadata_modified ?? null,
      paging: {
        page: query.page,
        totalItems: page.count,
        pageUrl: pageUrlFor(deps.config.siteUrl, format, query),
      },
    },
  );
  return sendRdf(reply, graph, format);
}

async function readDataset(req: FastifyRequest, reply: FastifyReply, deps: AppDeps) {
  const { file } = req.params as { file: string };
  const dot = file.lastIndexOf('.');
  const format = file.slice(dot + 1);
  if (!isRdfFormat(format)) throw new NotFoundError({ id: 'Format tidak dikenal', en: 'Unknown format' });
  return sendDatasetRdf(req, reply, deps, file.slice(0, dot), format);
}

/** One public dataset as RDF (`/dataset/{id}.{ext}`, or `/dataset/{id}` asked for RDF in `Accept`). */
export async function sendDatasetRdf(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  idOrName: string,
  format: RdfFormat,
) {
  const { profiles: profile } = parseInput(z.object({ profiles: ProfilesSchema }), req.query);
  const ctx = publicContext(req, deps);
  const dataset = await loadVisibleDataset(ctx, idOrName);
  const [dict] = await presentPackages(ctx.db, [dataset], deps.config.siteUrl);
  if (!dict) throw new NotFoundError({ id: 'Dataset tidak ditemukan', en: 'Dataset not found' });
  const regionNames = await loadRegionNames(ctx.db, [dict]);
  if (profile === 'schemaorg')
    return sendQuads(
      reply,
      await schemaOrgQuads([datasetSchemaOrg(dict, deps.config.siteUrl, regionNames)]),
      format,
    );
  return sendRdf(
    reply,
    buildDatasetGraph({ siteUrl: deps.config.siteUrl, regionNames, profile }, dict),
    format,
  );
}

/**
 * ckanext-dcat's endpoints: `/catalog.{ttl|jsonld|rdf}` (DCAT-AP 3, 100 datasets a page with
 * Hydra paging, `?modified_since=`) and `/dataset/{id}.{ttl|jsonld|rdf}`. `n3` and `xml` are
 * the aliases ckanext-dcat also accepts.
 */
export async function linkedDataRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  for (const format of Object.keys(RDF_FORMATS) as RdfFormat[])
    app.get(`/catalog.${format}`, (req, reply) => readCatalog(req, reply, deps, format));
  app.get(DATASET_FILE, (req, reply) => readDataset(req, reply, deps));
  // ckanext-dcat's content negotiation: `/catalog` in the serialization `Accept` names
  // (Turtle when it names none of them).
  app.get('/catalog', (req, reply) =>
    readCatalog(req, reply, deps, rdfFormatFromAccept(req.headers.accept) ?? 'ttl'),
  );
}
