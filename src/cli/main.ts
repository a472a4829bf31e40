import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from 'commander';
import { loadConfig } from '../config.js';
import { GRANTABLE_ROLES } from '../kernel/access/roles.js';
import { SYSTEM_ACTOR } from '../kernel/access/system-actor.js';
import { executeAction } from '../kernel/actions/action.js';
import type { ActionContext } from '../kernel/actions/context.js';
import { AppError, ValidationError } from '../kernel/errors.js';
import { fileStoreFor } from '../kernel/storage/file-store.js';
import { openPlatform, type Platform, startServer } from '../main.js';
import { apiTokenCreate, findUser, loadActor, userCreate, userUpdate } from '../modules/accounts/index.js';
import { agencyImport, ensureSite, findAgency, regencyAgenciesCsv } from '../modules/agencies/index.js';
import { restoreBackup, writeBackup } from '../modules/backup/index.js';
import { CONSOLE_IMPORTER, describeImport, importFile } from '../modules/datastore/index.js';
import { seedDemo } from '../modules/demo/index.js';

/** Run `work` with the database open (and locked, for PGlite), closing it whatever happens. */
async function withPlatform<T>(
  purpose: string,
  work: (p: Platform, ctx: ActionContext) => Promise<T>,
  opts: { siteSettings: boolean } = { siteSettings: true },
): Promise<T> {
  const config = loadConfig();
  const platform = await openPlatform(config, purpose);
  try {
    // Restore needs the database exactly as migrations left it: it writes no site settings first.
    if (opts.siteSettings) await ensureSite(platform.database.db, config);
    const ctx: ActionContext = {
      db: platform.database.db,
      actor: SYSTEM_ACTOR,
      requestId: `cli:${purpose}`,
      ip: null,
    };
    return await work(platform, ctx);
  } finally {
    await platform.close();
  }
}

async function requireUser(ctx: ActionContext, username: string) {
  const user = await findUser(ctx.db, { username: username.toLowerCase() });
  if (!user) throw new Error(`Pengguna "${username}" tidak ditemukan / User "${username}" not found`);
  return user;
}

async function agencyIdOf(ctx: ActionContext, code: string | undefined): Promise<string | undefined> {
  if (!code) return undefined;
  const agency = await findAgency(ctx.db, { code });
  if (!agency) throw new Error(`Perangkat daerah "${code}" tidak ditemukan / Agency "${code}" not found`);
  return agency.id;
}

const roleOption = () =>
  new Option('-r, --role <roles...>', 'peran / roles')
    .choices(GRANTABLE_ROLES as unknown as string[])
    .default([]);

export function buildCli(): Command {
  const program = new Command('satudata')
    .description('Platform Satu Data Indonesia — perintah administrasi / administration commands')
    .showHelpAfterError();

  program
    .command('serve')
    .description('jalankan portal / run the portal (PORT, DATA_DIR, DATABASE_URL)')
    .action(async () => {
      const config = loadConfig();
      const { app, stop } = await startServer(config);
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      console.log(
        `Satu Data portal on http://localhost:${port} (database: ${config.databaseUrl ? 'PostgreSQL' : 'PGlite'})`,
      );
      for (const signal of ['SIGINT', 'SIGTERM'] as const)
        process.once(signal, () => {
          void stop().then(() => process.exit(0));
        });
    });

  program
    .command('migrate')
    .description('perbarui skema basis data / bring the database schema up to date')
    .action(() => withPlatform('migrate', async () => console.log('OK: skema mutakhir / schema up to date')));

  program
    .command('seed-demo')
    .description('muat wilayah demo (Kabupaten Magetan) / load the demo region')
    .action(() =>
      withPlatform('seed-demo', async (p) => {
        const config = loadConfig();
        const r = await seedDemo(p.database, {
          isProduction: config.isProduction,
          files: fileStoreFor(config),
        });
        console.log(
          r.seeded
            ? `OK: ${r.agencies} agencies, ${r.users} users, ${r.datasets} datasets`
            : 'Demo sudah dimuat / demo already loaded',
        );
      }),
    );

  const user = program.command('user').description('kelola pengguna / manage users');
  user
    .command('add <username>')
    .description('tambah pengguna / add a user')
    .requiredOption('-n, --name <fullName>', 'nama lengkap / full name')
    .requiredOption('-p, --password <password>', 'kata sandi awal / initial password')
    .option('-e, --email <email>')
    .option('-a, --agency <code>', 'kode perangkat daerah / agency code')
    .addOption(roleOption())
    .action(
      (
        username: string,
        o: { name: string; password: string; email?: string; agency?: string; role: string[] },
      ) =>
        withPlatform('user add', async (_p, ctx) => {
          const r = await executeAction(ctx, userCreate, {
            username,
            fullName: o.name,
            password: o.password,
            email: o.email,
            agencyId: await agencyIdOf(ctx, o.agency),
            roles: o.role,
          });
          console.log(`OK: ${r.username} (${r.id})`);
        }),
    );
  user
    .command('role <username> [roles...]')
    .description('tetapkan peran pengguna (menggantikan yang lama) / set a user’s roles (replaces them)')
    .option('-a, --agency <code>', 'ikat ke perangkat daerah / bind to an agency')
    .action((username: string, roles: string[], o: { agency?: string }) =>
      withPlatform('user role', async (_p, ctx) => {
        const target = await requireUser(ctx, username);
        const agencyId = await agencyIdOf(ctx, o.agency);
        await executeAction(ctx, userUpdate, { id: target.id, roles, ...(agencyId ? { agencyId } : {}) });
        console.log(`OK: ${target.username}: ${roles.join(', ') || '(tanpa peran / no roles)'}`);
      }),
    );

  program
    .command('token')
    .description('token API')
    .command('create <username>')
    .description('buat token API baru dan cetak / create and print a new API token')
    .option('--name <name>', 'nama token / token name', 'cli')
    .action((username: string, o: { name: string }) =>
      withPlatform('token create', async (_p, ctx) => {
        const target = await requireUser(ctx, username);
        // The token is the user's own, so the user is the actor (request id says it came from the CLI).
        const asUser = { ...ctx, actor: await loadActor(ctx.db, target.id) };
        const r = await executeAction(asUser, apiTokenCreate, { name: o.name });
        console.log(r.token);
      }),
    );

  program
    .command('agency')
    .description('perangkat daerah / agencies')
    .command('import <file>')
    .description('impor CSV (code,name,short_name,kind,region_code) / import a CSV')
    .action((file: string) =>
      withPlatform('agency import', async (_p, ctx) => {
        const csv = await readFile(file, 'utf8');
        const r = await executeAction(ctx, agencyImport, { csv, fileName: path.basename(file) });
        console.log(`OK: ${r.created} ditambah / added, ${r.updated} diperbarui / updated`);
      }),
    );

  program
    .command('agency-regencies')
    .description(
      'tambahkan kabupaten/kota di provinsi ini sebagai produsen data / add the province’s regencies and cities as producers',
    )
    .action(() =>
      withPlatform('agency-regencies', async (_p, ctx) => {
        const config = loadConfig();
        if (config.regionCode.includes('.'))
          throw new Error(
            `REGION_CODE ${config.regionCode} bukan provinsi / is not a province: only a provincial deployment has regencies as producers`,
          );
        const csv = await regencyAgenciesCsv(ctx.db, config.regionCode);
        const r = await executeAction(ctx, agencyImport, { csv, fileName: 'kabupaten-kota.csv' });
        console.log(`OK: ${r.created} ditambah / added, ${r.updated} diperbarui / updated`);
      }),
    );

  program
    .command('import <file>')
    .description(
      'unggah dan muat tabel CSV/XLSX ke dataset / upload and load a CSV/XLSX table into a dataset',
    )
    .requiredOption('-d, --dataset <name>', 'nama atau id dataset / dataset name or id')
    .option('--resource <id>', 'versi baru sumber daya ini / a new version of this resource')
    .option('--sheet <name>', 'lembar XLSX / XLSX sheet')
    .option('--name <name>', 'nama sumber daya baru / name of the new resource')
    .option(
      '--user <username>',
      'bertindak sebagai pengguna ini / act as this user (default: console operator)',
    )
    .action(
      (
        file: string,
        o: { dataset: string; resource?: string; sheet?: string; name?: string; user?: string },
      ) =>
        withPlatform('import', async (p, ctx) => {
          const actor = o.user
            ? await loadActor(ctx.db, (await requireUser(ctx, o.user)).id)
            : CONSOLE_IMPORTER;
          const r = await importFile(p.database, loadConfig(), { ...ctx, actor }, file, o);
          for (const line of describeImport(r)) (r.state === 'complete' ? console.log : console.error)(line);
          if (r.state !== 'complete') process.exitCode = 1;
        }),
    );

  program
    .command('backup <file>')
    .description('cadangkan data (format logis, untuk PGlite maupun PostgreSQL) / logical backup')
    .action((file: string) =>
      withPlatform('backup', async (p) => {
        const r = await writeBackup(p.database, file);
        console.log(
          `OK: ${r.tables.reduce((n, t) => n + t.rows, 0)} rows in ${r.tables.length} tables → ${file}`,
        );
      }),
    );

  program
    .command('restore <file>')
    .description('pulihkan cadangan ke basis data kosong / restore a backup into an empty database')
    .action((file: string) =>
      withPlatform(
        'restore',
        async (p) => {
          const r = await restoreBackup(p.database, file);
          console.log(
            `OK: ${r.tables.reduce((n, t) => n + t.rows, 0)} rows in ${r.tables.length} tables ← ${file}`,
          );
        },
        { siteSettings: false },
      ),
    );
  return program;
}

/** Print an error the way an operator needs it: the message, never a stack trace. */
function reportError(err: unknown): void {
  if (err instanceof ValidationError) {
    console.error(err.message);
    for (const [field, msgs] of Object.entries(err.fields))
      for (const m of msgs) console.error(`  ${field}: ${m.id} / ${m.en}`);
  } else if (err instanceof AppError || err instanceof Error) console.error(err.message);
  else console.error(String(err));
  process.exitCode = 1;
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (err) {
    reportError(err);
  }
}
