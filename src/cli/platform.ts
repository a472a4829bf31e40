import { SYSTEM_ACTOR } from '../kernel/access/system-actor.js';
import type { ActionContext } from '../kernel/actions/context.js';
import { loadConfig } from '../kernel/config.js';
import { openPlatform, type Platform } from '../main.js';
import { findUser } from '../modules/accounts/index.js';
import { ensureSite, findAgency } from '../modules/agencies/index.js';

/**
 * What every command but `serve` shares: the database opened (and locked, for PGlite) as the
 * system actor. Loaded only by a command that runs, never by `satudata --help`.
 */

/** Run `work` with the database open (and locked, for PGlite), closing it whatever happens. */
export async function withPlatform<T>(
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

export async function requireUser(ctx: ActionContext, username: string) {
  const user = await findUser(ctx.db, { username: username.toLowerCase() });
  if (!user) throw new Error(`Pengguna "${username}" tidak ditemukan / User "${username}" not found`);
  return user;
}

export async function agencyIdOf(ctx: ActionContext, code: string | undefined): Promise<string | undefined> {
  if (!code) return undefined;
  const agency = await findAgency(ctx.db, { code });
  if (!agency) throw new Error(`Perangkat daerah "${code}" tidak ditemukan / Agency "${code}" not found`);
  return agency.id;
}
