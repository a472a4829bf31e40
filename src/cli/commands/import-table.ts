import { loadConfig } from '../../kernel/config.js';
import { loadActor } from '../../modules/accounts/index.js';
import { CONSOLE_IMPORTER, describeImport, importFile } from '../../modules/datastore/index.js';
import { requireUser, withPlatform } from '../platform.js';

/** `satudata import <file>`: upload, validate and load a table, with a progress bar on stderr. */

export interface ImportOptions {
  dataset: string;
  resource?: string;
  sheet?: string;
  name?: string;
  user?: string;
}

export function importTable(file: string, o: ImportOptions): Promise<void> {
  return withPlatform('import', async (p, ctx) => {
    const actor = o.user ? await loadActor(ctx.db, (await requireUser(ctx, o.user)).id) : CONSOLE_IMPORTER;
    const r = await importFile(p.database, loadConfig(), { ...ctx, actor }, file, o);
    for (const line of describeImport(r)) (r.state === 'complete' ? console.log : console.error)(line);
    if (r.state !== 'complete') process.exitCode = 1;
  });
}
