import type { Kysely, Selectable } from 'kysely';
import type {
  FormValues,
  IndicatorMetadataTable,
  VariableMetadataTable,
} from '../../kernel/db/schema/metadata.js';
import type { DB } from '../../kernel/db/schema.js';

export type VariableMetadata = Selectable<VariableMetadataTable>;
export type IndicatorMetadata = Selectable<IndicatorMetadataTable>;

/** Save the typed MS-Var answers of one column (insert or replace). */
export async function upsertVariableMetadata(
  db: Kysely<DB>,
  resourceId: string,
  fieldName: string,
  values: FormValues,
): Promise<VariableMetadata> {
  const json = JSON.stringify(values);
  return db
    .insertInto('variable_metadata')
    .values({ resource_id: resourceId, field_name: fieldName, ms_var: json })
    .onConflict((oc) =>
      oc.columns(['resource_id', 'field_name']).doUpdateSet({ ms_var: json, updated_at: new Date() }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Typed MS-Var answers of the given resources' columns. */
export async function listVariableMetadata(
  db: Kysely<DB>,
  resourceIds: readonly string[],
): Promise<VariableMetadata[]> {
  if (resourceIds.length === 0) return [];
  return db
    .selectFrom('variable_metadata')
    .selectAll()
    .where('resource_id', 'in', resourceIds)
    .orderBy('resource_id')
    .orderBy('field_name')
    .execute();
}

export async function findIndicator(db: Kysely<DB>, id: string): Promise<IndicatorMetadata | undefined> {
  return db.selectFrom('indicator_metadata').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A dataset's indicators in their order. */
export async function listIndicators(db: Kysely<DB>, datasetId: string): Promise<IndicatorMetadata[]> {
  return db
    .selectFrom('indicator_metadata')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
}

export async function insertIndicator(
  db: Kysely<DB>,
  row: { dataset_id: string; name: string; ms_ind: FormValues },
): Promise<IndicatorMetadata> {
  const next = await db
    .selectFrom('indicator_metadata')
    .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.val(-1)).as('max'))
    .where('dataset_id', '=', row.dataset_id)
    .executeTakeFirstOrThrow();
  return db
    .insertInto('indicator_metadata')
    .values({ ...row, ms_ind: JSON.stringify(row.ms_ind), position: Number(next.max) + 1 })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateIndicator(
  db: Kysely<DB>,
  id: string,
  row: { name: string; ms_ind: FormValues },
): Promise<IndicatorMetadata> {
  return db
    .updateTable('indicator_metadata')
    .set({ name: row.name, ms_ind: JSON.stringify(row.ms_ind), updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
