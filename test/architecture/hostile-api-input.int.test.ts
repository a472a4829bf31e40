import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_REGISTRY } from '../../src/kernel/actions/registry.js';
import type { Agency } from '../../src/kernel/db/schema.js';
import {
  createAgency,
  createDataset,
  createLinkResource,
  uniq,
  userWithToken,
} from '../support/catalog-fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { DIALECTS } from '../support/test-database.js';

/**
 * Hostile input against the whole CKAN API (issue 11, "Also build"): every registered action
 * gets random and hostile values (wrong types, huge strings, nested objects, unicode, SQL and
 * HTML fragments, missing and extra keys) over HTTP, anonymously and with a producer's token.
 * Whatever comes in: never a 5xx, never a stack trace, always CKAN's envelope, and a refused
 * call changes no row of the main tables.
 *
 * Reproduce a failure with the seed it prints: HOSTILE_SEED=<seed> HOSTILE_RUNS=<n>.
 */
const SEED = Number(process.env.HOSTILE_SEED ?? 20_251_111);
const RUNS_PER_ACTION = Number(process.env.HOSTILE_RUNS ?? 4);

/** SQL, search syntax, HTML and odd strings, split on `|` (none of them contains one). */
const SQL_BITS = "'; drop table dataset; --|1' or '1'='1|1; select pg_sleep(5)|$1|\\|%|_|*|*:*".split('|');
const HTML_BITS = '<script>alert(1)</script>|"><img src=x onerror=alert(1)>|&amp;&lt;|{{7*7}}'.split('|');
const ODD_STRINGS = [
  ...'| |\u0000|a\u0000b|\uD800|\uFEFF|🦄🇮🇩|ﷺ|İı|\r\n|../../../etc/passwd|javascript:alert(1)'.split('|'),
  ...'data:text/html,x|http://127.0.0.1:22/|true|null|[]|{}|-1|1e400|NaN|9999-99-99|2024-02-30'.split('|'),
  "') union select password_hash from app_user --",
  '__proto__',
  'constructor',
];
const KEY_EXTRAS = [
  '__proto__',
  'constructor',
  'prototype',
  'id',
  'name',
  '',
  'x'.repeat(300),
  'a.b',
  '$where',
];

interface Known {
  ids: string[];
}

/** A hostile leaf: the odd, the injected, or a real id so deeper code runs. */
function leaf(known: Known) {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...SQL_BITS, ...HTML_BITS, ...ODD_STRINGS) },
    { weight: 3, arbitrary: fc.constantFrom(...known.ids) },
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.constantFrom(0, -1, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, -0, 0.5) },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

/** A huge string; the largest is over the 2 MB body limit. */
const hugeString = fc
  .tuple(fc.constantFrom(5_000, 70_000, 300_000, 1_100_000), fc.constantFrom('a', '🦄', "'", '<', '\\'))
  .map(([n, c]) => c.repeat(n));

/** Any JSON value, nested up to a few levels, with odd keys. */
function hostileValue(known: Known) {
  const key = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(...KEY_EXTRAS));
  return fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf(known),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(key, tie('value'), { maxKeys: 4 }),
      fc.constant(deepNest(200)),
    ),
  })).value;
}

function deepNest(depth: number): unknown {
  let v: unknown = 'fond';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { x: v };
  return v;
}

/** The action's own keys (missing or present) plus extra ones, with hostile values; sometimes one huge. */
function hostileInput(keys: string[], known: Known) {
  const own = Object.fromEntries(keys.map((k) => [k, hostileValue(known)]));
  const extra = fc.dictionary(
    fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...KEY_EXTRAS)),
    hostileValue(known),
    { maxKeys: 3 },
  );
  const huge = fc.option(fc.tuple(fc.constantFrom(...keys, 'q', 'x'), hugeString), { freq: 4 });
  return fc
    .tuple(fc.record(own, { requiredKeys: [] }), extra, huge)
    .map(([a, b, h]) => ({ ...b, ...a, ...(h ? { [h[0]]: h[1] } : {}) }));
}

/** The values most likely to get past a schema and break something further in. */
const POISON = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  "'",
  '\\',
  '%',
  '1e400',
  '-1',
  '9'.repeat(30),
  '💥'.repeat(300),
];

/** One of the action's own keys with one poisoned value, the rest left out: reaches past validation. */
function oneKeyInput(keys: string[], known: Known) {
  const value = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...POISON) },
    { weight: 1, arbitrary: leaf(known) },
  );
  return fc.tuple(fc.constantFrom(...keys, 'id'), value).map(([k, v]) => ({ [k]: v }));
}

/** The input schema's keys, when it is an object (zod 4 keeps them on `.shape`). */
function schemaKeys(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** A query string from an input: strings as they are, anything else as JSON (as CKAN clients do). */
function queryOf(input: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(input))
    params.append(k, typeof v === 'string' ? v.slice(0, 8_000) : JSON.stringify(v).slice(0, 8_000));
  return params.toString();
}

const STACK = /\n\s+at |\bat [\w.<>]+ \(|node_modules|\/src\/|\/dist\/|\.[jt]s:\d+/;

/** CKAN's answer: `success` and a result, or `success:false` with `error.__type`, or a bare 400 string. */
function expectCkanAnswer(res: LightMyRequestResponse) {
  expect(res.statusCode, res.body.slice(0, 400)).toBeLessThan(500);
  expect(res.body).not.toMatch(STACK);
  const body = JSON.parse(res.body) as unknown;
  if (res.statusCode === 200) {
    expect(body).toMatchObject({ success: true });
    return;
  }
  if (res.statusCode === 400 && typeof body === 'string') {
    expect(body).toMatch(/^Bad request - /);
    return;
  }
  expect(body, res.body.slice(0, 400)).toMatchObject({
    success: false,
    error: { __type: expect.any(String) },
  });
}

/**
 * A fingerprint of the main tables: row count and newest row version (`xmin`: every insert or
 * update writes a row version with a newer transaction id) per table. Login audit rows, the
 * users' lockout counters and a token's last use are left out: a refused call may count those.
 */
async function snapshot(t: TestApp): Promise<string> {
  const { rows } = await sql<{ t: string; n: number; v: string | null }>`
    select 'dataset' t, count(*)::int n, max(xmin::text::bigint)::text v from dataset
    union all select 'resource', count(*)::int, max(xmin::text::bigint)::text from resource
    union all select 'audit', count(*)::int, max(id)::text from audit_log where action not like 'user_login%'
    union all select 'job', count(*)::int, max(xmin::text::bigint)::text from job
    union all select 'user', count(*)::int, md5(string_agg(
        concat_ws('|', id, username, full_name, email, password_hash, agency_id, state), ',' order by id))
      from app_user
    union all select 'role', count(*)::int, md5(string_agg(user_id || role, ',' order by user_id, role)) from user_role
    union all select 'token', count(*)::int, md5(string_agg(id || coalesce(revoked_at::text, ''), ',' order by id))
      from api_token
    union all select 'agency', count(*)::int, max(xmin::text::bigint)::text from agency
  `.execute(t.database.db);
  return rows.map((r) => `${r.t}:${r.n}:${r.v ?? ''}`).join(' ');
}

for (const kind of DIALECTS) {
  describe(`hostile input to every API action on ${kind}`, () => {
    let t: TestApp;
    let agency: Agency;
    let producer: string;
    const known: Known = { ids: [] };

    beforeAll(async () => {
      t = await createTestApp(kind);
      agency = await createAgency(t.database, { code: `h-${uniq()}` });
      const p = await userWithToken(t.database, 'producer', agency.id);
      producer = p.token;
      const dataset = await createDataset(t.database, p.actor, { owner_org: agency.code, private: true });
      const resource = await createLinkResource(t.database, p.actor, dataset.id);
      known.ids = [
        dataset.id,
        dataset.name,
        resource.id,
        agency.id,
        agency.code,
        p.actor.userId ?? '',
        p.username,
      ];
    });
    afterAll(() => t?.close());

    it('the cases it found: a body over the limit and a NUL character, in the CKAN envelope', async () => {
      const url = '/api/3/action/package_show';
      const big = await t.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ id: 'a'.repeat(3 * 1024 * 1024) }),
      });
      expect(big.statusCode).toBe(413);
      expect(big.json()).toMatchObject({ success: false, error: { __type: 'Validation Error' } });
      for (const res of [
        await t.app.inject({ method: 'GET', url: `${url}?id=a%00b` }),
        await t.app.inject({ method: 'GET', url: '/api/3/action/package_search?q=%00' }),
      ]) {
        expect(res.statusCode).toBe(409);
        expectCkanAnswer(res);
      }
    });

    it('answers every action with a CKAN envelope, no 5xx, no stack, no change when refused', async () => {
      const names = Object.keys(ACTION_REGISTRY).sort();
      expect(names.length).toBeGreaterThan(50);
      let tried = 0;
      const failures: string[] = [];
      let before = await snapshot(t);
      for (const [i, name] of names.entries()) {
        const action = ACTION_REGISTRY[name];
        if (!action) continue;
        const keys = schemaKeys(action.input);
        const arb = fc.record({
          token: fc.boolean(),
          // Reads go over GET (and sometimes POST, as CKAN allows); writes over POST.
          post: action.sideEffectFree ? fc.boolean() : fc.constant(true),
          // A top-level body that is not an object, sometimes.
          body: fc.oneof(
            { weight: 3, arbitrary: hostileInput(keys, known) },
            { weight: 4, arbitrary: oneKeyInput(keys, known) },
            { weight: 1, arbitrary: hostileValue(known) },
          ),
        });
        const out = await fc.check(
          fc.asyncProperty(arb, async ({ token, post, body }) => {
            tried++;
            const headers = token ? { authorization: producer } : {};
            const url = `/api/3/action/${name}`;
            const isObject = body !== null && typeof body === 'object' && !Array.isArray(body);
            const res = post
              ? await t.app.inject({
                  method: 'POST',
                  url,
                  headers: { ...headers, 'content-type': 'application/json' },
                  payload: JSON.stringify(body) ?? 'null',
                })
              : await t.app.inject({
                  method: 'GET',
                  url: `${url}?${isObject ? queryOf(body as Record<string, unknown>) : ''}`,
                  headers,
                });
            expectCkanAnswer(res);
            const after = await snapshot(t);
            if (res.statusCode !== 200)
              expect(after, `${name} refused (${res.statusCode}) but changed rows`).toBe(before);
            before = after;
          }),
          { seed: SEED + i, numRuns: RUNS_PER_ACTION, endOnFailure: true },
        );
        if (out.failed) {
          failures.push(
            `${name} failed (HOSTILE_SEED=${out.seed - i}, path ${out.counterexamplePath}): ` +
              `${String((out.errorInstance as Error)?.message ?? out.errorInstance).slice(0, 1500)}\n` +
              `input: ${JSON.stringify(out.counterexample).slice(0, 1500)}`,
          );
          before = await snapshot(t);
        }
      }
      console.log(
        `hostile API input on ${kind}: ${tried} requests to ${names.length} actions (seed ${SEED})`,
      );
      expect(failures.join('\n\n')).toBe('');
    }, 300_000);
  });
}
