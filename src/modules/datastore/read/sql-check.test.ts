import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../kernel/errors.js';
import { checkSql, rewriteReferences } from './sql-check.js';

const RID = '0f8e2c1a-1111-4222-8333-444455556666';
const OTHER = '9a8b7c6d-5555-4666-8777-888899990000';

async function refusal(query: string): Promise<string> {
  try {
    await checkSql(query);
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    const e = err as ValidationError;
    expect(e.fields.sql?.[0]?.id).toBeTruthy();
    expect(e.fields.sql?.[0]?.en).toBeTruthy();
    return e.fields.sql?.[0]?.en ?? '';
  }
  throw new Error(`not refused: ${query}`);
}

describe('datastore_search_sql checker', () => {
  it('accepts reads over resources, naming where each reference sits', async () => {
    const c = await checkSql(
      `with a as (select tahun, count(*) n from "${RID}" group by 1), b as (select * from a)
       select b.*, round(avg(x.nilai)::numeric, 2), coalesce(null, 1), case when true then 1 end,
              rank() over (order by b.n desc), extract(year from current_date)
       from b join "${OTHER}" x on x.tahun = b.tahun
       where x.nama ilike '%a%' and x.tahun in (select tahun from "${RID}") group by 1, 2, 3
       union all select 1, 2, 3, 4, 5, 6, 7 order by 1 limit 10 offset 2;`,
    );
    expect(c.references.map((r) => r.resourceId).sort()).toEqual([RID, RID, OTHER].sort());
    expect(c.columnNames.has('nilai')).toBe(true);
    expect(c.statement.endsWith(';')).toBe(false);
  });

  it.each([
    ['delete from x', /only SELECT/],
    ['select 1; select 2', /exactly one/],
    ['select 1 -- ;\n; drop table t', /exactly one/],
    ['select pg_sleep(1)', /pg_sleep/],
    ['select "pg_sleep"(1)', /pg_sleep/],
    ["select public.lower('a')", /public\.lower/],
    ['select * from pg_class', /pg_class/],
    ['select * from U&"\\0070g_class"', /pg_class/],
    ['select * from pg_catalog.pg_class', /other schemas/],
    [`select * from public."${RID}"`, /other schemas/],
    ['select * from information_schema.tables', /other schemas/],
    ['select * into t from x', /SELECT INTO/],
    [`select * from "${RID}" for share`, /FOR UPDATE/],
    ["select set_config('a', 'b', true)", /set_config/],
    ["select length(to_tsvector('simple', lpad('', 50000000, 'ab cd ')))", /argument 2 of lpad/],
    [`select rpad(nama, _id::int) from "${RID}"`, /argument 2 of rpad/],
    ["select replace('a', 'a', repeat('b', 3))", /argument 3 of replace|repeat/],
    [`select string_agg(nama, '${'x'.repeat(101)}') from "${RID}"`, /argument 2 of string_agg/],
    ["select format('%50000000s', 'x')", /format/],
    ["select lo_export(1, '/tmp/x')", /lo_export/],
    ['select 1::regclass', /regclass/],
    ["select cast('x' as pg_catalog.regproc)", /regproc/],
    ['select current_user', /system value/],
    ['select $1', /ParamRef/],
    ['select * from generate_series(1, 10)', /RangeFunction/],
    ['with recursive r as (select 1) select * from r', /RECURSIVE/],
    ['with a as (select * from b), b as (select 1) select * from a', /"b"/],
    ['select * from (with c as (select 1) select * from c) s, c', /"c"/],
    ['with d as (delete from x returning *) select * from d', /DeleteStmt/],
    [`select * from only "${RID}"`, /ONLY/],
    ['select xmlelement(name a)', /XmlExpr/],
    ['select 1 operator(pg_catalog.+) 1', /schema-qualified/],
    [`select * from "${RID}" tablesample system (10)`, /RangeTableSample/],
    ['select from', /Cannot parse|parse/],
  ])('refuses %s', async (query, message) => {
    expect(await refusal(query)).toMatch(message);
  });

  it('accepts the size-bounded functions within their bounds', async () => {
    const c = await checkSql(
      `select lpad(kode, 10, '0'), rpad('a', 0), lpad('', 1000), replace(nama, 'a', 'b'),
              string_agg(nama, ', ' order by nama) from "${RID}" group by 1, 2, 3, 4`,
    );
    expect(c.references).toHaveLength(1);
  });

  it('rewrites references by byte position, after multi-byte text too', async () => {
    const q = `select 'Rp – ñ' as s, a.* from "${RID}" a, "${OTHER}" where true`;
    const c = await checkSql(q);
    const out = rewriteReferences(
      c.statement,
      c.references,
      (r) => `(select 1 from t_${r.resourceId.slice(0, 4)})`,
    );
    expect(out).toBe(
      `select 'Rp – ñ' as s, a.* from (select 1 from t_0f8e) a, (select 1 from t_9a8b) as "${OTHER}" where true`,
    );
  });

  it('refuses an upper-case id (it would name another relation)', async () => {
    const c = await checkSql(`select * from "${RID}"`);
    expect(() => rewriteReferences(`select * from "${RID}"`.toUpperCase(), c.references, () => 'x')).toThrow(
      ValidationError,
    );
  });

  it('never throws anything but a ValidationError, whatever the text', async () => {
    const piece = fc.constantFrom(
      'select',
      ' ',
      '*',
      'from',
      `"${RID}"`,
      'pg_class',
      ';',
      '--',
      '/*',
      '*/',
      '(',
      ')',
      "'",
      '"',
      'union',
      'with',
      'as',
      'x',
      'drop table t',
      'pg_sleep(1)',
      '$1',
      '::regclass',
      'into',
      'for update',
      '\n',
      ',',
      '1',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 14 }),
        async (parts) => {
          const q = parts.join(' ');
          try {
            const c = await checkSql(q);
            for (const r of c.references) expect(r.resourceId).toBe(RID);
          } catch (err) {
            expect(err).toBeInstanceOf(ValidationError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
