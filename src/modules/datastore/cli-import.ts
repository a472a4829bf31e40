/**
 * `satudata import FILE --dataset NAME [--resource ID] [--sheet NAME]`: the file is streamed into
 * the file store, recorded through resource_create / resource_update (so it is validated,
 * audited and queued like any upload), then loaded here while a progress bar on stderr shows
 * rows and bytes. When another process (a server on the same PostgreSQL) took the job, the
 * command follows its progress instead.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { Actor } from '../../kernel/access/policy.js';
import { SYSTEM_ACTOR } from '../../kernel/access/system-actor.js';
import { executeAction } from '../../kernel/actions/action.js';
import type { ActionContext } from '../../kernel/actions/context.js';
import type { Config } from '../../kernel/config.js';
import type { Database } from '../../kernel/db/database.js';
import { NotFoundError, ValidationError } from '../../kernel/errors.js';
import { JobRunner } from '../../kernel/jobs/job-runner.js';
import { fileStoreFor } from '../../kernel/storage/file-store.js';
import { findDataset } from '../catalog/index.js';
import { resourceCreate, resourceUpdate } from './actions/resource-write.js';
import type { ValidationReport } from './domain/validation/validation-report.js';
import { getVersion, latestResourceVersion } from './resource-version.repository.js';

/**
 * Who imports when no `--user` is named: the console operator ("sistem" in the audit log), who
 * owns the data folder and loads data for any agency, as the region's custodian does.
 */
export const CONSOLE_IMPORTER: Actor = Object.freeze({
  ...SYSTEM_ACTOR,
  roles: [...SYSTEM_ACTOR.roles, 'custodian'] as const,
});

export interface ImportOptions {
  dataset: string;
  resource?: string;
  sheet?: string;
  name?: string;
}

export interface ImportResult {
  resourceId: string;
  version: number;
  state: 'complete' | 'error';
  rows: number;
  error: { message: string; message_en?: string } | null;
  report: ValidationReport | null;
}

const MB = 1024 * 1024;

/** One line of progress: a bar by bytes, then rows and bytes. */
export function progressLine(rows: number, bytes: number, total: number, width = 30): string {
  const ratio = total > 0 ? Math.min(1, bytes / total) : 0;
  const filled = Math.round(ratio * width);
  const size = (n: number) => (n >= MB ? `${(n / MB).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${rows.toLocaleString('id-ID')} baris/rows ${size(bytes)} / ${size(total)}`;
}

export async function importFile(
  database: Database,
  config: Config,
  ctx: ActionContext,
  file: string,
  options: ImportOptions,
  progress: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
): Promise<ImportResult> {
  const dataset = await findDataset(database.db, options.dataset);
  if (!dataset)
    throw new NotFoundError({
      id: `Dataset "${options.dataset}" tidak ditemukan`,
      en: `Dataset "${options.dataset}" not found`,
    });
  const files = fileStoreFor(config);
  const stored = await files.save(createReadStream(file), path.basename(file), config.uploadMaxBytes);
  const upload = { ...stored };
  const fields = {
    upload,
    ...(options.sheet ? { sheet: options.sheet } : {}),
    ...(options.name ? { name: options.name } : {}),
  };
  let resourceId: string;
  try {
    const saved = options.resource
      ? await executeAction(ctx, resourceUpdate, { ...fields, id: options.resource })
      : await executeAction(ctx, resourceCreate, { ...fields, package_id: dataset.id });
    resourceId = saved.id;
  } catch (err) {
    await files.remove(stored.key);
    throw err;
  }
  const version = await latestResourceVersion(database.db, resourceId);
  if (!version || version.storage_key !== stored.key)
    throw new ValidationError({
      upload: [
        {
          id: 'Berkas bukan tabel (CSV/XLSX): disimpan, tidak dimuat ke datastore',
          en: 'The file is not a table (CSV/XLSX): stored, not loaded into the datastore',
        },
      ],
    });

  const runner = new JobRunner({ db: database.db, driver: database.kind, files });
  const read = () => getVersion(database.db, version.id);
  const draw = async () => {
    const v = await read();
    const line = progressLine(v.rows_done, v.bytes_done, v.size_bytes);
    progress.write(progress.isTTY ? `\r${line}` : `${line}\n`);
    return v;
  };
  const timer = setInterval(() => void draw().catch(() => {}), progress.isTTY ? 250 : 2000);
  let current = await read();
  try {
    while (current.state === 'pending' || current.state === 'running') {
      const ran = await runner.runOne();
      current = await read();
      if (!ran && (current.state === 'pending' || current.state === 'running'))
        await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    clearInterval(timer);
  }
  await draw();
  if (progress.isTTY) progress.write('\n');
  return {
    resourceId,
    version: current.number,
    state: current.state === 'complete' ? 'complete' : 'error',
    rows: current.row_count ?? current.rows_done,
    error: current.error,
    report: (current.report as ValidationReport | null) ?? null,
  };
}

/** The outcome for the operator, both languages. */
export function describeImport(r: ImportResult): string[] {
  if (r.state === 'complete')
    return [
      `OK: ${r.rows} baris dimuat sebagai versi ${r.version} / ${r.rows} rows loaded as version ${r.version} (resource ${r.resourceId})`,
    ];
  const lines = [`GAGAL / FAILED: versi ${r.version} tidak dimuat / version ${r.version} not loaded`];
  if (r.error) lines.push(`  ${r.error.message}`, `  ${r.error.message_en ?? ''}`);
  for (const g of r.report?.errors ?? []) {
    lines.push(`  ${g.title} / ${g.title_en}: ${g.count}`);
    for (const x of g.examples.slice(0, 5)) lines.push(`    ${x.message} / ${x.message_en}`);
  }
  return lines;
}
