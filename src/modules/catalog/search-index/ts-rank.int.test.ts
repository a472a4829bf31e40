/**
 * The in-memory full-text search must answer exactly as PostgreSQL does: the same `@@` matches and
 * the same `ts_rank` float4, bit for bit, since hits are ordered by score and one ulp reorders
 * ties. Random documents and websearch queries go to PostgreSQL in batches (one round trip per
 * batch), and every pair is checked against parseTsvector / parseTsquery / matches / tsRank.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../../test/support/test-database.js';
import type { Database } from '../../../kernel/db/database.js';
import { prepareRank } from './ts-rank.js';
import {
  formatTsquery,
  isSimple,
  matches,
  parseTsquery,
  queryOperands,
  type TsOperand,
  type TsQuery,
} from './tsquery.js';
import { formatTsvector, parseTsvector } from './tsvector.js';

/** Indonesian words, some sharing a stem (penduduk/kependudukan), some odd for the parser. */
const WORDS = [
  ...`jumlah penduduk kependudukan duduk kota kabupaten desa kecamatan jalan raya sekolah dasar
    menengah guru murid kesehatan sehat rumah sakit puskesmas air bersih listrik pertanian tani padi
    jagung produksi data statistik tahun anggaran belanja pendapatan daerah pemerintah dinas sosial
    miskin kemiskinan KOTA Desa 2023 3,5 12.000 kabupaten-kota e-ktp dki`.split(/\s+/),
  "jum'at",
  "Qur'an",
];
const word = fc.constantFrom(...WORDS);
const words = (maxLength: number) => fc.array(word, { maxLength, size: 'max' }).map((w) => w.join(' '));

/** Shaped like dataset.search (dataset.repository.ts refreshDatasetSearch), fields as random words. */
const documentArb = fc.record({
  name: fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join('-').toLowerCase()),
  title: words(8),
  tags: words(4),
  agency: words(3),
  notes: fc.oneof(words(12), words(90)),
  resources: words(20),
  /** Stripped vectors have lexemes without positions, which rank through POSNULL. */
  variant: fc.constantFrom('full', 'full', 'full', 'strip', 'stripTitle'),
});

type DocumentInput = typeof documentArb extends fc.Arbitrary<infer T> ? T : never;

const queryToken = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 2, arbitrary: fc.constant('or') },
  { weight: 2, arbitrary: word.map((w) => `-${w}`) },
  { weight: 1, arbitrary: fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => `"${w.join(' ')}"`) },
  { weight: 1, arbitrary: fc.constantFrom('-', '"', "'", '(', ')', 'OR', '-or', 'or-') },
);
const websearchArb = fc.array(queryToken, { minLength: 1, maxLength: 6 }).map((t) => t.join(' '));

/** Lexemes for hand-made vectors: UTF-8 and UTF-16 orders differ for ﬀ / 😀; quotes and escapes. */
const LEXEMES = ['a', 'ab', 'b', 'kota', 'é', 'ﬀ', '😀', "it's", 'x\\y', 'z z', 'desa'];
const entryPos = fc
  .tuple(
    fc.oneof(fc.integer({ min: 1, max: 140 }), fc.integer({ min: 1, max: 16383 })),
    fc.integer({ min: 0, max: 3 }),
  )
  .map(([position, weight]) => (weight << 14) | position);
const vectorArb = fc
  .dictionary(
    fc.constantFrom(...LEXEMES),
    fc.oneof(fc.constant([] as number[]), fc.array(entryPos, { minLength: 1, maxLength: 6 })),
    { maxKeys: 6 },
  )
  .map((d) => formatTsvector(new Map(Object.entries(d).map(([k, v]) => [k, Uint16Array.from(v)]))));

const operandArb: fc.Arbitrary<TsOperand> = fc.record({
  kind: fc.constant('operand' as const),
  lexeme: fc.constantFrom(...LEXEMES, 'absent'),
  prefix: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  weights: fc.oneof(
    { weight: 5, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 15 }) },
  ),
});
const queryTreeArb = fc.letrec<{ q: TsQuery }>((tie) => ({
  q: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: operandArb },
    { weight: 1, arbitrary: tie('q').map((operand): TsQuery => ({ kind: 'not', operand })) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom('and' as const, 'or' as const), tie('q'), tie('q'))
        .map(([kind, left, right]): TsQuery => ({ kind, left, right })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max: 3 }), tie('q'), tie('q'))
        .map(([distance, left, right]): TsQuery => ({ kind: 'phrase', distance, left, right })),
    },
  ),
})).q;

interface PairRow {
  doc: number;
  query: number;
  search: string;
  query_text: string;
  matched: boolean;
  rank: string;
}

/** The float32 bits of a number, as float4send's hex. */
function float4Hex(x: number): string {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, x);
  return view.getUint32(0).toString(16).padStart(8, '0');
}

/**
 * Checks every (document, query) pair PostgreSQL answered: parse round trip, `@@` for simple
 * queries, ts_rank bits for queries without prefix. Returns the mismatches, so a failure shows them.
 */
function mismatches(rows: readonly PairRow[]): object[] {
  const bad: object[] = [];
  const queries = new Map<string, { q: TsQuery | null; rank?: (doc: Map<string, Uint16Array>) => number }>();
  for (const row of rows) {
    const doc = parseTsvector(row.search);
    let entry = queries.get(row.query_text);
    if (!entry) {
      const q = parseTsquery(row.query_text);
      const prefixed = q !== null && queryOperands(q).some((o) => o.prefix);
      entry = q && !prefixed ? { q, rank: prepareRank(q) } : { q };
      queries.set(row.query_text, entry);
    }
    const { q, rank } = entry;
    const problems: string[] = [];
    if (formatTsvector(doc) !== row.search) problems.push('tsvector round trip');
    if (q === null) {
      if (row.query_text.trim() !== '') problems.push('query parsed as empty');
      if (row.matched || row.rank !== '00000000') problems.push('empty query matched or ranked');
    } else {
      if (formatTsquery(q) !== row.query_text) problems.push(`tsquery round trip: ${formatTsquery(q)}`);
      if (isSimple(q) && matches(q, doc) !== row.matched) problems.push(`matches ${!row.matched}`);
      const score = rank?.(doc);
      if (score !== undefined && (float4Hex(score) !== row.rank || Math.fround(score) !== score)) {
        problems.push(`rank ${float4Hex(score)} ${score}`);
      }
    }
    if (problems.length > 0) bad.push({ search: row.search, query: row.query_text, pg: row, problems });
  }
  return bad;
}

async function rankWebsearch(
  db: Database['db'],
  docs: readonly DocumentInput[],
  queries: readonly string[],
): Promise<PairRow[]> {
  const r = await sql<PairRow>`
    with v as (
      select x.i,
        x.variant,
        setweight(to_tsvector('indonesian', x.name || ' ' || x.title), 'A') as head,
        setweight(to_tsvector('indonesian', x.tags), 'B') ||
        setweight(to_tsvector('indonesian', x.agency), 'B') ||
        setweight(to_tsvector('indonesian', x.notes), 'C') ||
        setweight(to_tsvector('indonesian', x.resources), 'D') as tail
      from jsonb_to_recordset(${JSON.stringify(docs.map((d, i) => ({ ...d, i })))}::jsonb)
        as x(i int, name text, title text, tags text, agency text, notes text, resources text, variant text)
    ), d as (
      select i, case variant when 'strip' then strip(head || tail)
        when 'stripTitle' then strip(head) || tail else head || tail end as search
      from v
    ), q as (
      select (y.i - 1)::int as i, websearch_to_tsquery('indonesian', y.s) as query
      from jsonb_array_elements_text(${JSON.stringify(queries)}::jsonb) with ordinality as y(s, i)
    )
    select d.i as doc, q.i as query, d.search::text as search, q.query::text as query_text,
      d.search @@ q.query as matched, encode(float4send(ts_rank(d.search, q.query)), 'hex') as rank
    from d cross join q`.execute(db);
  return r.rows;
}

async function rankLiterals(db: Database['db'], vectors: readonly string[], queries: readonly string[]) {
  const r = await sql<PairRow>`
    with d as (
      select (y.i - 1)::int as i, y.s::tsvector as search
      from jsonb_array_elements_text(${JSON.stringify(vectors)}::jsonb) with ordinality as y(s, i)
    ), q as (
      select (y.i - 1)::int as i, y.s::tsquery as query
      from jsonb_array_elements_text(${JSON.stringify(queries)}::jsonb) with ordinality as y(s, i)
    )
    select d.i as doc, q.i as query, d.search::text as search, q.query::text as query_text,
      d.search @@ q.query as matched, encode(float4send(ts_rank(d.search, q.query)), 'hex') as rank
    from d cross join q`.execute(db);
  return r.rows;
}

for (const kind of DIALECTS) {
  describe(`in-memory ts_rank and @@ against ${kind}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(kind);
    });
    afterAll(async () => {
      await t?.drop();
    });

    it('matches and ranks random datasets for random websearch queries exactly as PostgreSQL', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(documentArb, { minLength: 5, maxLength: 20 }),
          fc.array(websearchArb, { minLength: 5, maxLength: 20 }),
          async (docs, queries) => {
            expect(mismatches(await rankWebsearch(t.database.db, docs, queries))).toEqual([]);
          },
        ),
        { numRuns: 20 },
      );
    });

    it('ranks hand-made vectors (any positions and weights, no positions, Unicode) as PostgreSQL', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(vectorArb, { minLength: 1, maxLength: 15 }),
          fc.array(queryTreeArb.map(formatTsquery), { minLength: 1, maxLength: 15 }),
          async (vectors, queries) => {
            expect(mismatches(await rankLiterals(t.database.db, vectors, queries))).toEqual([]);
          },
        ),
        { numRuns: 30 },
      );
    });

    it('ranks the edge cases of word_distance and POSNULL as PostgreSQL', async () => {
      const vectors = [
        "'a':1 'b':2",
        "'a':1 'b':100",
        "'a':1 'b':101",
        "'a':1 'b':102",
        "'a':1A 'b':1B",
        "'a' 'b'",
        "'a' 'b':16383",
        "'a':5C,9A 'b' 'c':7",
        `'a':${Array.from({ length: 40 }, (_, i) => `${i + 1}${'ABCD'[i % 4]}`).join(',')} 'b':20`,
        ...Array.from({ length: 100 }, (_, d) => `'a':1A 'b':${d + 2}A`),
      ];
      const queries = [
        "'a' & 'b'",
        "'a' | 'b'",
        "'a' & 'a'",
        "'a' & !'b'",
        "!'a'",
        "'a' <-> 'b'",
        "'c' & 'a' & 'b'",
      ];
      expect(mismatches(await rankLiterals(t.database.db, vectors, queries))).toEqual([]);
    });
  });
}
