import type { FastifyReply, FastifyRequest } from 'fastify';
import { authorize, can } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext } from '../../../kernel/http/request-context.js';
import { findAgency, listAgencies } from '../../agencies/index.js';
import { listTopics, type PackageDict, packageShow } from '../../catalog/index.js';
import { loadIngestViews } from '../../datastore/index.js';
import { DatasetFormPage, type DatasetFormValues } from './dataset-form.page.js';
import { attachIngestViews } from './dataset-resources.js';
import { loadDatasetWork } from './dataset-work.routes.js';
import { attachStandardColumns } from './standard-columns-note.js';

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : [];
const split = (v: unknown) =>
  String(v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * A URL name made from a title (issue #17 item 8): "Jumlah Penduduk Kecamatan 2025" →
 * "jumlah-penduduk-kecamatan-2025"; accents dropped, anything else a hyphen, at most 100.
 */
export function urlNameFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .slice(0, 100)
    .replace(/^[-_]+|[-_]+$/g, '');
}

/** Browser form fields → the package_create / package_update input. */
export function formToInput(body: Record<string, unknown>, mayPublish: boolean) {
  const state = body.state === 'active' ? 'active' : 'draft';
  const isPublic = mayPublish && body.public === 'true' && state === 'active';
  return {
    name: String(body.name ?? '').trim(),
    title: String(body.title ?? ''),
    notes: String(body.notes ?? ''),
    owner_org: String(body.owner_org ?? ''),
    license_id: String(body.license_id ?? 'CC-BY-4.0'),
    update_frequency: body.update_frequency ? String(body.update_frequency) : null,
    temporal_start: body.temporal_start ? String(body.temporal_start) : null,
    temporal_end: body.temporal_end ? String(body.temporal_end) : null,
    spatial: split(body.spatial),
    tags: split(body.tags),
    groups: list(body.groups),
    maintainer: String(body.maintainer ?? ''),
    maintainer_email: String(body.maintainer_email ?? ''),
    state,
    private: !isPublic,
  };
}

export function formValues(input: ReturnType<typeof formToInput>, since: string): DatasetFormValues {
  return {
    ...input,
    update_frequency: input.update_frequency ?? '',
    temporal_start: input.temporal_start ?? '',
    temporal_end: input.temporal_end ?? '',
    spatial: input.spatial.join(', '),
    tags: input.tags.join(', '),
    public: !input.private,
    if_unmodified_since: since,
  };
}

/** What the dataset form's routes share: the action context, the form renderer, the dict loader. */
export type DatasetForms = ReturnType<typeof datasetForms>;

/** The form renderer and loaders of the dataset back office, over the app's dependencies. */
export function datasetForms({ config, database, site }: AppDeps) {
  const db = database.db;
  const ctxOf = (req: FastifyRequest) => actionContext(req, database, config.siteUrl);

  /** Agencies the actor may create datasets for. */
  async function writableAgencies(req: FastifyRequest) {
    return (await listAgencies(db)).filter((a) => can(req.actor, 'dataset:create', { agencyId: a.id }));
  }

  /** The dataset form, with the actor's agencies, the topics, uploads' ingest state and SDI work. */
  async function renderForm(
    req: FastifyRequest,
    reply: FastifyReply,
    values: DatasetFormValues,
    extra: {
      dict?: PackageDict;
      errors?: Record<string, string[]>;
      status?: number;
      notice?: string;
      /** What was typed into a refused resource form (kept). */
      resourceTyped?: Record<string, string>;
    } = {},
  ) {
    const agency = await findAgency(db, { code: values.owner_org });
    if (extra.dict) {
      attachIngestViews(
        extra.dict,
        await loadIngestViews(
          db,
          extra.dict.resources.map((r) => r.id),
        ),
      );
      await attachStandardColumns(db, extra.dict);
    }
    const ctx = { ...pageContext(req, reply, site), notice: extra.notice };
    const view = {
      values,
      agencies: await writableAgencies(req),
      topics: await listTopics(db),
      mayPublish: can(req.actor, 'dataset:publish', { agencyId: agency?.id ?? req.actor.agencyId }),
      errors: extra.errors,
      dict: extra.dict,
      resourceTyped: extra.resourceTyped,
      work: extra.dict ? await loadDatasetWork(req, { database, config }, extra.dict) : undefined,
    };
    return reply
      .code(extra.status ?? 200)
      .type('text/html; charset=utf-8')
      .send(DatasetFormPage({ ctx, view }));
  }

  /** package_show of a dataset the actor may update (403 otherwise), for its edit pages. */
  async function loadDict(req: FastifyRequest, name: string): Promise<PackageDict> {
    const dict = await executeAction(ctxOf(req), packageShow, { id: name });
    if (!dict) throw new Error('package_show returned nothing');
    authorize(req.actor, 'dataset:update', { agencyId: dict.owner_org });
    return dict;
  }

  return { ctxOf, writableAgencies, renderForm, loadDict };
}
