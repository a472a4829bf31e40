import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { regionDataDir } from '../db/migrations/region-codes.js';
import { formatDateTime } from '../i18n/i18n.js';
import { timeZoneForRegion, ZONED_PROVINCES } from './region-time-zone.js';

const provinces = Papa.parse<{ code: string; name: string }>(
  readFileSync(path.join(regionDataDir(), 'provinces.csv'), 'utf8'),
  { header: true, skipEmptyLines: true },
).data;

describe('a region’s default time zone follows its code', () => {
  it('every official province (idn-area-data) has its zone in the table', () => {
    expect(provinces.length).toBeGreaterThanOrEqual(38);
    for (const p of provinces) expect(ZONED_PROVINCES, `${p.code} ${p.name}`).toContain(p.code);
  });

  it('a Maluku Utara (82) deployment, its regencies, and every Papua province are WIT', () => {
    expect(timeZoneForRegion('82')).toBe('Asia/Jayapura');
    expect(timeZoneForRegion('82.71')).toBe('Asia/Jayapura'); // Kota Ternate
    expect(timeZoneForRegion('81')).toBe('Asia/Jayapura');
    for (const code of ['91', '92', '93', '94', '95', '96'])
      expect(timeZoneForRegion(code)).toBe('Asia/Jayapura');
  });

  it('Bali, the Nusa Tenggara, South/East/North Kalimantan and Sulawesi are WITA', () => {
    for (const code of ['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76'])
      expect(timeZoneForRegion(code), code).toBe('Asia/Makassar');
  });

  it('Sumatra, Java, West and Central Kalimantan are WIB (Magetan 35.20 too)', () => {
    for (const code of ['11', '19', '21', '31', '33', '35.20', '36', '61', '62'])
      expect(timeZoneForRegion(code), code).toBe('Asia/Jakarta');
  });

  it('a province newer than the table falls back by its first digit', () => {
    expect(timeZoneForRegion('97')).toBe('Asia/Jayapura');
    expect(timeZoneForRegion('77')).toBe('Asia/Makassar');
    expect(timeZoneForRegion('37')).toBe('Asia/Jakarta');
  });
});

describe('times are written on the region’s clock, with its zone', () => {
  const at = new Date('2026-12-07T01:00:00Z'); // 10:00 WIT, 09:00 WITA, 08:00 WIB
  it('10:00 WIT reads 10.00 WIT, not 08.00', () => {
    expect(formatDateTime('id', at, 'Asia/Jayapura')).toMatch(/10[.:]00 WIT$/);
    expect(formatDateTime('en', at, 'Asia/Jayapura')).toMatch(/10:00 WIT$/);
    expect(formatDateTime('id', at, 'Asia/Makassar')).toMatch(/09[.:]00 WITA$/);
    expect(formatDateTime('id', at, 'Asia/Jakarta')).toMatch(/08[.:]00 WIB$/);
  });
});
