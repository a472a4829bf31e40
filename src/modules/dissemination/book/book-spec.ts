import { z } from 'zod';

const words = (min: number, max: number) => z.string().trim().min(min).max(max);

/** One table of a data book: its code chapter.subject.table, titles, source and columns. */
export const BookTableSchema = z.object({
  code: z
    .string()
    .regex(
      /^\d{1,2}\.\d{1,2}\.\d{1,3}$/,
      'Kode tabel berbentuk bab.subjek.tabel / Table code is chapter.subject.table',
    ),
  title: words(3, 300),
  title_en: words(3, 300),
  /** The resource (datastore table) it is made from; its current published version is pinned. */
  resource_id: z.string().uuid(),
  /** The columns shown, in order (default: every open column). */
  columns: z
    .array(z.string().regex(/^[A-Za-z0-9_]{1,63}$/))
    .max(12)
    .default([]),
  filters: z
    .array(z.object({ field: z.string().regex(/^[A-Za-z0-9_]{1,63}$/), value: z.string().max(200) }))
    .max(5)
    .default([]),
});

export const BookChapterSchema = z.object({
  title: words(2, 200),
  title_en: words(2, 200),
  tables: z.array(BookTableSchema).min(1).max(200),
});

/** A data book's definition: "{region} Dalam Angka {year}" or a sector's statistics book. */
export const BookSpecSchema = z.object({
  region: words(3, 120),
  /** Default: "{region} Dalam Angka". */
  title: z.string().trim().max(200).default(''),
  title_en: z.string().trim().max(200).default(''),
  publisher: words(3, 200),
  foreword: z.string().trim().max(5000).default(''),
  chapters: z.array(BookChapterSchema).min(1).max(30),
});
export type BookSpec = z.infer<typeof BookSpecSchema>;
export type BookTableSpec = z.infer<typeof BookTableSchema>;

/** A table as printed: its words, header, rows, footnotes and the data version it came from. */
export interface BookTable {
  code: string;
  title: string;
  titleEn: string;
  header: string[];
  /** Numeric columns are right-aligned. */
  numeric: boolean[];
  rows: string[][];
  footnotes: string[];
  source: string;
  /** Which data: the dataset, the resource version, and a hash of the rows printed. */
  dataset: { name: string; title: string };
  resourceId: string;
  versionId: string;
  versionNumber: number;
  dataSha: string;
}

/** Everything a book edition prints; its canonical JSON's hash names the edition. */
export interface BookContent {
  title: string;
  titleEn: string;
  region: string;
  year: number;
  publisher: string;
  foreword: string;
  chapters: { number: number; title: string; titleEn: string; tables: BookTable[] }[];
}

/**
 * A starting definition for a new data book ("{region} Dalam Angka"): one chapter per agency
 * of the public tables given (at most `max` tables), codes numbered chapter.1.table, titles
 * from the datasets. Staff edit it before creating the book.
 */
export function bookTemplate(
  region: string,
  publisher: string,
  tables: { resourceId: string; datasetTitle: string; agencyName: string }[],
  max = 6,
): BookSpec {
  const chapters = new Map<string, { resourceId: string; datasetTitle: string }[]>();
  for (const t of tables.slice(0, max))
    chapters.set(t.agencyName, [...(chapters.get(t.agencyName) ?? []), t]);
  return {
    region,
    title: '',
    title_en: '',
    publisher,
    foreword: '',
    chapters: [...chapters].map(([agency, list], c) => ({
      title: agency,
      title_en: agency,
      tables: list.map((t, i) => ({
        code: `${c + 1}.1.${i + 1}`,
        title: t.datasetTitle,
        title_en: t.datasetTitle,
        resource_id: t.resourceId,
        columns: [],
        filters: [],
      })),
    })),
  };
}
