import { type Kysely, sql } from 'kysely';
import { EPSS_ASPECTS, EPSS_DOMAINS, EPSS_INDICATORS } from './epss-reference.js';

/**
 * Evaluation, second step (issue #16):
 *
 * 1. Portal use counted per day: the public dataset pages and downloads now write it (a batched
 *    counter, modules/evaluation/usage-counter.ts), and a day is the finest grain the figures
 *    need (months are summed from days). Rows kept so far (one per month, on its first day)
 *    stay valid as days.
 * 2. The EPSS weights corrected (epss-reference.ts says where they come from): domains 4 and 5
 *    were seeded 15/14 instead of 17/12, and aspects and indicators left to equal shares where
 *    BPS gives unequal ones. Only weights still as 0022 seeded them change: a region that
 *    edited a weight keeps its own.
 */
const FIRST_SEED_DOMAIN_WEIGHTS: Record<string, number> = { '1': 28, '2': 24, '3': 19, '4': 15, '5': 14 };
const FIRST_SEED_ASPECT_WEIGHTS: Record<string, number> = { '301': 32, '302': 26, '303': 21, '304': 21 };

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table portal_usage drop constraint if exists portal_usage_month_check;
    alter table portal_usage rename column month to day;
  `.execute(db);
  await correctEpssWeights(db);
}

/** Step 2 alone (a test replays it on a worksheet as the first seed left it). */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function correctEpssWeights(db: Kysely<any>): Promise<void> {
  for (const d of EPSS_DOMAINS) {
    const first = FIRST_SEED_DOMAIN_WEIGHTS[d.code];
    if (first !== undefined && first !== d.weight)
      await sql`update epss_domain set weight = ${d.weight} where code = ${d.code} and weight = ${first}`.execute(
        db,
      );
  }
  for (const a of EPSS_ASPECTS) {
    const first = FIRST_SEED_ASPECT_WEIGHTS[a.code] ?? null;
    if (a.weight !== null && first === null)
      await sql`update epss_aspect set weight = ${a.weight} where code = ${a.code} and weight is null`.execute(
        db,
      );
  }
  for (const x of EPSS_INDICATORS)
    await sql`update epss_indicator set weight = ${x.weight} where code = ${x.code} and weight is null`.execute(
      db,
    );
}
