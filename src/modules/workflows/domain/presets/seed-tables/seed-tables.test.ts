import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_TABLES } from './index.js';

/**
 * When the seed texts are at hand (../shared/seeds beside the repository), each fixture cell
 * must occur in its seed, compared on letters and digits only (the extraction breaks words
 * across a cell's lines). MENDED lists the cells mended from a cut or a page break.
 */
const SEEDS = path.resolve('../shared/seeds');
const MENDED = new Set([
  // Jateng row 6's output reads "Data Sta tistik sek-oral OPD & Kab/ Kota".
  'Data Statistik sektoral OPD & Kab/Kota',
  // Jember row 13's output continues on the next page ("… Peraturan Kepala" / "Daerah").
  'SK Daftar Data yang ditetapkan dengan Peraturan Kepala Daerah',
  // Jember row 15's text ends "dalam proses pengumpulan dat" where the cell is cut.
  'Merancang Kuisisioner dan atau tabel pengisian data (tabel dummy) dalam proses pengumpulan data',
]);
const squeeze = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

const describeWithSeeds = existsSync(SEEDS) ? describe : describe.skip;
if (!existsSync(SEEDS)) console.warn(`Skipping the seed-text check: ${SEEDS} is not present`);

describeWithSeeds('seed tables against the seed texts', () => {
  it.each(SEED_TABLES.map((t) => [t.presetKey, t] as const))(
    '%s: every cell occurs in its seed',
    (_k, table) => {
      const seed = squeeze(readFileSync(path.join(SEEDS, table.seed), 'utf8'));
      const cells = [
        table.name,
        ...table.executors,
        ...table.rows.flatMap((r) => [r.text, r.time ?? '', ...r.requirements, ...r.output]),
      ];
      const missing = cells.filter((c) => !MENDED.has(c) && !seed.includes(squeeze(c)));
      expect(missing).toEqual([]);
    },
  );
});
