import type { Kysely } from 'kysely';
import type { Actor } from '../../../kernel/access/policy.js';
import type { DB } from '../../../kernel/db/schema.js';
import { NotFoundError } from '../../../kernel/errors.js';
import { loadPreview, type PreviewData } from '../read/preview.js';
import { listLoadedResources } from '../read/readable-table.js';
import { previewState, queryOf } from './preview-links.js';

/**
 * The dataset page's table previews, loaded before the page renders: one per resource with a
 * loaded table the reader may see, in resource order. The table named by `tabel` in the page's
 * query string (else the first) gets the reader's paging, sort, filter and chart choices.
 */
export async function loadDatastorePreviews(
  db: Kysely<DB>,
  actor: Actor,
  datasetId: string,
  path: string,
): Promise<PreviewData[]> {
  const loaded = await listLoadedResources(db, datasetId);
  if (loaded.length === 0) return [];
  const q = queryOf(path);
  const chosen = q.get('tabel');
  const previews: PreviewData[] = [];
  for (const r of loaded) {
    const state =
      chosen === r.id || (!chosen && r === loaded[0]) ? previewState(q) : previewState(new URLSearchParams());
    try {
      previews.push(await loadPreview(db, actor, r.id, state));
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
    }
  }
  return previews;
}
