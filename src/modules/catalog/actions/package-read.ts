import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import type { ActionContext } from '../../../kernel/actions/context.js';
import { NotFoundError } from '../../../kernel/errors.js';
import { findResource, listPublicDatasetNames } from '../dataset.repository.js';
import { autocompleteDatasets } from '../dataset-search.repository.js';
import {
  DATASET_NOT_FOUND,
  loadVisibleDataset,
  searchVisibility,
  showPackageText,
  storedPackages,
} from './dataset-access.js';
import { ROWS_MAX, runPackageSearch } from './package-search.js';

const portal = (ctx: ActionContext) => authorize(ctx.actor, 'portal:read');

/** CKAN `package_show`: one dataset by id or name; hidden datasets are "not found". */
export const packageShow = defineAction({
  name: 'package_show',
  sideEffectFree: true,
  // Anonymous repeats from the page cache (its view count then up to a minute old); each hit
  // is still counted as API use.
  anonymousCache: true,
  input: z.object({ id: z.string().min(1).max(200) }),
  authorize: portal,
  async run(ctx, input) {
    const d = await loadVisibleDataset(ctx, input.id);
    // The stored dict, with what other modules add (the SDI conformity score).
    const [dict] = await storedPackages(ctx.db, [d.id], ctx.siteUrl ?? '');
    if (!dict) throw new NotFoundError(DATASET_NOT_FOUND);
    return dict;
  },
  // The API's answer: the stored dict's text in one statement (issue #21).
  runAsJson: (ctx, input) => showPackageText(ctx, input.id),
});

/** CKAN's default_pagination_schema: natural numbers, no maximum (package_list has none). */
const Paging = z.object({
  limit: z.coerce.number().int().min(0).optional(),
  offset: z.coerce.number().int().min(0).default(0),
});

/** CKAN `package_list`: names of public active datasets, sorted by name. */
export const packageList = defineAction({
  name: 'package_list',
  sideEffectFree: true,
  anonymousCache: true,
  input: Paging,
  authorize: portal,
  async run(ctx, input) {
    return listPublicDatasetNames(ctx.db, { offset: input.offset, limit: input.limit });
  },
});

/** CKAN `current_package_list_with_resources`: newest-modified public datasets with resources. */
export const currentPackageListWithResources = defineAction({
  name: 'current_package_list_with_resources',
  sideEffectFree: true,
  anonymousCache: true,
  input: Paging.extend({ page: z.coerce.number().int().min(1).optional() }),
  authorize: portal,
  async run(ctx, input) {
    // The underlying package_search clamps rows to its maximum, as CKAN's schema does.
    const rows = Math.min(input.limit ?? 10, ROWS_MAX);
    const start = input.page ? (input.page - 1) * rows : input.offset;
    const r = await runPackageSearch(ctx, {
      q: '',
      rows,
      start,
      sort: 'metadata_modified desc',
      facet: false,
      'facet.limit': 50,
      'facet.mincount': 1,
      include_private: false,
      include_drafts: false,
      include_deleted: false,
    });
    return r.results;
  },
});

/** CKAN `resource_show`: one resource, taken from its (visible) dataset. */
export const resourceShow = defineAction({
  name: 'resource_show',
  sideEffectFree: true,
  input: z.object({ id: z.string().min(1).max(100) }),
  authorize: portal,
  async run(ctx, input) {
    const r = await findResource(ctx.db, input.id);
    const notFound = new NotFoundError({ id: 'Sumber daya tidak ditemukan', en: 'Resource not found' });
    if (r?.state !== 'active') throw notFound;
    const d = await loadVisibleDataset(ctx, r.dataset_id).catch(() => {
      throw notFound;
    });
    const [dict] = await storedPackages(ctx.db, [d.id], ctx.siteUrl ?? '');
    const res = dict?.resources.find((x) => x.id === r.id);
    if (!res) throw notFound;
    return res;
  },
});

/** CKAN `package_autocomplete`: datasets whose title or name starts with the typed words. */
export const packageAutocomplete = defineAction({
  name: 'package_autocomplete',
  sideEffectFree: true,
  input: z.object({
    q: z.string().max(200).default(''),
    limit: z.coerce.number().int().min(1).max(100).default(10),
  }),
  authorize: portal,
  async run(ctx, input) {
    const rows = await autocompleteDatasets(ctx.db, input.q, searchVisibility(ctx.actor), input.limit);
    return rows.map((r) => ({
      name: r.name,
      title: r.title,
      match_field: 'title',
      match_displayed: r.title,
    }));
  },
});
