/**
 * The first upload of a resource without a declared schema (issue #17): declare → validate →
 * confirm → load. The file is read, a schema is inferred from it and proposed (with the rows
 * that do not fit a mostly-numeric column), and the version waits in state `proposed`; nothing
 * loads. The producer confirms (actions/resource-schema-confirm.ts), the schema becomes the
 * resource's declared one, and the same version is queued again: from then on it is checked and
 * loaded like every later upload. Kept apart from ingest.ts so the load itself can be sped up
 * without touching this path.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import type { FileStore } from '../../kernel/storage/file-store.js';
import { closePersonalIdentifiers } from './domain/pii-schema.js';
import type { TableReading, TableRow } from './domain/table-reading/table-reading.js';
import { inferTableSchema } from './domain/validation/infer-table-schema.js';
import {
  NumericShareCounter,
  type ProposalException,
  type SchemaProposal,
} from './domain/validation/propose-table-schema.js';
import { refineInferredSchema } from './domain/validation/refine-inferred-schema.js';
import { openReading, type Sample, type StoredTable, type StyleOption } from './ingest-reading.js';
import { markVersionProposed } from './resource-version.repository.js';

/** What a proposed version keeps in its `report`: the exceptions and the sheet to read again. */
export interface ProposalReport {
  proposal: true;
  row_count: number;
  exceptions: ProposalException[];
  sheet: string | null;
}

async function* listed(rows: readonly TableRow[]): AsyncIterable<TableRow> {
  yield* rows;
}

/** Infer the schema from the sample, then check it and count numeric shares over every row. */
export async function proposeSchema(
  files: FileStore,
  file: StoredTable,
  sheet: string | undefined,
  reading: TableReading<unknown>,
  sample: Sample,
  styleOption: StyleOption,
): Promise<SchemaProposal & { rowCount: number }> {
  const inferred = closePersonalIdentifiers(
    inferTableSchema(reading.columns, sample.rows, styleOption),
    sample.rows,
  ).schema;
  const counter = new NumericShareCounter(reading.columns, sample.rows, styleOption.numberStyle);
  const whole = sample.isDone ? undefined : await openReading(files, file, sheet, () => {});
  let rowCount = 0;
  async function* counted(rows: AsyncIterable<TableRow>) {
    for await (const row of rows) {
      counter.see(row);
      rowCount++;
      yield row;
    }
  }
  try {
    const refined = await refineInferredSchema(
      inferred,
      counted(whole ? whole.rows : listed(sample.rows)),
      styleOption,
    );
    return { ...counter.propose(refined), rowCount };
  } finally {
    whole?.close();
  }
}

/** Record the proposal on the version; it waits for the producer. */
export async function holdForConfirmation(
  db: Kysely<DB>,
  versionId: string,
  proposal: SchemaProposal & { rowCount: number },
  sheet: string | undefined,
): Promise<void> {
  const report: ProposalReport = {
    proposal: true,
    row_count: proposal.rowCount,
    exceptions: proposal.exceptions,
    sheet: sheet ?? null,
  };
  await markVersionProposed(db, versionId, proposal.schema, report);
}

/** The proposal stored on a version, when it is one. */
export function proposalOf(report: unknown): ProposalReport | null {
  return report && typeof report === 'object' && (report as { proposal?: unknown }).proposal === true
    ? (report as ProposalReport)
    : null;
}
