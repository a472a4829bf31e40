import type { Kysely } from 'kysely';
import { regionTimeZone } from '../../kernel/db/region-time-zone.repository.js';
import type { DB } from '../../kernel/db/schema.js';
import { datasetConformities } from '../metadata/index.js';
import type { Coverage, EvaluationFacts } from './domain/proposals.js';
import { summariseReleases } from './domain/releases.js';
import {
  apiAccess,
  availability,
  evaluationApproved,
  publishedDatasets,
  romantikCoverage,
  runCoverage,
  usageTotal,
  verificationCoverage,
} from './facts.repository.js';
import { yearBounds } from './figures.repository.js';
import { releaseRows } from './releases.repository.js';
import { evaluationSources } from './sources.js';

/** The facts the EPSS proposal rules read for a year, from the platform's own records. */

export async function periodOf(
  db: Kysely<DB>,
  year: number,
): Promise<{ from: Date; to: Date; timeZone: string }> {
  const timeZone = await regionTimeZone(db);
  return { ...(await yearBounds(db, year, timeZone)), timeZone };
}

/** Published datasets meeting a conformity check, as a coverage of datasets and agencies. */
function conformityCoverage(
  datasets: { id: string; agency_id: string }[],
  results: Map<string, { checks: { key: string; met: boolean; applicable: boolean }[] }>,
  keys: string[],
): Coverage {
  let met = 0;
  let total = 0;
  const agencies = new Set<string>();
  const agenciesMet = new Set<string>();
  for (const d of datasets) {
    const checks = (results.get(d.id)?.checks ?? []).filter((c) => keys.includes(c.key));
    if (!checks.length || checks.every((c) => !c.applicable)) continue;
    total++;
    agencies.add(d.agency_id);
    if (checks.every((c) => !c.applicable || c.met)) {
      met++;
      agenciesMet.add(d.agency_id);
    }
  }
  return { met, total, agenciesMet: agenciesMet.size, agenciesTotal: agencies.size };
}

/** The facts the EPSS rules read, for a year. */
export async function evaluationFacts(
  db: Kysely<DB>,
  year: number,
  now: Date = new Date(),
): Promise<EvaluationFacts> {
  const period = await periodOf(db, year);
  const { from, to } = period;
  const published = await publishedDatasets(db);
  const conformity = await datasetConformities(
    db,
    published.map((d) => d.id),
  );
  const sources = evaluationSources();
  const [planning, requests] = await Promise.all([
    sources.planning(db, { year }),
    sources.requests(db, { from, to }),
  ]);
  return {
    year,
    reviewed: await evaluationApproved(db, year - 1),
    standard: conformityCoverage(published, conformity, ['standard_linked']),
    metadata: conformityCoverage(published, conformity, [
      'activity_metadata_complete',
      'variable_metadata_complete',
    ]),
    openFormat: conformityCoverage(published, conformity, ['open_format']),
    referenceCodes: conformityCoverage(published, conformity, [
      'reference_codes_bound',
      'reference_codes_valid',
    ]),
    availability: await availability(db),
    apiAccess: await apiAccess(db),
    planningRuns: await runCoverage(db, 'data_list_cycle', from, to),
    collectionRuns: await runCoverage(db, 'dataset_collection', from, to),
    verification: await verificationCoverage(db, from, to),
    romantik: await romantikCoverage(db),
    releases: summariseReleases(await releaseRows(db, period, now)),
    forum: planning?.forum ?? null,
    requests: requests
      ? {
          met: requests.withinStandard,
          total: requests.total,
          agenciesMet: requests.agenciesServing,
          agenciesTotal: requests.agenciesAsked,
        }
      : null,
    usage: await usageTotal(db, period),
  };
}
