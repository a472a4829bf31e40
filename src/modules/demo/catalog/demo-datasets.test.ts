import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DEMO_AGENCIES } from '../demo-agencies.js';
import { buildDemoDatasets } from './demo-datasets.js';
import { DEMO_TOPICS } from './demo-topics.js';

const SLUG = /^[a-z0-9_-]{2,100}$/;

function magetanDistricts(): { code: string; name: string }[] {
  const file = createRequire(import.meta.url).resolve('idn-area-data/data/districts.csv');
  const parsed = Papa.parse<{ code: string; regency_code: string; name: string }>(
    readFileSync(file, 'utf8'),
    {
      header: true,
      skipEmptyLines: true,
    },
  );
  return parsed.data.filter((r) => r.regency_code === '35.20').map((r) => ({ code: r.code, name: r.name }));
}

describe('demo catalog', () => {
  const districts = magetanDistricts();
  const datasets = buildDemoDatasets(districts);

  it('reads the 18 districts of Kabupaten Magetan', () => {
    expect(districts).toHaveLength(18);
    expect(districts.find((d) => d.code === '35.20.06')?.name).toBe('Magetan');
  });

  it('has enough public datasets and private drafts', () => {
    const pub = datasets.filter((d) => !d.isPrivate && d.state === 'active');
    const drafts = datasets.filter((d) => d.isPrivate && d.state === 'draft');
    expect(pub.length).toBeGreaterThanOrEqual(32);
    expect(drafts.length).toBeGreaterThanOrEqual(4);
    expect(pub.length + drafts.length).toBe(datasets.length);
  });

  it('spreads datasets over known agencies and every topic', () => {
    const known = new Set(DEMO_AGENCIES.map((a) => a.code));
    const agencies = new Set(datasets.map((d) => d.agencyCode));
    expect(agencies.size).toBeGreaterThanOrEqual(10);
    for (const a of agencies) expect(known.has(a), a).toBe(true);
    const topics = new Set(DEMO_TOPICS.map((t) => t.name));
    const used = new Set(datasets.flatMap((d) => d.topics));
    for (const t of used) expect(topics.has(t), t).toBe(true);
    for (const t of topics) expect(used.has(t), t).toBe(true);
    for (const t of DEMO_TOPICS) expect(t.name).toMatch(SLUG);
  });

  it('gives every dataset a unique slug and well-formed metadata', () => {
    const names = datasets.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    const codes = new Set(['35.20', ...districts.map((d) => d.code)]);
    for (const d of datasets) {
      expect(d.name).toMatch(SLUG);
      expect(d.tags.length, d.name).toBeGreaterThanOrEqual(2);
      expect(d.tags.length, d.name).toBeLessThanOrEqual(5);
      for (const tag of d.tags) expect(tag).toBe(tag.toLowerCase());
      expect(d.temporalStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(d.temporalEnd).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(d.temporalStart <= d.temporalEnd).toBe(true);
      expect(d.maintainerEmail).toMatch(/^[a-z0-9.-]+@magetan\.go\.id$/);
      for (const c of d.spatialCodes) expect(codes.has(c), c).toBe(true);
      expect(d.resources.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('has CSVs that parse with a header, two or more rows and consistent columns', () => {
    for (const d of datasets) {
      for (const r of d.resources) {
        const label = `${d.name}/${r.fileName}`;
        expect(r.fileName, label).toMatch(/^[a-z0-9-]+\.csv$/);
        const parsed = Papa.parse<string[]>(r.csv, { skipEmptyLines: true });
        expect(parsed.errors, label).toEqual([]);
        const [header, ...rows] = parsed.data;
        expect(header, label).toBeDefined();
        for (const col of header ?? []) expect(col, label).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(rows.length, label).toBeGreaterThanOrEqual(2);
        for (const row of rows) expect(row.length, label).toBe(header?.length);
        const kode = header?.indexOf('kode_kecamatan') ?? -1;
        if (kode >= 0)
          for (const row of rows) expect(codes(districts).has(row[kode] ?? ''), label).toBe(true);
      }
    }
  });

  it('adds up laki_laki + perempuan = jumlah on every row', () => {
    let checked = 0;
    for (const d of datasets) {
      for (const r of d.resources) {
        const rows = Papa.parse<Record<string, string>>(r.csv, { header: true, skipEmptyLines: true }).data;
        for (const row of rows) {
          if (row.laki_laki === undefined || row.perempuan === undefined || row.jumlah === undefined)
            continue;
          expect(Number(row.laki_laki) + Number(row.perempuan), `${d.name}/${r.fileName}`).toBe(
            Number(row.jumlah),
          );
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('has a population of about 690,000 and a plausible rice yield', () => {
    const pop = datasets.find((d) => d.name === 'jumlah-penduduk-kecamatan-jenis-kelamin-2024');
    const rows = Papa.parse<Record<string, string>>(pop?.resources[0]?.csv ?? '', { header: true }).data;
    const total = rows.reduce((a, r) => a + Number(r.jumlah ?? 0), 0);
    expect(total).toBeGreaterThan(650_000);
    expect(total).toBeLessThan(730_000);
    const rice = datasets.find((d) => d.name.startsWith('luas-panen-produksi-produktivitas-padi'));
    for (const r of Papa.parse<Record<string, string>>(rice?.resources[0]?.csv ?? '', {
      header: true,
      skipEmptyLines: true,
    }).data) {
      const y = Number(r.produktivitas_ton_per_ha);
      expect(y).toBeGreaterThan(5);
      expect(y).toBeLessThan(6.6);
      expect(Number(r.produksi_ton) / Number(r.luas_panen_ha)).toBeCloseTo(y, 1);
    }
  });

  it('is deterministic', () => {
    expect(buildDemoDatasets(districts)).toEqual(datasets);
  });
});

function codes(districts: { code: string }[]): Set<string> {
  return new Set(districts.map((d) => d.code));
}
