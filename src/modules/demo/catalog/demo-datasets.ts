import { agricultureDatasets } from './datasets/agriculture.js';
import { makeDistricts } from './datasets/common.js';
import { economyDatasets } from './datasets/economy.js';
import { educationDatasets } from './datasets/education.js';
import { environmentDatasets } from './datasets/environment.js';
import { governmentDatasets } from './datasets/government.js';
import { healthDatasets } from './datasets/health.js';
import { infrastructureDatasets } from './datasets/infrastructure.js';
import { populationDatasets } from './datasets/population.js';
import { socialDatasets } from './datasets/social.js';
import { tourismDatasets } from './datasets/tourism.js';
import { mulberry32, type Rng, seedFrom } from './rng.js';

/** One downloadable table of a demo dataset; `csv` is the whole file (UTF-8, comma, header row). */
export interface DemoResource {
  name: string;
  description: string;
  format: 'CSV';
  fileName: string;
  csv: string;
}

/** A demo dataset (CKAN package) of Kabupaten Magetan, ready for the catalog actions. */
export interface DemoDataset {
  /** slug ^[a-z0-9_-]{2,100}$, unique */
  name: string;
  title: string;
  /** 1–3 sentences in Indonesian: what, source, method */
  notes: string;
  agencyCode: string;
  /** DEMO_TOPICS names */
  topics: string[];
  /** 2–5 lower-case Indonesian tags */
  tags: string[];
  licenseId: 'CC-BY-4.0';
  updateFrequency: 'annual' | 'semiannual' | 'quarterly' | 'monthly';
  /** 'YYYY-MM-DD' */
  temporalStart: string;
  /** 'YYYY-MM-DD' */
  temporalEnd: string;
  /** ['35.20'] or district codes */
  spatialCodes: string[];
  isPrivate: boolean;
  state: 'active' | 'draft';
  maintainer: string;
  maintainerEmail: string;
  resources: DemoResource[];
}

const SECTORS = [
  ['population', populationDatasets],
  ['health', healthDatasets],
  ['education', educationDatasets],
  ['agriculture', agricultureDatasets],
  ['social', socialDatasets],
  ['economy', economyDatasets],
  ['infrastructure', infrastructureDatasets],
  ['environment', environmentDatasets],
  ['tourism', tourismDatasets],
  ['government', governmentDatasets],
] as const;

/**
 * The demo open-data catalog of Kabupaten Magetan (35.20): about forty public datasets across the
 * regency's agencies and every topic, plus a few private drafts. `districts` are the regency's
 * kecamatan with their official Kemendagri codes (e.g. 35.20.06 Magetan). Pure and deterministic:
 * the same districts always give the same datasets, byte for byte. The numbers are made up but
 * plausible for a regency of ~690,000 people; they are not official statistics.
 */
export function buildDemoDatasets(districts: { code: string; name: string }[]): DemoDataset[] {
  if (districts.length === 0) throw new Error('buildDemoDatasets: no districts');
  const profiles = makeDistricts(districts, mulberry32(seedFrom('districts')));
  const out: DemoDataset[] = [];
  for (const [sector, build] of SECTORS) {
    const rng: Rng = mulberry32(seedFrom(sector));
    out.push(...build(profiles, rng));
  }
  return out;
}
