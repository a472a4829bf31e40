import type { Kysely } from 'kysely';
import type { Actor } from '../../../kernel/access/policy.js';
import type { DB } from '../../../kernel/db/schema.js';
import { ValidationError } from '../../../kernel/errors.js';
import { loadTable, readRows } from '../data.repository.js';
import { variableMetadataOf } from './book.repository.js';
import { canonicalJson, sha256 } from './book-hash.js';
import type { BookContent, BookSpec, BookTable, BookTableSpec } from './book-spec.js';

/** A value as the book prints it: Indonesian thousands and decimal marks, fixed (no locale data). */
export function formatCell(v: unknown, type: string): string {
  if (v === null || v === undefined || v === '') return '-';
  if ((type === 'integer' || type === 'number') && Number.isFinite(Number(v))) {
    const n = Number(v);
    const [int, dec] = Math.abs(n)
      .toFixed(type === 'integer' ? 0 : 2)
      .split('.');
    const grouped = (int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    const trimmed = dec?.replace(/0+$/, '');
    return `${n < 0 ? '-' : ''}${grouped}${trimmed ? `,${trimmed}` : ''}`;
  }
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/** MS-Var answers that read as a note on a column (its definition or remarks). */
async function variableNotes(db: Kysely<DB>, resourceId: string): Promise<Map<string, string>> {
  const rows = await variableMetadataOf(db, resourceId);
  const out = new Map<string, string>();
  for (const r of rows) {
    const v = (r.ms_var ?? {}) as Record<string, unknown>;
    const note = ['catatan', 'definisi', 'konsep']
      .map((k) => v[k])
      .find((x) => typeof x === 'string' && x.trim());
    if (typeof note === 'string') out.set(r.field_name, note.trim());
  }
  return out;
}

async function bookTable(db: Kysely<DB>, actor: Actor, spec: BookTableSpec): Promise<BookTable> {
  const table = await loadTable(db, actor, spec.resource_id);
  if (!table.datasetPublic)
    throw new ValidationError({
      resource_id: [
        {
          id: `Tabel ${spec.code}: dataset "${table.datasetTitle}" belum terbit; buku hanya memuat data terbitan`,
          en: `Table ${spec.code}: dataset "${table.datasetTitle}" is not published; a book holds published data only`,
        },
      ],
    });
  const fields = spec.columns.length
    ? spec.columns.map((c) => table.fields.find((f) => f.name === c)).filter((f) => f !== undefined)
    : table.fields.filter((f) => (f['x-classification'] ?? 'open') === 'open');
  if (fields.length === 0)
    throw new ValidationError({
      columns: [
        {
          id: `Tabel ${spec.code}: tidak ada kolom yang dapat dicetak`,
          en: `Table ${spec.code}: no printable column`,
        },
      ],
    });
  const raw = await readRows(db, table, [...fields.map((f) => f.name), ...spec.filters.map((f) => f.field)]);
  const kept = raw.filter((r) => spec.filters.every((f) => String(r[f.field] ?? '') === f.value));
  const header = fields.map((f) => (f.unit ? `${f.title ?? f.name} (${f.unit})` : (f.title ?? f.name)));
  const rows = kept.map((r) => fields.map((f) => formatCell(r[f.name], f.type)));
  const notes = await variableNotes(db, table.resourceId);
  const footnotes = fields.flatMap((f) => {
    const n = notes.get(f.name) ?? f.description;
    return n ? [`${f.title ?? f.name}: ${n}`] : [];
  });
  return {
    code: spec.code,
    title: spec.title,
    titleEn: spec.title_en,
    header,
    numeric: fields.map((f) => f.type === 'integer' || f.type === 'number'),
    rows,
    footnotes,
    source: `${table.agencyName}, ${table.datasetTitle}`,
    dataset: { name: table.datasetName, title: table.datasetTitle },
    resourceId: table.resourceId,
    versionId: table.versionId,
    versionNumber: table.versionNumber,
    dataSha: sha256(canonicalJson({ header, rows })),
  };
}

/** Everything an edition prints, read from the published tables as they are now. */
export async function collectBook(
  db: Kysely<DB>,
  actor: Actor,
  spec: BookSpec,
  year: number,
): Promise<BookContent> {
  const codes = spec.chapters.flatMap((c) => c.tables.map((t) => t.code));
  const dup = codes.find((c, i) => codes.indexOf(c) !== i);
  if (dup)
    throw new ValidationError({
      book: [{ id: `Kode tabel ${dup} dipakai dua kali`, en: `Table code ${dup} is used twice` }],
    });
  const chapters: BookContent['chapters'] = [];
  let number = 0;
  for (const ch of spec.chapters) {
    number++;
    const tables: BookTable[] = [];
    for (const t of ch.tables) tables.push(await bookTable(db, actor, t));
    chapters.push({ number, title: ch.title, titleEn: ch.title_en, tables });
  }
  return {
    title: spec.title || `${spec.region} Dalam Angka`,
    titleEn: spec.title_en || `${spec.region} in Figures`,
    region: spec.region,
    year,
    publisher: spec.publisher,
    foreword: spec.foreword,
    chapters,
  };
}
