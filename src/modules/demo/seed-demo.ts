import { SYSTEM_ACTOR } from '../../kernel/access/system-actor.js';
import { executeAction } from '../../kernel/actions/action.js';
import type { ActionContext } from '../../kernel/actions/context.js';
import type { Database } from '../../kernel/db/database.js';
import { getSetting, putSetting } from '../../kernel/db/settings.repository.js';
import type { FileStore } from '../../kernel/storage/file-store.js';
import { findUser, loadActor, userCreate } from '../accounts/index.js';
import { agencyCreate, findAgency } from '../agencies/index.js';
import { seedDemoRequests } from '../data-requests/index.js';
import { seedDisseminationDemo } from '../dissemination/index.js';
import { seedEvaluationDemo } from '../evaluation/index.js';
import { seedPlanningDemo } from '../planning/index.js';
import { userPositionSet } from '../workflows/index.js';
import { listDemoDistricts } from './demo.repository.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';
import { DEMO_AGENCIES } from './demo-agencies.js';
import { seedDemoCatalog } from './seed-catalog.js';
import { seedDemoCuration } from './seed-curation.js';
import { seedDemoIndicators } from './seed-indicators.js';

export interface SeedResult {
  seeded: boolean;
  agencies: number;
  users: number;
  datasets: number;
}

/** The demo accounts' positions in the SOPs (Walidata drafts, the sub-coordinator initials, the leader approves). */
async function seedDemoPositions(ctx: ActionContext): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    const user = account.position ? await findUser(ctx.db, { username: account.username }) : undefined;
    if (!user || !account.position || !account.roles[0]) continue;
    await executeAction(ctx, userPositionSet, {
      user_id: user.id,
      role: account.roles[0],
      position: account.position,
    });
  }
}

/**
 * Load the demo region's agencies and one account per role, through the same actions an
 * administrator uses (so they are validated and audited). Runs once: a second call, or a
 * database that already has users, changes nothing. Refused in production.
 */
export async function seedDemo(
  database: Database,
  opts: { isProduction: boolean; files: FileStore },
): Promise<SeedResult> {
  if (opts.isProduction)
    throw new Error('Data demo tidak dimuat di produksi / Demo data is not loaded when NODE_ENV=production');
  const db = database.db;
  if (await getSetting<boolean>(db, 'demo_seeded'))
    return { seeded: false, agencies: 0, users: 0, datasets: 0 };
  const ctx: ActionContext = { db, actor: SYSTEM_ACTOR, requestId: 'seed-demo', ip: null };
  let agencies = 0;
  for (const agency of DEMO_AGENCIES) {
    if (await findAgency(db, { code: agency.code })) continue;
    await executeAction(ctx, agencyCreate, agency);
    agencies++;
  }
  let users = 0;
  for (const account of DEMO_ACCOUNTS) {
    if (await findUser(db, { username: account.username })) continue;
    const agency = account.agencyCode ? await findAgency(db, { code: account.agencyCode }) : undefined;
    await executeAction(ctx, userCreate, {
      username: account.username,
      fullName: account.fullName,
      password: DEMO_PASSWORD,
      roles: account.roles,
      agencyId: agency?.id,
      isDemo: true,
    });
    users++;
  }
  await seedDemoPositions(ctx);
  const datasets = await seedDemoCatalog(database, opts.files, ctx);
  await seedDemoIndicators(ctx);
  // Planning (issue #13): last year's and this year's data lists, a forum meeting, proposals.
  const walidata = await findUser(db, { username: 'walidata' });
  if (walidata) await seedPlanningDemo(ctx, await loadActor(db, walidata.id));
  await seedDemoCuration(ctx);
  // Data requests (issue #14) in every state, filed over the last months.
  await seedDemoRequests(ctx);
  // Dissemination (issue #15): schematic district boundaries now; charts and the data book once
  // their tables are loaded (a job).
  if (walidata)
    await seedDisseminationDemo(ctx, await loadActor(db, walidata.id), await listDemoDistricts(db));
  // Evaluation (issue #16): a year of portal use, last year's verified EPSS and approved report,
  // this year's self-assessment in progress.
  const [bps, pimpinan] = [
    await findUser(db, { username: 'bps' }),
    await findUser(db, { username: 'pimpinan' }),
  ];
  if (walidata && bps && pimpinan)
    await seedEvaluationDemo(ctx, {
      tpi: await loadActor(db, walidata.id),
      bps: await loadActor(db, bps.id),
      leader: await loadActor(db, pimpinan.id),
    });
  await putSetting(db, 'demo_seeded', true);
  return { seeded: true, agencies, users, datasets };
}
