/** Reading PostgreSQL's tsvector and tsquery text, and the parts of ts_rank checked without a database. */
import { describe, expect, it } from 'vitest';
import { prepareRank, sortAndUniqItems, tsRank } from './ts-rank.js';
import { formatTsquery, isSimple, parseTsquery, queryOperands } from './tsquery.js';
import { parseTsvector } from './tsvector.js';

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
