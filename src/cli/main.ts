import { Command, Option } from 'commander';
import { GRANTABLE_ROLES } from '../kernel/access/roles.js';
import { AppError, ValidationError } from '../kernel/errors.js';
import type { ImportOptions } from './commands/import-table.js';
import type { UserAddOptions } from './commands/users.js';

/**
 * The `satudata` command. This file only declares the commands: each one imports its code
 * (and through it the database, the modules and the HTTP app) when it runs, so `--help` and a
 * mistyped command load commander and nothing else.
 */

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
    .action(async () => (await import('./commands/serve.js')).serve());

  program
    .command('migrate')
    .description('perbarui skema basis data / bring the database schema up to date')
    .action(async () => (await import('./commands/database.js')).migrate());

  program
    .command('seed-demo')
    .description('muat wilayah demo (Kabupaten Magetan) / load the demo region')
    .action(async () => (await import('./commands/database.js')).seedDemoRegion());

  const user = program.command('user').description('kelola pengguna / manage users');
  user
    .command('add <username>')
    .description('tambah pengguna / add a user')
    .requiredOption('-n, --name <fullName>', 'nama lengkap / full name')
    .requiredOption('-p, --password <password>', 'kata sandi awal / initial password')
    .option('-e, --email <email>')
    .option('-a, --agency <code>', 'kode perangkat daerah / agency code')
    .addOption(roleOption())
    .action(async (username: string, o: UserAddOptions) =>
      (await import('./commands/users.js')).userAdd(username, o),
    );
  user
    .command('role <username> [roles...]')
    .description('tetapkan peran pengguna (menggantikan yang lama) / set a user’s roles (replaces them)')
    .option('-a, --agency <code>', 'ikat ke perangkat daerah / bind to an agency')
    .action(async (username: string, roles: string[], o: { agency?: string }) =>
      (await import('./commands/users.js')).userRole(username, roles, o),
    );

  program
    .command('token')
    .description('token API')
    .command('create <username>')
    .description('buat token API baru dan cetak / create and print a new API token')
    .option('--name <name>', 'nama token / token name', 'cli')
    .action(async (username: string, o: { name: string }) =>
      (await import('./commands/users.js')).tokenCreate(username, o),
    );

  program
    .command('agency')
    .description('perangkat daerah / agencies')
    .command('import <file>')
    .description('impor CSV (code,name,short_name,kind,region_code) / import a CSV')
    .action(async (file: string) => (await import('./commands/agencies.js')).importAgencies(file));

  program
    .command('agency-regencies')
    .description(
      'tambahkan kabupaten/kota di provinsi ini sebagai produsen data / add the province’s regencies and cities as producers',
    )
    .action(async () => (await import('./commands/agencies.js')).addRegencyAgencies());

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
    .action(async (file: string, o: ImportOptions) =>
      (await import('./commands/import-table.js')).importTable(file, o),
    );

  program
    .command('backup <file>')
    .description('cadangkan data (format logis, untuk PGlite maupun PostgreSQL) / logical backup')
    .option('--without-files', 'tanpa berkas tersimpan / without the stored files (kept by the bucket)')
    .action(async (file: string, o: { withoutFiles?: boolean }) =>
      (await import('./commands/database.js')).backup(file, o),
    );

  program
    .command('restore <file>')
    .description('pulihkan cadangan ke basis data kosong / restore a backup into an empty database')
    .action(async (file: string) => (await import('./commands/database.js')).restore(file));
  program
    .command('storage')
    .description('penyimpanan berkas / file storage')
    .command('migrate')
    .description('salin DATA_DIR/files ke S3 dan periksa hash / copy DATA_DIR/files to S3, verifying hashes')
    .action(async () => (await import('./commands/storage.js')).storageMigrate());

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
