import type { PageContext } from '../../../kernel/http/page-context.js';
import { findResource, type PackageDict } from '../../catalog/index.js';
import { standardColumnsOfDataset } from '../../metadata/index.js';
import { wt } from './workspace.messages.js';

/** The columns a dataset's data standard declares, and which resources take them (no own schema). */
export interface StandardColumnsView {
  title: string;
  columns: string[];
  inheritedBy: Set<string>;
}

/** Set by the route before rendering, as the ingest views are (the section gets only the dict). */
const VIEWS = new WeakMap<PackageDict, StandardColumnsView>();

export async function attachStandardColumns(
  db: Parameters<typeof standardColumnsOfDataset>[0],
  dict: PackageDict,
): Promise<void> {
  const standard = await standardColumnsOfDataset(db, dict.id);
  if (!standard?.table_schema) return;
  const inheritedBy = new Set<string>();
  for (const r of dict.resources)
    if ((await findResource(db, r.id))?.table_schema === null) inheritedBy.add(r.id);
  VIEWS.set(dict, {
    title: standard.title,
    columns: standard.table_schema.fields.map((f) => f.title || f.name),
    inheritedBy,
  });
}

/**
 * Says that a first upload is checked against the columns of the dataset's data standard
 * (issue #17), for a new resource (no `resourceId`) or one without a schema of its own.
 */
export function StandardColumnsNote({
  ctx,
  dict,
  resourceId,
}: {
  ctx: PageContext;
  dict: PackageDict;
  resourceId?: string;
}) {
  const view = VIEWS.get(dict);
  if (!view || (resourceId && !view.inheritedBy.has(resourceId))) return '';
  return (
    <p class="hint" safe>
      {wt(ctx.locale, 'resources.standardColumns', {
        standard: view.title,
        columns: view.columns.join(', '),
      })}
    </p>
  );
}
