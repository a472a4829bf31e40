#!/usr/bin/env node
// `npm run bench -- <name> [options]`: performance benchmarks. The benchmarks are TypeScript run
// through tsx's loader, as bin/satudata.js runs the CLI, so they need no build step.
import { register } from 'tsx/esm/api';

const BENCHES = {
  search: {
    file: '../bench/search.ts',
    about:
      'CKAN API throughput: 20,000 generated datasets on PGlite (and PostgreSQL when BENCH_DATABASE_URL or DATABASE_URL is set); package_search with q and two facets, package_show, the dataset, search and home pages, each beside a raw-SQL baseline, against a bare Fastify ceiling; package_search at 100,000 datasets on PostgreSQL',
  },
  ingest: {
    file: '../bench/ingest.ts',
    about:
      'Tabular ingest: a generated 8-column CSV (1,000,000 rows) loaded by the full pipeline (read + validate + typed COPY + keys + swap; the full-text fill after the swap timed apart) with a declared schema and as an undeclared first upload, against a raw COPY of the same file: rows/s, ratio, peak RSS (each in a process of its own) and time per stage, on PGlite on disk (and PostgreSQL when BENCH_DATABASE_URL or DATABASE_URL is set)',
  },
};

const [name, ...args] = process.argv.slice(2);
const bench = name ? BENCHES[name] : undefined;
if (!bench) {
  if (name) console.error(`Unknown benchmark: ${name}\n`);
  console.log('Usage: npm run bench -- <name> [options]\n\nBenchmarks:');
  for (const [n, b] of Object.entries(BENCHES)) console.log(`  ${n.padEnd(10)} ${b.about}`);
  console.log(
    "\nOptions of search: --datasets N (20000), --duration S (10), --connections C (16), --warmup S (2), --engine pglite|postgres|all, --large N (100000: package_search alone on PostgreSQL; 0 skips), --plans FILE (append the search statement's EXPLAIN ANALYZE per engine)",
  );
  console.log(
    'Options of ingest: --rows N (1000000), --engine pglite|postgres|all, --repeat N (interleaved rounds, medians), --phases raw,declared,undeclared, --no-full-text, --csv FILE (keep and reuse the generated CSV)',
  );
  process.exit(name ? 1 : 0);
}
register();
const mod = await import(bench.file);
await mod.run(args);
