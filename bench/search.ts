import { randomBytes } from 'node:crypto';
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Fastify, { type FastifyInstance } from 'fastify';
import { type CompiledQuery, type Kysely, sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/kernel/config.js';
import { type Database, type DriverKind, openDatabase } from '../src/kernel/db/database.js';
import { migrateToLatest } from '../src/kernel/db/migrate.js';
import type { DB } from '../src/kernel/db/schema.js';
import { ensureSite } from '../src/modules/agencies/site.js';
import { refreshDatasetSearch } from '../src/modules/catalog/dataset.repository.js';
import { searchStatement } from '../src/modules/catalog/dataset-search.repository.js';
import { PUBLIC_VISIBILITY } from '../src/modules/catalog/dataset-search-where.repository.js';
import { warmPublicSearchIndex } from '../src/modules/catalog/index.js';
import { DEMO_TOPICS } from '../src/modules/demo/catalog/demo-topics.js';
import { DEMO_AGENCIES } from '../src/modules/demo/demo-agencies.js';
import { createApp } from '../src/modules.js';
import { type GeneratedDataset, generateCatalog, SEARCH_WORDS } from './catalog-generator.js';

/**
 * `npm run bench -- search`: how fast the CKAN API answers on a realistic catalog.
 *
 * Loads N generated datasets (default 20,000) in bulk straight into a fresh database — PGlite in
 * a folder under the OS temp dir and, when BENCH_DATABASE_URL or DATABASE_URL names a PostgreSQL
 * server, a new database created there and dropped afterwards — then starts the real app
 * (createApp) on a free port per engine and fires autocannon (in a worker thread) at:
 *   (a) a bare Fastify JSON route in this same process: the ceiling of this machine,
 *   (b) package_search with a q word and two facets (organization, tags), rotating 8 words,
 *       as served (repeats from the anonymous page cache) and with that cache off (answered by
 *       the public search index, built once after the load as at a server's first search),
 *   (c) package_show, rotating 200 public datasets,
 *   (d) the dataset page, the /dataset search page and the home page,
 * each beside a raw-SQL baseline run straight through the driver with as many concurrent
 * callers (package_search's own statement; one stored-dict row), and then package_search alone
 * on a PostgreSQL catalog of --large datasets (default 100,000; 0 skips it).
 * Prints requests/s and p50/p95/p99 latency per engine, and each as a share of the ceiling.
 */

interface Options {
  datasets: number;
  duration: number;
  connections: number;
  warmup: number;
  engines: DriverKind[];
  /** Datasets of the extra PostgreSQL run that measures package_search alone (0: none). */
  large: number;
  /** Where to write the search statement's EXPLAIN (ANALYZE, BUFFERS) per engine (--plans FILE). */
  plans: string | undefined;
}

interface Measure {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  statuses: Record<string, number>;
}

interface Row {
  engine: string;
  target: string;
  m: Measure;
  /** The raw-SQL row this one is compared with (its p95). */
  baseline?: Measure;
}

function parseArgs(args: string[]): Options {
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const num = (flag: string, dflt: number, min = 1) => {
    const v = value(flag);
    const n = v === undefined ? dflt : Number(v);
    if (!Number.isFinite(n) || n < min) throw new Error(`${flag} must be a number ≥ ${min}`);
    return n;
  };
  const engine = value('--engine') ?? 'all';
  const pgUrl = postgresUrl();
  const engines: DriverKind[] =
    engine === 'pglite'
      ? ['pglite']
      : engine === 'postgres'
        ? ['postgres']
        : pgUrl
          ? ['pglite', 'postgres']
          : ['pglite'];
  if (engines.includes('postgres') && !pgUrl)
    throw new Error('--engine postgres needs BENCH_DATABASE_URL or DATABASE_URL (a PostgreSQL server URL)');
  return {
    datasets: Math.floor(num('--datasets', 20_000)),
    duration: num('--duration', 10),
    connections: Math.floor(num('--connections', 16)),
    warmup: num('--warmup', 2, 0),
    engines,
    large: engines.includes('postgres') ? Math.floor(num('--large', 100_000, 0)) : 0,
    plans: value('--plans'),
  };
}

function postgresUrl(): string | undefined {
  return process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

/** Run autocannon in a worker thread against `paths` of `url`. */
function load(url: string, paths: string[], o: Options): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
      workerData: { url, paths, connections: o.connections, duration: o.duration, warmup: o.warmup },
    });
    worker.once('message', (m: Measure) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load worker exited with ${code}`));
    });
  });
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  return `http://127.0.0.1:${addr.port}`;
}

const since = (t: number) => `${((Date.now() - t) / 1000).toFixed(1)} s`;

/** Insert `rows` as JSON through jsonb_to_recordset: one multi-row INSERT per chunk. */
async function insertJson(
  db: Kysely<DB>,
  rows: unknown[],
  statement: (json: string) => ReturnType<typeof sql>,
) {
  for (let i = 0; i < rows.length; i += 2000)
    await statement(JSON.stringify(rows.slice(i, i + 2000))).execute(db);
}

/** Bulk-load the generated catalog, then compute every search vector in one UPDATE. */
export async function loadCatalog(db: Kysely<DB>, catalog: GeneratedDataset[]): Promise<void> {
  const agencies = new Map<string, string>();
  for (const a of DEMO_AGENCIES) {
    const row = await db
      .insertInto('agency')
      .values({ code: a.code, name: a.name, short_name: a.shortName, kind: a.kind })
      .returning(['id', 'code'])
      .executeTakeFirstOrThrow();
    agencies.set(row.code, row.id);
  }
  const topics = new Map<string, string>();
  for (const t of DEMO_TOPICS) {
    const row = await db
      .insertInto('topic')
      .values({ name: t.name, title: t.title, title_en: t.titleEn, description: t.description })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
    topics.set(row.name, row.id);
  }
  const datasets = catalog.map((d) => ({
    id: d.id,
    name: d.name,
    title: d.title,
    notes: d.notes,
    agency_id: agencies.get(d.agency_code),
    license_id: d.license_id,
    state: d.state,
    private: d.private,
    created: d.created,
    modified: d.modified,
  }));
  await insertJson(
    db,
    datasets,
    (json) => sql`
      insert into dataset (id, name, title, notes, agency_id, license_id, state, private, metadata_created, metadata_modified)
      select id, name, title, notes, agency_id, license_id, state, private, created, modified
      from jsonb_to_recordset(${json}::jsonb) as x(id uuid, name text, title text, notes text, agency_id uuid,
        license_id text, state text, private boolean, created timestamptz, modified timestamptz)`,
  );
  await insertJson(
    db,
    catalog.flatMap((d) => d.tags.map((tag) => ({ dataset_id: d.id, tag }))),
    (json) => sql`
      insert into dataset_tag (dataset_id, tag)
      select dataset_id, tag from jsonb_to_recordset(${json}::jsonb) as x(dataset_id uuid, tag text)`,
  );
  await insertJson(
    db,
    catalog.flatMap((d) => d.topics.map((t) => ({ dataset_id: d.id, topic_id: topics.get(t) }))),
    (json) => sql`
      insert into dataset_topic (dataset_id, topic_id)
      select dataset_id, topic_id from jsonb_to_recordset(${json}::jsonb) as x(dataset_id uuid, topic_id uuid)`,
  );
  await insertJson(
    db,
    catalog.flatMap((d) => d.resources.map((r) => ({ ...r, dataset_id: d.id, created: d.created }))),
    (json) => sql`
      insert into resource (id, dataset_id, position, name, description, format, url, created, metadata_modified)
      select id, dataset_id, position, name, description, format, url, created, created
      from jsonb_to_recordset(${json}::jsonb) as x(id uuid, dataset_id uuid, position int, name text,
        description text, format text, url text, created timestamptz)`,
  );
  await refreshDatasetSearch(db);
  // As autovacuum would after a bulk load: the search-vector UPDATE left a dead copy of every row.
  await sql`vacuum analyze`.execute(db);
}

/** A fresh database of `kind`: PGlite in a temp folder, or a new database on the PostgreSQL server. */
async function freshDatabase(kind: DriverKind) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'satudata-bench-'));
  if (kind === 'pglite') {
    const database = await openDatabase({ dataDir });
    return {
      database,
      dataDir,
      databaseUrl: undefined,
      cleanup: async () => {
        await database.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  const serverUrl = postgresUrl() as string;
  const name = `sd_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const databaseUrl = u.toString();
  const database = await openDatabase({ databaseUrl, dataDir });
  return {
    database,
    dataDir,
    databaseUrl,
    cleanup: async () => {
      await database.close();
      const drop = new pg.Client({ connectionString: serverUrl });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function expectOk(base: string, p: string): Promise<unknown> {
  const res = await fetch(base + p);
  const body = (await res.json()) as { success?: boolean; result?: unknown };
  if (res.status !== 200 || !body.success)
    throw new Error(`${p} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return body.result;
}

/**
 * The raw-SQL baseline: `run` called by `o.connections` concurrent callers for the same warm-up
 * and duration as the HTTP runs, with the same percentiles — what the database alone gives.
 */
async function rawLoad(run: (i: number) => Promise<unknown>, o: Options): Promise<Measure> {
  const fire = async (seconds: number, times: number[] | null) => {
    const until = performance.now() + seconds * 1000;
    let next = 0;
    await Promise.all(
      Array.from({ length: o.connections }, async () => {
        while (performance.now() < until) {
          const t = performance.now();
          await run(next++);
          times?.push(performance.now() - t);
        }
      }),
    );
  };
  if (o.warmup > 0) await fire(o.warmup, null);
  const times: number[] = [];
  const started = performance.now();
  await fire(o.duration, times);
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] ?? 0;
  return {
    requests: times.length,
    seconds,
    rps: times.length / seconds,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    non2xx: 0,
    errors: 0,
    statuses: {},
  };
}

/** The statement package_search runs for `word` (anonymous, q + organization and tags facets). */
function searchQuery(db: Kysely<DB>, word: string) {
  return searchStatement(db, {
    clauses: [],
    text: word,
    sort: [{ key: 'score', dir: 'desc' }],
    rows: 10,
    start: 0,
    visibility: PUBLIC_VISIBILITY,
    facetFields: ['organization', 'tags'],
    facetLimit: 50,
    facetMinCount: 1,
  }).compile(db);
}

/** Runs compiled statements straight through the driver: a pg pool of `connections`, or PGlite. */
function rawRunner(env: { database: Database; databaseUrl: string | undefined }, o: Options) {
  if (!env.databaseUrl) {
    const db = env.database.db;
    return {
      query: (q: CompiledQuery) => db.executeQuery(q),
      close: async () => {},
    };
  }
  const pool = new pg.Pool({ connectionString: env.databaseUrl, max: o.connections });
  return {
    query: (q: CompiledQuery) => pool.query(q.sql, q.parameters as unknown[]),
    close: () => pool.end(),
  };
}

async function benchEngine(
  kind: DriverKind,
  catalog: GeneratedDataset[],
  o: Options,
  only: 'all' | 'search' = 'all',
): Promise<Row[]> {
  const label = `${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}${only === 'search' ? ` ${catalog.length / 1000}k` : ''}`;
  let t = Date.now();
  const env = await freshDatabase(kind);
  try {
    await migrateToLatest(env.database.db);
    console.log(`[${label}] fresh database migrated in ${since(t)}`);
    t = Date.now();
    await loadCatalog(env.database.db, catalog);
    const counts = await countRows(env.database);
    console.log(
      `[${label}] loaded ${counts} in ${since(t)} (bulk INSERT … jsonb_to_recordset, one UPDATE for search vectors)`,
    );
    const config = loadConfig({
      NODE_ENV: 'production',
      DATA_DIR: env.dataDir,
      LOG_LEVEL: 'silent',
      SITE_URL: 'http://127.0.0.1',
      ...(env.databaseUrl ? { DATABASE_URL: env.databaseUrl } : {}),
    });
    const site = await ensureSite(env.database.db, config);
    t = Date.now();
    const heapBefore = process.memoryUsage().heapUsed;
    await warmPublicSearchIndex(env.database.db);
    console.log(
      `[${label}] public search index built in ${since(t)} (heap +${((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20).toFixed(0)} MiB)`,
    );
    const app = await createApp({ config, database: env.database, site, logger: false });
    // The same pages with the anonymous page cache off: what a first view (or a changed catalog) costs.
    const coldApp = await createApp({
      config: { ...config, pageCache: false },
      database: env.database,
      site,
      logger: false,
    });
    const raw = rawRunner(env, o);
    try {
      const base = await listen(app);
      const coldBase = await listen(coldApp);
      const facets = encodeURIComponent('["organization","tags"]');
      const searchPaths = SEARCH_WORDS.map(
        (w) => `/api/3/action/package_search?q=${w}&facet.field=${facets}`,
      );
      const hits: string[] = [];
      for (const [i, p] of searchPaths.entries()) {
        const r = (await expectOk(base, p)) as { count: number };
        hits.push(`${SEARCH_WORDS[i]} ${r.count}`);
      }
      console.log(`[${label}] package_search hits per word: ${hits.join(', ')}`);
      const names = catalog.filter((d) => d.state === 'active' && !d.private).slice(0, 200);
      const showPaths = names.map((d) => `/api/3/action/package_show?id=${d.name}`);
      // Every measured dict is built and stored once before any run (as on a site that was read).
      for (const p of showPaths) await expectOk(base, p);
      const searchStatements = SEARCH_WORDS.map((w) => searchQuery(env.database.db, w));
      const ids = names.map((d) => d.id);
      const oneRow = ids.map((id) =>
        sql`select dict from package_dict where dataset_id = ${id}`.compile(env.database.db),
      );
      const rawSearch = () =>
        rawLoad((i) => raw.query(searchStatements[i % searchStatements.length] as CompiledQuery), o);
      const rawRow = () => rawLoad((i) => raw.query(oneRow[i % oneRow.length] as CompiledQuery), o);
      const rows: Row[] = [];
      const measure = async (target: string, run: () => Promise<Measure>, baseline?: Measure) => {
        const m = await run();
        console.log(
          `[${label}] ${target}: ${m.rps.toFixed(0)} req/s, p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms, p99 ${m.p99.toFixed(1)} ms`,
        );
        rows.push({ engine: label, target, m, ...(baseline ? { baseline } : {}) });
        return m;
      };
      if (o.plans) await appendPlan(o.plans, label, env.database.db, searchStatements[0] as CompiledQuery);
      const searchBase = await measure('raw SQL: search statement', rawSearch);
      // Each word asked once before (as on a site that was searched): a repeat anonymous search
      // is served from the page cache; the "cache off" row is what every first search costs.
      await measure('package_search (q + 2 facets)', () => load(base, searchPaths, o), searchBase);
      await measure('package_search, cache off', () => load(coldBase, searchPaths, o), searchBase);
      if (only === 'search') return rows;
      const rowBase = await measure('raw SQL: one stored dict row', rawRow);
      await measure('package_show', () => load(base, showPaths, o), rowBase);
      const pagePaths = names.map((d) => `/dataset/${d.name}`);
      const searchPagePaths = SEARCH_WORDS.map((w) => `/dataset?q=${w}`);
      // Each page read once first, as the dicts above (a site that was read): the cached rows
      // measure repeat views; the "cache off" rows below what a first view costs.
      for (const p of [...pagePaths, ...searchPagePaths, '/'])
        await fetch(base + p).then((r) => r.arrayBuffer());
      await measure('dataset page', () => load(base, pagePaths, o), rowBase);
      await measure('search page /dataset', () => load(base, searchPagePaths, o), searchBase);
      await measure('home page /', () => load(base, ['/'], o));
      await measure('dataset page, cache off', () => load(coldBase, pagePaths, o), rowBase);
      await measure('search page, cache off', () => load(coldBase, searchPagePaths, o), searchBase);
      await measure('home page, cache off', () => load(coldBase, ['/'], o));
      return rows;
    } finally {
      await raw.close();
      await app.close();
      await coldApp.close();
    }
  } finally {
    await env.cleanup();
  }
}

/** The search statement's plan, warm (run once before), appended to `file` under `label`. */
async function appendPlan(file: string, label: string, db: Kysely<DB>, q: CompiledQuery) {
  await db.executeQuery(q);
  const explain = { ...q, sql: `explain (analyze, buffers) ${q.sql}` } as CompiledQuery;
  const rows = (await db.executeQuery(explain)).rows as Record<string, string>[];
  const plan = rows.map((r) => Object.values(r)[0]).join('\n');
  const words = SEARCH_WORDS[0];
  await appendFile(
    file,
    `\n## ${label}, ${new Date().toISOString().slice(0, 10)}: package_search q=${words}, facets organization and tags\n\n\`\`\`\n${q.sql.trim()}\n\`\`\`\n\n\`\`\`\n${plan}\n\`\`\`\n`,
  );
}

async function countRows(database: Database): Promise<string> {
  const r = await sql<{ d: number; r: number; t: number }>`
    select (select count(*) from dataset)::int as d, (select count(*) from resource)::int as r,
           (select count(*) from dataset_tag)::int as t`.execute(database.db);
  const row = r.rows[0];
  return `${row?.d} datasets, ${row?.r} resources, ${row?.t} tags`;
}

function printTable(rows: Row[], ceiling: number, o: Options) {
  const header = [
    'Engine',
    'Endpoint',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'of ceiling',
    'p95 / raw',
    'non-2xx',
  ];
  const lines = rows.map((r) => [
    r.engine,
    r.target,
    r.m.rps.toFixed(0),
    r.m.p50.toFixed(1),
    r.m.p95.toFixed(1),
    r.m.p99.toFixed(1),
    `${((r.m.rps / ceiling) * 100).toFixed(1)}%`,
    r.baseline ? `${(r.m.p95 / r.baseline.p95).toFixed(2)}×` : '',
    String(r.m.non2xx + r.m.errors),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(
    `\n${o.datasets} datasets, ${o.connections} connections, ${o.duration} s per run (after ${o.warmup} s warm-up); node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}`,
  );
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
}

export async function run(args: string[]): Promise<void> {
  const o = parseArgs(args);
  let t = Date.now();
  const catalog = generateCatalog(o.datasets);
  console.log(`Generated ${catalog.length} datasets in ${since(t)}; engines: ${o.engines.join(', ')}`);

  const bare = Fastify({ logger: false });
  bare.get('/json', async () => ({ hello: 'world' }));
  const bareUrl = await listen(bare);
  t = Date.now();
  const ceiling = await load(bareUrl, ['/json'], o);
  await bare.close();
  console.log(
    `[ceiling] bare Fastify JSON: ${ceiling.rps.toFixed(0)} req/s, p99 ${ceiling.p99.toFixed(1)} ms`,
  );
  const rows: Row[] = [{ engine: '-', target: 'bare Fastify JSON (ceiling)', m: ceiling }];
  for (const kind of o.engines) rows.push(...(await benchEngine(kind, catalog, o)));
  if (o.large > 0) {
    t = Date.now();
    const large = generateCatalog(o.large);
    console.log(`Generated ${large.length} datasets in ${since(t)} for the PostgreSQL search run`);
    rows.push(...(await benchEngine('postgres', large, o, 'search')));
  }
  printTable(rows, ceiling.rps, o);
  const failed = rows.filter((r) => r.m.non2xx + r.m.errors > 0);
  if (failed.length) {
    for (const r of failed)
      console.error(
        `${r.engine} ${r.target}: statuses ${JSON.stringify(r.m.statuses)}, errors ${r.m.errors}`,
      );
    process.exitCode = 1;
  }
}
