import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import type { FileStore } from '../../kernel/storage/file-store.js';
import { insertBatch } from './backup.repository.js';
import { invalidBackup, isRecord, isStringArray, messageOf, parseJson } from './backup-file.js';
import { FileRestorer } from './backup-files.js';
import { assertEmpty } from './restore-checks.js';
import { type ColumnInfo, findColumn, requireTable, type TableInfo } from './tables.js';

/** Rows sent per INSERT while restoring. */
const INSERT_BATCH = 1000;

type RestoreState = 'header' | 'between' | 'rows' | 'done';

/** Consumes the file line by line; inserts rows in batches as they come. */
export class Restorer {
  readonly counts: { name: string; rows: number }[] = [];
  readonly restoredTables: TableInfo[] = [];
  private state: RestoreState = 'header';
  private lineNo = 0;
  private table: TableInfo | undefined;
  private columns: ColumnInfo[] = [];
  private batch: string[] = [];
  private rows = 0;
  /** The stored files section (format version 2), written through the file store. */
  readonly files: FileRestorer;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly target: Map<string, TableInfo>,
    private readonly file: string,
    store?: FileStore,
  ) {
    this.files = new FileRestorer(store, file);
  }

  async accept(line: string): Promise<void> {
    this.lineNo++;
    if (line.trim() === '') return;
    if (this.state === 'header') {
      this.state = 'between';
      return;
    }
    if (this.state === 'rows' && line.startsWith('[')) return this.acceptRow(line);
    if (this.state === 'between' && this.files.inFile) {
      if (line.startsWith('"')) return this.files.chunk(line, this.lineNo);
      const end = parseJson(line, this.file, this.lineNo);
      if (!isRecord(end)) throw this.invalid('expected file data or its end');
      return this.files.end(end, this.lineNo);
    }
    const value = parseJson(line, this.file, this.lineNo);
    if (!isRecord(value)) throw this.invalid('expected a table, end or done marker');
    if (this.state === 'between') return this.acceptBetween(value);
    if (this.state === 'rows') return this.acceptEnd(value);
    throw this.invalid('data after the done marker');
  }

  /** The file must have ended with its done marker: otherwise it was cut short. */
  finish(): void {
    if (this.state !== 'done') throw invalidBackup(this.file, 'the file is truncated (no done marker)');
  }

  private async acceptBetween(value: Record<string, unknown>): Promise<void> {
    if (value.done === true) {
      this.state = 'done';
      return;
    }
    if (typeof value.file === 'string') return this.files.start(value, this.lineNo);
    if (typeof value.table !== 'string' || !isStringArray(value.columns)) {
      throw this.invalid('expected a table start line');
    }
    const table = requireTable(this.target, value.table);
    await assertEmpty(this.db, table);
    this.table = table;
    this.columns = value.columns.map((name) => findColumn(table, name));
    this.rows = 0;
    this.state = 'rows';
  }

  private async acceptRow(line: string): Promise<void> {
    const row = parseJson(line, this.file, this.lineNo);
    if (!Array.isArray(row) || row.length !== this.columns.length) {
      throw this.invalid(`a row must be an array of ${this.columns.length} values`);
    }
    // The text itself is sent: JSON.parse would round big numbers.
    this.batch.push(line);
    this.rows++;
    if (this.batch.length >= INSERT_BATCH) await this.flush();
  }

  private async acceptEnd(value: Record<string, unknown>): Promise<void> {
    const table = this.table;
    if (!table || value.end !== table.name) throw this.invalid(`expected the end of table ${table?.name}`);
    if (value.rows !== this.rows) {
      throw this.invalid(`table ${table.name} should have ${String(value.rows)} rows, found ${this.rows}`);
    }
    await this.flush();
    this.counts.push({ name: table.name, rows: this.rows });
    this.restoredTables.push(table);
    this.state = 'between';
  }

  private async flush(): Promise<void> {
    const table = this.table;
    if (!table || this.batch.length === 0) return;
    const json = `[${this.batch.join(',')}]`;
    this.batch = [];
    try {
      await insertBatch(this.db, table, this.columns, json);
    } catch (err) {
      throw new Error(
        `Pemulihan gagal pada tabel ${table.name} / Restore failed at table ${table.name} ` +
          `(${this.file}, near line ${this.lineNo}): ${messageOf(err)}`,
        { cause: err },
      );
    }
  }

  private invalid(reason: string): Error {
    return invalidBackup(this.file, `line ${this.lineNo}: ${reason}`);
  }
}
