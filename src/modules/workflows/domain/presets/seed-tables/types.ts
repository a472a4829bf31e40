/**
 * One row of a seed SOP's procedure table, transcribed from the seed text (../shared/seeds/,
 * the text extractions of the signed SOP documents). Words split or joined by the extraction
 * (a cell's line break: "Per mintaan", "Sosiali-sasi", "RekomendasiStatistik") are mended;
 * the seeds' own spellings ("Berkoodinasi", "mageatan", "Kuisisioner") are kept as written.
 */
export interface SeedRow {
  /** The row number as the seed writes it; sub-rows of one numbered row are 1b, 2b, 2c (SOPS.md). */
  no: string;
  /** Uraian Prosedur / Aktivitas. */
  text: string;
  /**
   * The executor the text names ("Staf Statistik membuat …") or a shape label that survived
   * the extraction ("Start" or "End" in a column); null where only the lost graphics showed it.
   */
  executor: string | null;
  /** Mutu Baku: Persyaratan / Kelengkapan, one entry per item the cell lists. */
  requirements: string[];
  /** Mutu Baku: Waktu; null where the cell is blank. */
  time: string | null;
  /** Mutu Baku: Output, one entry per item the cell lists; empty where the cell is blank. */
  output: string[];
}

/** One SOP's procedure table and the preset that runs it. */
export interface SeedTable {
  seed: string;
  presetKey: string;
  /** The SOP's name as its identity sheet writes it (Judul / Nama SOP). */
  name: string;
  /** The executor columns (Pelaksana), in the seed's order. */
  executors: string[];
  rows: SeedRow[];
}

/** A row in one line: the fixtures read like the seed's table. */
export function row(
  no: string,
  text: string,
  executor: string | null,
  requirements: string[],
  time: string | null,
  output: string[],
): SeedRow {
  return { no, text, executor, requirements, time, output };
}
