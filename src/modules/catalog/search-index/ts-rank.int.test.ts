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
import { prepareRank, sortAndUniqItems, tsRank } from './ts-rank.js';
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

describe(parseTsvector.name, () => {
  it('reads weights into the top two bits and positions into the low fourteen', () => {
    const doc = parseTsvector("'duduk':3A,7 'kota':1A,5B 'x' 'y':2C,16383D");
    expect([...doc.keys()]).toEqual(['duduk', 'kota', 'x', 'y']);
    expect([...(doc.get('duduk') ?? [])]).toEqual([(3 << 14) | 3, 7]);
    expect([...(doc.get('kota') ?? [])]).toEqual([(3 << 14) | 1, (2 << 14) | 5]);
    expect(doc.get('x')?.length).toBe(0);
    expect([...(doc.get('y') ?? [])]).toEqual([(1 << 14) | 2, 16383]);
  });

  it('reads doubled quotes, backslash escapes, spaces and colons inside quotes', () => {
    const doc = parseTsvector("'it''s':1 'a\\\\b' 'x y:z':2B '\\'q'");
    expect([...doc.keys()]).toEqual(["it's", 'a\\b', 'x y:z', "'q"]);
  });

  it('reads unquoted lexemes and an empty vector', () => {
    expect([...parseTsvector('kota:1 desa').keys()]).toEqual(['kota', 'desa']);
    expect(parseTsvector('').size).toBe(0);
  });

  it('refuses text PostgreSQL would not print', () => {
    expect(() => parseTsvector("'open")).toThrow(SyntaxError);
    expect(() => parseTsvector("'a':")).toThrow(SyntaxError);
    expect(() => parseTsvector("''")).toThrow(SyntaxError);
  });
});

describe(parseTsquery.name, () => {
  it('returns null for the empty query', () => {
    expect(parseTsquery('')).toBeNull();
    expect(parseTsquery('  ')).toBeNull();
  });

  it('binds NOT, then PHRASE, then AND, then OR, and keeps the root operator', () => {
    const q = parseTsquery("'a' <-> 'b' | !'x' & !'y' & 'd'");
    expect(q?.kind).toBe('or');
    expect(parseTsquery("'a' & ( 'b' | 'c' )")?.kind).toBe('and');
    expect(parseTsquery("'a' <2> 'b'")).toMatchObject({ kind: 'phrase', distance: 2 });
    expect(parseTsquery("!( 'a' & 'b' )")?.kind).toBe('not');
    expect(q && queryOperands(q).map((o) => o.lexeme)).toEqual(['a', 'b', 'x', 'y', 'd']);
  });

  it('reads prefix and weight flags and quoting, and prints them back', () => {
    const text = "'it''s':* & 'a\\\\b':AB | 'c':*D";
    const q = parseTsquery(text);
    expect(q && queryOperands(q)).toEqual([
      { kind: 'operand', lexeme: "it's", prefix: true, weights: 0 },
      { kind: 'operand', lexeme: 'a\\b', prefix: false, weights: 12 },
      { kind: 'operand', lexeme: 'c', prefix: true, weights: 1 },
    ]);
    expect(q && formatTsquery(q)).toBe(text);
  });

  it('prints the parentheses PostgreSQL prints', () => {
    for (const text of [
      "'a' & ( 'b' | 'c' )",
      "!( 'a' | 'b' )",
      "'a' <-> ( 'b' <-> 'c' )",
      "( 'a' | 'b' ) <0> 'c'",
    ]) {
      const q = parseTsquery(text);
      expect(q && formatTsquery(q)).toBe(text);
    }
  });

  it('refuses unbalanced or dangling text', () => {
    expect(() => parseTsquery("( 'a'")).toThrow(SyntaxError);
    expect(() => parseTsquery("'a' &")).toThrow(SyntaxError);
    expect(() => parseTsquery("'a' 'b'")).toThrow(SyntaxError);
  });
});

describe(isSimple.name, () => {
  it('is true only without phrase, prefix and weight restriction', () => {
    const simple = (text: string) => {
      const q = parseTsquery(text);
      return q !== null && isSimple(q);
    };
    expect(simple("'a' & !'b' | 'c'")).toBe(true);
    expect(simple("'a' <-> 'b'")).toBe(false);
    expect(simple("'a':* & 'b'")).toBe(false);
    expect(simple("'a' | 'b':A")).toBe(false);
  });
});

describe(tsRank.name, () => {
  it('sorts operands by UTF-8 bytes, not UTF-16 units, then shorter first', () => {
    expect(sortAndUniqItems(['😀', 'ﬀ', 'ab', 'a', 'ab', 'b'])).toEqual(['a', 'ab', 'b', 'ﬀ', '😀']);
  });

  it('is 0 for an empty document and 1e-20 for an AND whose lexemes never pair', () => {
    const q = parseTsquery("'a' & 'b'");
    if (!q) throw new Error('query expected');
    expect(tsRank(q, new Map())).toBe(0);
    expect(tsRank(q, parseTsvector("'a':1"))).toBe(Math.fround(1e-20));
  });

  it('refuses a prefix query', () => {
    const q = parseTsquery("'a':*");
    if (!q) throw new Error('query expected');
    expect(() => prepareRank(q)).toThrow();
  });
});
