/**
 * PostgreSQL's `ts_rank(tsvector, tsquery)` (default weights {0.1, 0.2, 0.4, 1.0}, normalization
 * 0), computed in process and equal to PostgreSQL's float4 result bit for bit, so the in-memory
 * search orders hits (score desc, then id) exactly as the SQL search does.
 *
 * A port of src/backend/utils/adt/tsrank.c (PostgreSQL 15 and PGlite's 18 agree; the test checks
 * both): calc_rank, SortAndUniqItems, calc_rank_or, calc_rank_and and word_distance. C does these
 * sums in a mix of float and double, and one ulp decides ties, so every float operation or
 * assignment of the C code is a Math.fround here, and every expression C promotes to double (a
 * double constant such as 1.0 or 1.64493406685 in it) is left in double until the C code assigns
 * it to a float.
 */
import { queryOperands, type TsQuery } from './tsquery.js';

type Doc = ReadonlyMap<string, Uint16Array>;

const f = Math.fround;

/** tsrank.c's `weights`, indexed by WordEntryPos weight code (D=0 … A=3), as C's float. */
const WEIGHTS = Float32Array.of(0.1, 0.2, 0.4, 1.0);

/** MAXENTRYPOS: the distance calc_rank_and gives two lexemes without positions. */
const MAXENTRYPOS = 1 << 14;

/** calc_rank_or's dummy position for a lexeme without positions: position 0, weight D. */
const POSNULL_OR = Uint16Array.of(0);

/** calc_rank_and's dummy position for a lexeme without positions: MAXENTRYPOS - 1, weight D. */
const POSNULL_AND = Uint16Array.of(MAXENTRYPOS - 1);

/**
 * word_distance(w) for w = 1 … 100, each `1.0 / (1.005 + 0.05 * exp((float4) w / 1.5 - 2))` in
 * double, returned as float4; beyond 100 it is 1e-30f. A table, since only these 100 exist.
 */
const WORD_DISTANCE = Float32Array.from(
  { length: 101 },
  (_, w) => 1.0 / (1.005 + 0.05 * Math.exp(w / 1.5 - 2)),
);
const FAR = f(1e-30);

function wordDistance(w: number): number {
  return w > 100 ? FAR : (WORD_DISTANCE[w] ?? FAR);
}

/** `ts_rank(doc, q)` as PostgreSQL computes it; see prepareRank. */
export function tsRank(q: TsQuery, doc: Doc): number {
  return prepareRank(q)(doc);
}

/**
 * The ranking function of one query, for many documents: the sorted, de-duplicated operand list
 * (SortAndUniqItems) and the choice between calc_rank_and and calc_rank_or are made once.
 * The result is a float4 value (already Math.fround-ed).
 *
 * Ranks any query without a prefix operand: ts_rank ignores phrase distances and weight
 * restrictions (a phrase root ranks as AND), but a prefix operand would rank every lexeme it
 * matches, which this in-memory path does not look up; such queries throw here.
 */
export function prepareRank(q: TsQuery): (doc: Doc) => number {
  const operands = queryOperands(q);
  if (operands.some((o) => o.prefix)) throw new Error('prepareRank() does not rank prefix queries');
  const items = sortAndUniqItems(operands.map((o) => o.lexeme));
  // calc_rank: "XXX: What about NOT?" — only the root operator is looked at.
  const useAnd = (q.kind === 'and' || q.kind === 'phrase') && items.length >= 2;
  const calc = useAnd ? rankAnd(items) : (doc: Doc) => calcRankOr(items, doc);
  return (doc) => {
    if (doc.size === 0) return 0;
    const res = calc(doc);
    return res < 0 ? FAR_BELOW : res;
  };
}

/** calc_rank's `res = 1e-20f` for an AND query whose lexemes never pair up. */
const FAR_BELOW = f(1e-20);

/**
 * SortAndUniqItems: the query's lexemes sorted by tsCompareString (memcmp of the UTF-8 bytes,
 * then the shorter first) without duplicates. The order fixes the order of calc_rank_and's
 * float sums, so it must be PostgreSQL's byte order, not JavaScript's UTF-16 order.
 */
export function sortAndUniqItems(lexemes: readonly string[]): string[] {
  const encoder = new TextEncoder();
  const keyed = lexemes.map((lexeme) => ({ lexeme, bytes: encoder.encode(lexeme) }));
  keyed.sort((a, b) => compareBytes(a.bytes, b.bytes));
  const out: string[] = [];
  for (const k of keyed) if (out[out.length - 1] !== k.lexeme) out.push(k.lexeme);
  return out;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** calc_rank_or: per lexeme, its weights summed as w/j², scaled by π²/6, averaged over lexemes. */
function calcRankOr(items: readonly string[], doc: Doc): number {
  let res = 0; // float
  for (const lexeme of items) {
    const found = doc.get(lexeme);
    if (found === undefined) continue;
    const post = found.length > 0 ? found : POSNULL_OR;
    let resj = 0; // float
    let wjm = -1; // float
    let jm = 0;
    for (let j = 0; j < post.length; j++) {
      const w = WEIGHTS[(post[j] ?? 0) >> 14] ?? 0;
      // float + float / (float) int
      resj = f(resj + f(w / ((j + 1) * (j + 1))));
      if (w > wjm) {
        wjm = w;
        jm = j;
      }
    }
    // (float expression) / double constant, added to float res in double, assigned to float.
    res = f(res + f(f(wjm + resj) - f(wjm / ((jm + 1) * (jm + 1)))) / 1.64493406685);
  }
  if (items.length > 0) res = f(res / items.length);
  return res;
}

/**
 * calc_rank_and: every pair of positions of two different query lexemes adds
 * sqrt(w1 · w2 · word_distance(distance)) as an independent probability; -1 when no pair exists.
 * Returns a closure that reuses one `pos` array across documents (palloc0 per call in C).
 */
function rankAnd(items: readonly string[]): (doc: Doc) => number {
  const size = items.length;
  const pos: (Uint16Array | undefined)[] = new Array(size);
  return (doc) => {
    pos.fill(undefined);
    let res = -1; // float
    for (let i = 0; i < size; i++) {
      const found = doc.get(items[i] ?? '');
      if (found === undefined) continue;
      const post = found.length > 0 ? found : POSNULL_AND;
      pos[i] = post;
      for (let k = 0; k < i; k++) {
        const ct = pos[k];
        if (ct === undefined) continue;
        const eitherNull = post === POSNULL_AND || ct === POSNULL_AND;
        for (let l = 0; l < post.length; l++) {
          const pl = post[l] ?? 0;
          for (let p = 0; p < ct.length; p++) {
            const cp = ct[p] ?? 0;
            let dist = Math.abs((pl & 0x3fff) - (cp & 0x3fff));
            if (dist === 0 && !eitherNull) continue;
            if (dist === 0) dist = MAXENTRYPOS;
            // float * float * float, then C's double sqrt, assigned to float.
            const wl = WEIGHTS[pl >> 14] ?? 0;
            const wc = WEIGHTS[cp >> 14] ?? 0;
            const curw = f(Math.sqrt(f(f(wl * wc) * wordDistance(dist))));
            // The conditional's type is double (1.0 is a double constant), assigned to float.
            res = res < 0 ? curw : f(1.0 - (1.0 - res) * (1.0 - curw));
          }
        }
      }
    }
    return res;
  };
}
