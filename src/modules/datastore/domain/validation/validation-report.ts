/**
 * The validation report of one upload (issue #4 item 3): counts per error kind and, for each
 * kind, the first examples with row, column, value and a message in Bahasa Indonesia and
 * English. Stored as JSON in `resource_version.report` and returned by `resource_validation_show`.
 */

/** Problems that refuse the upload (nothing is loaded). */
export const ERROR_KINDS = [
  'missing-column',
  'extra-column',
  'blank-row',
  'extra-cell',
  'type-error',
  'required-error',
  'range-error',
  'length-error',
  'pattern-error',
  'enum-error',
  'unique-error',
  'primary-key-error',
  'foreign-key-error',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** Problems worth a look that never block the load. */
export const WARNING_KINDS = ['sum-mismatch', 'period-change'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

export type IssueKind = ErrorKind | WarningKind;

/** One example of a problem, as people see it in the file. */
export interface ValidationExample {
  /** Row number as the file shows it (1-based, header counted); null for a header problem. */
  row: number | null;
  /** The column as the file or the schema names it; null for a whole-row problem. */
  column: string | null;
  /** The cell's text; null when there is no single cell. */
  value: string | null;
  message: string;
  message_en: string;
}

/** All problems of one kind: how many, and the first few. */
export interface ValidationIssueGroup<K extends IssueKind = IssueKind> {
  kind: K;
  /** Name of the kind, e.g. "Tipe data salah". */
  title: string;
  title_en: string;
  count: number;
  examples: ValidationExample[];
}

export interface ValidationReport {
  /** True when there is no error (warnings allowed): the upload may be loaded. */
  valid: boolean;
  /** Data rows read (blank rows not counted). */
  row_count: number;
  error_count: number;
  warning_count: number;
  /** Groups in a fixed order (that of ERROR_KINDS), only kinds that occurred. */
  errors: ValidationIssueGroup<ErrorKind>[];
  warnings: ValidationIssueGroup<WarningKind>[];
  /** Checks that could not run (e.g. too many rows for the period comparison), bilingual. */
  notes?: { message: string; message_en: string }[];
}

export const KIND_TITLES: Record<IssueKind, { id: string; en: string }> = {
  'missing-column': { id: 'Kolom tidak ada', en: 'Missing column' },
  'extra-column': { id: 'Kolom tambahan', en: 'Extra column' },
  'blank-row': { id: 'Baris kosong', en: 'Blank row' },
  'extra-cell': { id: 'Sel di luar kolom', en: 'Cell outside the columns' },
  'type-error': { id: 'Tipe data salah', en: 'Wrong type' },
  'required-error': { id: 'Nilai wajib kosong', en: 'Missing required value' },
  'range-error': { id: 'Di luar rentang', en: 'Out of range' },
  'length-error': { id: 'Panjang teks salah', en: 'Wrong text length' },
  'pattern-error': { id: 'Tidak sesuai pola', en: 'Does not match the pattern' },
  'enum-error': { id: 'Bukan pilihan yang diizinkan', en: 'Not an allowed value' },
  'unique-error': { id: 'Nilai ganda', en: 'Duplicate value' },
  'primary-key-error': { id: 'Kunci ganda', en: 'Duplicate key' },
  'foreign-key-error': { id: 'Kode referensi tidak dikenal', en: 'Unknown reference code' },
  'sum-mismatch': {
    id: 'Total tidak sama dengan jumlah rinciannya',
    en: 'Total differs from the sum of its parts',
  },
  'period-change': {
    id: 'Perubahan besar dari periode sebelumnya',
    en: 'Large change from the previous period',
  },
};

/** Collects problems per kind, keeping counts of all and the first `maxExamples` of each. */
export class ReportBuilder {
  private readonly groups = new Map<IssueKind, ValidationIssueGroup>();
  private readonly notes: { message: string; message_en: string }[] = [];
  errorCount = 0;
  warningCount = 0;

  constructor(private readonly maxExamples: number) {}

  /** Records `count` problems of a kind (several blank rows at once), with one example. */
  add(kind: IssueKind, example: ValidationExample | (() => ValidationExample), count = 1): void {
    let group = this.groups.get(kind);
    if (!group) {
      const title = KIND_TITLES[kind];
      group = { kind, title: title.id, title_en: title.en, count: 0, examples: [] };
      this.groups.set(kind, group);
    }
    group.count += count;
    if ((WARNING_KINDS as readonly string[]).includes(kind)) this.warningCount += count;
    else this.errorCount += count;
    if (group.examples.length < this.maxExamples)
      group.examples.push(typeof example === 'function' ? example() : example);
  }

  note(message: string, message_en: string): void {
    this.notes.push({ message, message_en });
  }

  build(rowCount: number): ValidationReport {
    const errors = ERROR_KINDS.flatMap((kind) => {
      const group = this.groups.get(kind);
      return group ? [group as ValidationIssueGroup<ErrorKind>] : [];
    });
    const warnings = WARNING_KINDS.flatMap((kind) => {
      const group = this.groups.get(kind);
      return group ? [group as ValidationIssueGroup<WarningKind>] : [];
    });
    return {
      valid: this.errorCount === 0,
      row_count: rowCount,
      error_count: this.errorCount,
      warning_count: this.warningCount,
      errors,
      warnings,
      ...(this.notes.length > 0 ? { notes: [...this.notes] } : {}),
    };
  }
}
