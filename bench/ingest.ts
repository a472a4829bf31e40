import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { type Database, type DriverKind, openDatabase } from '../src/kernel/db/database.js';
import { migrateToLatest } from '../src/kernel/db/migrate.js';
import { DiskFileStore } from '../src/kernel/storage/file-store.js';
import type { TableSchema } from '../src/kernel/table-schema/table-schema.js';
import { type CopySink, pgCopySink, pgliteCopySink } from '../src/modules/datastore/copy-sink.js';
import { CsvSplitter } from '../src/modules/datastore/domain/table-reading/csv-splitter.js';
import { fillFullText } from '../src/modules/datastore/full-text-fill.js';
import { emptyStages, type IngestStages, ingestVersion } from '../src/modules/datastore/ingest.js';
import { STAGE_NAMES, stageMark } from '../src/modules/datastore/ingest-stages.js';
import { createIngestVersion } from '../src/modules/datastore/resource-versions.js';

/**
 * `npm run bench -- ingest [--rows N] [--engine pglite|postgres|all]`: how fast a valid CSV
 * becomes a typed, swapped-in datastore table, against a raw COPY of the same file.
 *
 * Generates an N-row (default 1,000,000), 8-column CSV (region codes, names, years, integers,
 * decimals, text), then per engine — PGlite on disk in a temp folder, and PostgreSQL in a new
 * database when BENCH_DATABASE_URL or DATABASE_URL is set — measures:
 *   (a) baseline: the file's text COPYed (CSV format) into an untyped all-text table, streamed in
 *       the same chunks the loader uses, no parsing in Node;
 *   (b) declared: our full pipeline on the stored file for a resource with a declared Table
 *       Schema (types, required, the village code a foreign key to the region table), as the job
 *       runs it: read + parse + validate + typed COPY + primary key + swap (full text after);
 *   (c) undeclared: the same for a first upload with no schema (inferred from the file).
 * Each measurement runs in a child process of its own with a fresh database, so its peak RSS is
 * its own (PGlite's worker thread lives in that process, so its memory counts); the setup's
 * garbage (migrations) is collected before the measurement starts. Prints rows/s,
 * the ratio to (a), the peak RSS, the CPU time of this process and (PostgreSQL on this machine)
 * of the server's processes, and for (b) and (c) the main thread's time per stage (wall and
 * CPU): read (file + decode; + papaparse off the fast path), schema (inference), validate (on the
 * CSV fast path one pass: split, check, COPY bytes; the split alone is timed apart), COPY wait
 * (stalled on the database), finish (last chunk, primary key), swap; then, apart, the `_full_text`
 * fill the background job does after the swap (issue 20: not part of the load any more).
 *
 * More options (bin/bench.js lists the first two): `--repeat N` runs N rounds of every phase in
 * turn (raw, declared, undeclared, raw, …) and reports each phase's medians and each round's ratio
 * to that round's raw COPY, as a shared machine makes single runs noisy; `--phases raw,declared`
 * measures only those; `--no-full-text` skips timing the fill after the swap; `--csv FILE` keeps
 * the generated CSV there and reuses it when it exists (to profile one child with the same file:
 * `node --cpu-prof bin/bench.js ingest --child postgres:declared --file FILE --no-full-text`).
 */

interface Options {
  rows: number;
  engines: DriverKind[];
  /** Each phase measured this many times, interleaved (raw, declared, undeclared, raw, …); medians reported. */
  repeat: number;
  phases: Phase[];
  /** Time the `_full_text` fill after the swap (half a minute per load on PostgreSQL). */
  fullText: boolean;
  /** Keep the generated CSV here (reused when it exists), e.g. to profile one child. */
  csv: string | undefined;
}

const COLUMNS = [
  'kode_desa',
  'nama_desa',
  'tahun',
  'jumlah_penduduk',
  'jumlah_keluarga',
  'luas_km2',
  'kepadatan',
  'keterangan',
];

function postgresUrl(): string | undefined {
  return process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

function parseArgs(args: string[]): Options {
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const rows = Number(value('--rows') ?? 1_000_000);
  if (!Number.isInteger(rows) || rows < 1) throw new Error('--rows must be a whole number ≥ 1');
  const engine = value('--engine') ?? 'all';
  const url = postgresUrl();
  const engines: DriverKind[] =
    engine === 'pglite'
      ? ['pglite']
      : engine === 'postgres'
        ? ['postgres']
        : url
          ? ['pglite', 'postgres']
          : ['pglite'];
  if (engines.includes('postgres') && !url)
    throw new Error('--engine postgres needs BENCH_DATABASE_URL or DATABASE_URL (a PostgreSQL server URL)');
  const repeat = Number(value('--repeat') ?? 1);
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error('--repeat must be a whole number ≥ 1');
  const phases = (value('--phases') ?? PHASES.join(',')).split(',') as Phase[];
  if (!phases.includes('raw') || phases.some((p) => !PHASES.includes(p)))
    throw new Error(`--phases: raw plus any of ${PHASES.join(', ')}`);
  return { rows, engines, repeat, phases, fullText: !args.includes('--no-full-text'), csv: value('--csv') };
}

/** Writes the CSV with backpressure; deterministic (a simple LCG), so runs compare. */
async function generateCsv(file: string, rows: number, villages: readonly string[]): Promise<number> {
  const out = createWriteStream(file);
  let seed = 42;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const notes = ['', 'desa definitif', 'hasil pemekaran', 'data sementara, "revisi"', 'kelurahan'];
  out.write(`${COLUMNS.join(',')}\n`);
  let lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const village = villages[i % villages.length];
    const people = 800 + Math.floor(rand() * 15_000);
    const area = (1 + rand() * 40).toFixed(2);
    const note = notes[i % notes.length] ?? '';
    lines.push(
      `${village},Desa ${i},${2015 + (i % 10)},${people},${Math.floor(people / 3.4)},${area},${(people / Number(area)).toFixed(3)},${note.includes(',') || note.includes('"') ? `"${note.replace(/"/g, '""')}"` : note}`,
    );
    if (lines.length === 10_000) {
      if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
      lines = [];
    }
  }
  if (lines.length) out.write(`${lines.join('\n')}\n`);
  out.end();
  await once(out, 'finish');
  return (await stat(file)).size;
}

/** Samples this process's RSS while `work` runs; returns the work's result and the peak. */
async function withPeakRss<T>(
  work: () => Promise<T>,
): Promise<{ result: T; peakRss: number; seconds: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  const started = process.hrtime.bigint();
  try {
    const result = await work();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, peakRss: peak, seconds };
  } finally {
    clearInterval(timer);
  }
}

async function freshDatabase(kind: DriverKind) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'satudata-bench-ingest-'));
  if (kind === 'pglite') {
    const database = await openDatabase({ dataDir });
    return {
      database,
      dataDir,
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
  const database = await openDatabase({ databaseUrl: u.toString(), dataDir });
  return {
    database,
    dataDir,
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

/** Streams the file's lines (after the header) into `sink` in chunks of about `chunkBytes`. */
async function feedFile(file: string, sink: CopySink, chunkBytes: number): Promise<void> {
  let rest = '';
  let isHeader = true;
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: chunkBytes })) {
    let text = rest + (chunk as string);
    const cut = text.lastIndexOf('\n');
    rest = text.slice(cut + 1);
    text = text.slice(0, cut + 1);
    if (isHeader) {
      text = text.slice(text.indexOf('\n') + 1);
      isHeader = false;
    }
    if (text) await sink.write(text);
  }
  if (rest) await sink.write(`${rest}\n`);
  await sink.finish();
}

/** (a) raw COPY of the CSV into an all-text table. */
async function baseline(database: Database, file: string): Promise<void> {
  const { db } = database;
  const columns = COLUMNS.map((c) => `${c} text`).join(', ');
  await sql.raw(`create table bench_raw (${columns})`).execute(db);
  if (database.kind === 'postgres')
    await db.transaction().execute(async (trx) => {
      const sink = await pgCopySink(trx, 'copy bench_raw from stdin (format csv)');
      await feedFile(file, sink, 1 << 20);
    });
  else await feedFile(file, pgliteCopySink(db, `copy bench_raw from '/dev/blob' (format csv)`), 4 << 20);
}

/** A dataset and resource to load into (rows written directly: the bench measures the load). */
async function target(database: Database, schema: TableSchema | null) {
  const { db } = database;
  const agency = await db
    .insertInto('agency')
    .values({
      code: `bench-${randomBytes(3).toString('hex')}`,
      name: 'Bench',
      short_name: 'BENCH',
      kind: 'department',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const dataset = await db
    .insertInto('dataset')
    .values({ name: `bench-${randomBytes(3).toString('hex')}`, title: 'Bench', agency_id: agency.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  return db
    .insertInto('resource')
    .values({
      dataset_id: dataset.id,
      name: 'desa.csv',
      format: 'CSV',
      table_schema: schema ? JSON.stringify(schema) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The schema a producer would declare for the generated file. */
const DECLARED: TableSchema = {
  fields: [
    { name: 'kode_desa', type: 'string', constraints: { required: true } },
    { name: 'nama_desa', type: 'string', constraints: { required: true } },
    { name: 'tahun', type: 'year', constraints: { required: true, minimum: 2000, maximum: 2100 } },
    { name: 'jumlah_penduduk', type: 'integer', constraints: { required: true, minimum: 0 } },
    { name: 'jumlah_keluarga', type: 'integer', constraints: { required: true, minimum: 0 } },
    { name: 'luas_km2', type: 'number', decimalChar: '.', constraints: { required: true, minimum: 0 } },
    { name: 'kepadatan', type: 'number', decimalChar: '.', constraints: { required: true } },
    { name: 'keterangan', type: 'string' },
  ],
  foreignKeys: [{ fields: 'kode_desa', reference: { resource: 'region:village', fields: 'code' } }],
};

/** (b) and (c): the full ingest of the stored file, as the job runs it. */
async function ingest(
  database: Database,
  dataDir: string,
  file: string,
  schema: TableSchema | null,
  stages: IngestStages,
) {
  const files = new DiskFileStore(path.join(dataDir, 'files'));
  const stored = await files.save(createReadStream(file), 'desa.csv', Number.MAX_SAFE_INTEGER);
  const resource = await target(database, schema);
  const version = await database.db.transaction().execute((trx) =>
    createIngestVersion(trx, {
      resourceId: resource.id,
      storageKey: stored.key,
      fileName: stored.fileName,
      format: 'CSV',
      sizeBytes: stored.size,
      sha256: stored.hash,
      createdBy: null,
    }),
  );
  return async () => {
    const outcome = await ingestVersion({ db: database.db, driver: database.kind, files }, version.id, {
      stages,
    });
    if (outcome.state !== 'complete')
      throw new Error(`ingest did not complete: ${JSON.stringify(outcome).slice(0, 2000)}`);
    return { rows: outcome.rowCount, versionId: version.id };
  };
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const rate = (rows: number, s: number) => Math.round(rows / s).toLocaleString('en-US');

type Phase = 'raw' | 'declared' | 'undeclared';
const PHASES: Phase[] = ['raw', 'declared', 'undeclared'];

interface Measured {
  seconds: number;
  peakRss: number;
  rows: number;
  stages: IngestStages | null;
  /** CPU of this process (all threads) during the measurement, ms. */
  cpu: number;
  /** PostgreSQL: CPU of the database's server processes during the measurement, ms. */
  serverCpu: number | null;
  /** After the swap, as the `full_text_backfill` job runs it (not in `seconds`). */
  fullText: { seconds: number; cpu: number; serverCpu: number | null; peakRss: number } | null;
}

/** PostgreSQL on this machine: CPU ms so far of each server process of the current database. */
async function serverCpu(database: Database): Promise<Map<number, number> | null> {
  if (database.kind !== 'postgres') return null;
  const r = await sql<{
    pid: number;
  }>`select pid from pg_stat_activity where datname = current_database()`.execute(database.db);
  const out = new Map<number, number>();
  for (const { pid } of r.rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      out.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
    } catch {
      return null; // not a local server
    }
  }
  return out;
}

function serverCpuSince(
  before: Map<number, number> | null,
  after: Map<number, number> | null,
): number | null {
  if (!before || !after) return null;
  let sum = 0;
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0);
  return sum;
}

/** Runs `work` measuring wall time, peak RSS, this process's CPU and the server's. */
async function measured<T>(database: Database, work: () => Promise<T>) {
  const server = await serverCpu(database);
  const cpu = stageMark().cpu;
  const run = await withPeakRss(work);
  return {
    ...run,
    cpu: stageMark().cpu - cpu,
    serverCpu: serverCpuSince(server, await serverCpu(database)),
  };
}

/** One measurement in this process (the child's side): a fresh database, one phase. */
async function measure(kind: DriverKind, phase: Phase, file: string, fullText: boolean): Promise<Measured> {
  const env = await freshDatabase(kind);
  try {
    await migrateToLatest(env.database.db);
    // The migrations' garbage (the region files read, about 60 MB of heap) is not the load's:
    // collected now (the child runs with --expose-gc), the peak RSS is what the load itself
    // takes on top of a settled process, not how late V8 happened to collect that garbage.
    (globalThis as { gc?: () => void }).gc?.();
    if (phase === 'raw') {
      const raw = await measured(env.database, () => baseline(env.database, file));
      return { ...raw, rows: 0, stages: null, fullText: null, result: undefined } as Measured;
    }
    const stages = emptyStages();
    const load = await ingest(
      env.database,
      env.dataDir,
      file,
      phase === 'declared' ? DECLARED : null,
      stages,
    );
    const full = await measured(env.database, load);
    const { db, kind } = env.database;
    const base = {
      seconds: full.seconds,
      peakRss: full.peakRss,
      rows: full.result.rows,
      stages,
      cpu: full.cpu,
      serverCpu: full.serverCpu,
    };
    if (!fullText) return { ...base, fullText: null };
    const ft = await measured(env.database, async () => {
      const version = await db
        .selectFrom('resource_version')
        .select(['table_schema'])
        .where('id', '=', full.result.versionId)
        .executeTakeFirstOrThrow();
      if (!version.table_schema) throw new Error('no schema after the load');
      await fillFullText(db, kind, full.result.versionId, version.table_schema);
    });
    return {
      ...base,
      fullText: { seconds: ft.seconds, cpu: ft.cpu, serverCpu: ft.serverCpu, peakRss: ft.peakRss },
    };
  } finally {
    await env.cleanup();
  }
}

const run$ = promisify(execFile);

/** Runs one measurement in a child process, so each peak RSS is that measurement's alone. */
async function measureInChild(
  kind: DriverKind,
  phase: Phase,
  file: string,
  fullText: boolean,
): Promise<Measured> {
  const benchJs = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'bench.js');
  const { stdout } = await run$(
    process.execPath,
    [
      '--expose-gc',
      benchJs,
      'ingest',
      '--child',
      `${kind}:${phase}`,
      '--file',
      file,
      ...(fullText ? [] : ['--no-full-text']),
    ],
    { env: process.env, maxBuffer: 1 << 20 },
  );
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as Measured;
}

const ms = (n: number) => `${(n / 1000).toFixed(2)} s`;

const STAGE_LABELS: Record<(typeof STAGE_NAMES)[number], string> = {
  read: 'read',
  schema: 'schema',
  validate: 'validate (+ split, COPY text)',
  copyWait: 'COPY wait',
  finish: 'finish (last chunk + key)',
  swap: 'swap',
};

const cpuLine = (m: Pick<Measured, 'cpu' | 'serverCpu'>) =>
  `CPU: node ${ms(m.cpu)}${m.serverCpu === null ? '' : `, server ${ms(m.serverCpu)}`}`;

function stageLines(m: Measured): string[] {
  const stages = m.stages as IngestStages;
  const lines = [
    `            stages (wall / node CPU): ${STAGE_NAMES.map((n) => `${STAGE_LABELS[n]} ${ms(stages[n])} / ${ms(stages.cpu[n])}`).join(', ')}`,
    `            ${cpuLine(m)}`,
  ];
  if (m.fullText)
    lines.push(
      `            then full text after the swap (background job): ${ms(m.fullText.seconds * 1000)}, ${cpuLine(m.fullText)}, peak RSS ${mb(m.fullText.peakRss)}`,
    );
  return lines;
}

/**
 * The CSV fast path's record splitter alone over the file (decoded in the same 64 KB chunks,
 * nothing checked, no COPY text): the parse share of the fused `validate` stage.
 */
async function splitAlone(file: string): Promise<{ seconds: number; records: number }> {
  const splitter = new CsvSplitter({
    delimiter: ',',
    newline: '\n',
    span: { firstColumn: 0, width: COLUMNS.length },
    nextRowNumber: 1,
  });
  let records = 0;
  const count = () => {
    records++;
  };
  let spent = 0;
  let text = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 64 * 1024 })) {
    const t = performance.now();
    text += chunk as string;
    text = text.slice(splitter.split(text, false, count));
    spent += performance.now() - t;
  }
  const t = performance.now();
  splitter.split(text, true, count);
  spent += performance.now() - t;
  return { seconds: spent / 1000, records };
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Field by field, the median of several measurements of one phase (stages too). */
function medianOf(runs: readonly Measured[]): Measured {
  const first = runs[0] as Measured;
  const of = (pick: (m: Measured) => number) => median(runs.map(pick));
  const stagesOf = (): IngestStages | null => {
    if (!first.stages) return null;
    const stages = emptyStages();
    for (const n of STAGE_NAMES) {
      stages[n] = of((m) => (m.stages as IngestStages)[n]);
      stages.cpu[n] = of((m) => (m.stages as IngestStages).cpu[n]);
    }
    return stages;
  };
  const fullTexts = runs.flatMap((m) => (m.fullText ? [m.fullText] : []));
  return {
    seconds: of((m) => m.seconds),
    peakRss: of((m) => m.peakRss),
    rows: first.rows,
    stages: stagesOf(),
    cpu: of((m) => m.cpu),
    serverCpu: first.serverCpu === null ? null : of((m) => m.serverCpu ?? 0),
    fullText:
      fullTexts.length === 0
        ? null
        : {
            seconds: median(fullTexts.map((f) => f.seconds)),
            cpu: median(fullTexts.map((f) => f.cpu)),
            serverCpu:
              fullTexts[0]?.serverCpu === null ? null : median(fullTexts.map((f) => f.serverCpu ?? 0)),
            peakRss: median(fullTexts.map((f) => f.peakRss)),
          },
  };
}

export async function run(args: string[]): Promise<void> {
  const child = args.indexOf('--child');
  if (child >= 0) {
    const [kind, phase] = (args[child + 1] ?? '').split(':') as [DriverKind, Phase];
    const file = args[args.indexOf('--file') + 1] as string;
    const result = await measure(kind, phase, file, !args.includes('--no-full-text'));
    console.log(JSON.stringify(result));
    return;
  }
  const o = parseArgs(args);
  const work = await mkdtemp(path.join(os.tmpdir(), 'satudata-bench-csv-'));
  try {
    const file = o.csv ?? path.join(work, 'desa.csv');
    const lines: string[] = [];
    let generated = o.csv !== undefined && (await stat(o.csv).catch(() => null)) !== null;
    if (generated) console.log(`CSV: reusing ${file} (--csv)`);
    for (const kind of o.engines) {
      if (!generated) {
        // Real village codes (the reference table), so the foreign-key check passes as it would.
        const env = await freshDatabase(kind);
        try {
          await migrateToLatest(env.database.db);
          const villages = await env.database.db
            .selectFrom('region')
            .select('code')
            .where('level', '=', 'village')
            .where('retired_in', 'is', null)
            .orderBy('code')
            .execute();
          if (villages.length === 0) throw new Error('no village codes in the region table');
          const t0 = Date.now();
          const bytes = await generateCsv(
            file,
            o.rows,
            villages.map((v) => v.code),
          );
          generated = true;
          console.log(
            `CSV: ${o.rows.toLocaleString('en-US')} rows × ${COLUMNS.length} columns, ${mb(bytes)}, ${villages.length} village codes (${Date.now() - t0} ms to write)`,
          );
        } finally {
          await env.cleanup();
        }
      }
      // Rounds of every phase in turn, so a busy spell on a shared machine hits all of them alike;
      // each round's ratio is to that round's raw COPY.
      const runs = new Map<Phase, Measured[]>(o.phases.map((p) => [p, []]));
      const ratios = new Map<Phase, number[]>(o.phases.map((p) => [p, []]));
      for (let round = 1; round <= o.repeat; round++) {
        let rawSeconds = 0;
        for (const phase of o.phases) {
          const m = await measureInChild(kind, phase, file, o.fullText);
          if (phase !== 'raw' && m.rows !== o.rows)
            throw new Error(`${phase}: loaded ${m.rows} rows, expected ${o.rows}`);
          if (phase === 'raw') rawSeconds = m.seconds;
          else ratios.get(phase)?.push(rawSeconds / m.seconds);
          runs.get(phase)?.push(m);
          const ratio =
            phase === 'raw'
              ? ''
              : `  = ${Math.round((rawSeconds / m.seconds) * 100)}% of this round's raw COPY`;
          console.log(
            `  round ${round}/${o.repeat} ${kind} ${phase.padEnd(10)} ${m.seconds.toFixed(2)} s  peak RSS ${mb(m.peakRss)}  ${cpuLine(m)}${ratio}`,
          );
        }
      }
      const raw = medianOf(runs.get('raw') as Measured[]);
      const of = o.repeat > 1 ? ` (median of ${o.repeat})` : '';
      lines.push(
        `${kind.padEnd(9)} raw COPY    ${raw.seconds.toFixed(2).padStart(7)} s ${rate(o.rows, raw.seconds).padStart(10)} rows/s  peak RSS ${mb(raw.peakRss)}  ${cpuLine(raw)}${of}`,
      );
      for (const phase of o.phases) {
        if (phase === 'raw') continue;
        const all = runs.get(phase) as Measured[];
        const m = medianOf(all);
        const perRound = ratios.get(phase) as number[];
        const rounds =
          o.repeat > 1
            ? ` (median of ${o.repeat}; per round ${perRound.map((r) => `${Math.round(r * 100)}%`).join(' ')}, median ${Math.round(median(perRound) * 100)}%; max RSS ${mb(Math.max(...all.map((x) => x.peakRss)))})`
            : '';
        lines.push(
          `${kind.padEnd(9)} ${phase.padEnd(11)} ${m.seconds.toFixed(2).padStart(7)} s ${rate(o.rows, m.seconds).padStart(10)} rows/s  peak RSS ${mb(m.peakRss)}  = ${Math.round((raw.seconds / m.seconds) * 100)}% of raw COPY${rounds}`,
          ...(m.stages ? stageLines(m) : []),
        );
      }
    }
    const split = await splitAlone(file);
    lines.push(
      `CSV fast path: the record splitter alone (no checks, no COPY text) over the file: ${split.seconds.toFixed(2)} s (${split.records.toLocaleString('en-US')} records, header included; one-line records are split by the line reader together with their checks, fast-lines.ts)`,
    );
    console.log(`\nSummary (${o.rows.toLocaleString('en-US')} rows)\n${lines.join('\n')}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
