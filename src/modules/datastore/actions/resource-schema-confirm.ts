/**
 * `resource_schema_confirm`: the producer accepts the schema proposed for a first upload
 * (first-upload.ts), optionally changing column types; it becomes the resource's declared
 * schema and the held upload is read again against it — loaded if it fits, refused with its
 * errors by row and column if not.
 */
import { z } from 'zod';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { ConflictError } from '../../../kernel/errors.js';
import { enqueueJob } from '../../../kernel/jobs/job.repository.js';
import { notifyJobRunners } from '../../../kernel/jobs/job-runner.js';
import { FIELD_TYPES, type TableSchema } from '../../../kernel/table-schema/table-schema.js';
import { tableSchemaInput } from '../domain/table-schema/table-schema-input.js';
import { proposalOf } from '../first-upload.js';
import { INGEST_JOB } from '../ingest-job.js';
import { setResourceTableSchema } from '../resource.repository.js';
import { latestResourceVersion, requeueProposedVersion } from '../resource-version.repository.js';
import { loadSchemaTarget } from './resource-schema-update.js';

const NOTHING_PROPOSED = {
  id: 'Tidak ada unggahan yang menunggu konfirmasi skema',
  en: 'No upload is waiting for its schema to be confirmed',
};

/** The proposal with the producer's type choices applied (a text column keeps no number marks). */
export function withChosenTypes(schema: TableSchema, types: Record<string, string>): TableSchema {
  const fields = schema.fields.map((field) => {
    const chosen = FIELD_TYPES.find((t) => t === types[field.name]);
    if (!chosen || chosen === field.type) return field;
    const { decimalChar: _d, groupChar: _g, ...rest } = field;
    return chosen === 'number' || chosen === 'integer'
      ? { ...field, type: chosen }
      : { ...rest, type: chosen };
  });
  return { ...schema, fields };
}

export const resourceSchemaConfirm = defineAction({
  name: 'resource_schema_confirm',
  requires: 'dataset:update',
  sideEffectFree: false,
  input: z.object({
    /** The resource whose latest upload waits with a proposed schema. */
    id: z.string().min(1).max(100),
    /** Column types the producer changed: `{ "jumlah": "string" }` (field name → type). */
    types: z.record(z.string().max(63), z.string().max(20)).optional(),
  }),
  // The resource is loaded (locked) and checked once, in run()'s transaction.
  authorize: () => {},
  async run(ctx, input) {
    const result = await mutate(ctx, async (trx, audit) => {
      const { resource, dataset } = await loadSchemaTarget(ctx, trx, input.id);
      const version = await latestResourceVersion(trx, resource.id);
      const proposal = proposalOf(version?.report);
      if (version?.state !== 'proposed' || !version.table_schema || !proposal)
        throw new ConflictError(NOTHING_PROPOSED);
      const schema = tableSchemaInput.parse(withChosenTypes(version.table_schema, input.types ?? {}));
      await setResourceTableSchema(trx, resource.id, schema);
      if (!(await requeueProposedVersion(trx, version.id))) throw new ConflictError(NOTHING_PROPOSED);
      await enqueueJob(trx, INGEST_JOB, {
        versionId: version.id,
        ...(proposal.sheet ? { sheet: proposal.sheet } : {}),
      });
      await audit({
        action: 'resource_schema_confirm',
        subjectType: 'resource',
        subjectId: resource.id,
        summary: {
          dataset: dataset.id,
          version: version.number,
          fields: schema.fields.map((f) => `${f.name}:${f.type}`),
          changed: Object.keys(input.types ?? {}),
        },
      });
      return { resource_id: resource.id, version: version.number, table_schema: schema };
    });
    notifyJobRunners();
    return result;
  },
});
