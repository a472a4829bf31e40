import { describe, expect, it } from 'vitest';
import { SearchQueryError } from '../../../kernel/errors.js';
import { parseSearchQuery, parseSort, tokenize } from './search-query.js';

describe(parseSearchQuery.name, () => {
  it('matches everything on *:* and blanks', () => {
    expect(parseSearchQuery('*:*')).toEqual({ clauses: [], text: [] });
    expect(parseSearchQuery(undefined)).toEqual({ clauses: [], text: [] });
  });

  it('parses the exact fq a CKAN harvester sends', () => {
    const q = parseSearchQuery(
      'organization:dinkes OR organization:disdik +metadata_modified:[2024-01-01T00:00:00Z TO *]',
    );
    expect(q.clauses).toEqual([
      {
        kind: 'any',
        negate: false,
        clauses: [
          { kind: 'term', field: 'organization', value: 'dinkes', negate: false },
          { kind: 'term', field: 'organization', value: 'disdik', negate: false },
        ],
      },
      {
        kind: 'range',
        field: 'metadata_modified',
        from: new Date('2024-01-01T00:00:00Z'),
        to: null,
        negate: false,
      },
    ]);
  });

  it('parses negation, quoted values and parenthesised alternatives', () => {
    const q = parseSearchQuery(
      '-organization:setda tags:"data prioritas" groups:(kesehatan OR pendidikan) res_format:CSV',
    );
    expect(q.clauses).toEqual([
      { kind: 'term', field: 'organization', value: 'setda', negate: true },
      { kind: 'term', field: 'tags', value: 'data prioritas', negate: false },
      {
        kind: 'any',
        negate: false,
        clauses: [
          { kind: 'term', field: 'groups', value: 'kesehatan', negate: false },
          { kind: 'term', field: 'groups', value: 'pendidikan', negate: false },
        ],
      },
      { kind: 'term', field: 'res_format', value: 'CSV', negate: false },
    ]);
  });

  it('keeps free words as text next to field terms', () => {
    expect(parseSearchQuery('penduduk kecamatan tags:kependudukan')).toEqual({
      clauses: [{ kind: 'term', field: 'tags', value: 'kependudukan', negate: false }],
      text: ['penduduk', 'kecamatan'],
    });
  });

  it('refuses unknown fields, bad ranges and unclosed quotes with a Search Query Error', () => {
    expect(() => parseSearchQuery('secret_field:x')).toThrow(SearchQueryError);
    expect(() => parseSearchQuery('metadata_modified:2024')).toThrow(/range/);
    expect(() => parseSearchQuery('metadata_modified:[yesterday TO *]')).toThrow(/date/);
    expect(() => parseSearchQuery('tags:"open')).toThrow(/unclosed quote/);
  });

  it('keeps SQL-looking input as plain values (they are bound, never spliced)', () => {
    const q = parseSearchQuery(`name:"x'; drop table dataset; --"`);
    expect(q.clauses).toEqual([
      { kind: 'term', field: 'name', value: "x'; drop table dataset; --", negate: false },
    ]);
  });
});

describe(tokenize.name, () => {
  it('keeps ranges and groups whole', () => {
    expect(tokenize('a:[1 TO 2] b:(x OR y) "c d"')).toEqual(['a:[1 TO 2]', 'b:(x OR y)', '"c d"']);
  });
});

describe(parseSort.name, () => {
  it('defaults to relevance then newest', () => {
    expect(parseSort(undefined)).toEqual([
      { key: 'score', dir: 'desc' },
      { key: 'metadata_modified', dir: 'desc' },
    ]);
  });
  it('accepts the harvester sort and title_string', () => {
    expect(parseSort('id asc')).toEqual([{ key: 'id', dir: 'asc' }]);
    expect(parseSort('title_string desc')).toEqual([{ key: 'title', dir: 'desc' }]);
  });
  it('refuses unknown sort fields', () => {
    expect(() => parseSort('password asc')).toThrow(SearchQueryError);
  });
});
