import type { Kysely } from 'kysely';
import type { ActionContext } from '../../../kernel/actions/context.js';
import type { DB } from '../../../kernel/db/schema.js';
import { loadEditableDataset } from '../actions/dataset-load.js';
import { listDataStandards } from '../data-standard.repository.js';
import { buildMetadataDocument } from '../metadata-document.js';
import { listStatisticalActivities } from '../statistical-activity.repository.js';
import type { ActivityOption, StandardView } from './metadata.views.js';

/** The page loaders of the metadata back office: what the templates render, read once. */

/** The dataset (if the actor may fill its metadata: else 404/403) and its metadata document. */
export async function loadEditableDocument(ctx: ActionContext, name: string) {
  const d = await loadEditableDataset(ctx, name);
  return { d, doc: await buildMetadataDocument(ctx.db, d) };
}

/** The metadata overview: the document, every standard and the dataset agency's activities. */
export async function loadMetadataOverview(ctx: ActionContext, name: string) {
  const { d, doc } = await loadEditableDocument(ctx, name);
  const [standards, activities] = await Promise.all([
    listDataStandards(ctx.db, { limit: 1000, offset: 0 }),
    listStatisticalActivities(ctx.db, { agencyId: d.agency_id, limit: 1000, offset: 0 }),
  ]);
  const options: ActivityOption[] = activities.map((a) => ({
    id: a.id,
    title: a.title,
    activity_code: a.activity_code,
  }));
  return { doc, standards, activities: options };
}

/** The region's data standards, for the back-office list. */
export async function loadStandardList(db: Kysely<DB>): Promise<StandardView[]> {
  return listDataStandards(db, { limit: 1000, offset: 0 });
}
