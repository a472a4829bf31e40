/**
 * Where an ingest spends its time, filled in as it runs when the caller passes one (the
 * benchmark does): per stage the main thread's wall time and the process's CPU time (all its
 * threads: on PGlite that includes the database), in milliseconds.
 */
export const STAGE_NAMES = ['read', 'schema', 'validate', 'copyWait', 'finish', 'swap'] as const;

/**
 * - read: awaiting the reader (decoding, CSV/XLSX parsing, file reads);
 * - schema: deciding the schema (inference, and on a first upload the check over the file);
 * - validate: checking rows against the schema and writing their COPY text; on the CSV fast path
 *   (ingest-csv-fast.ts) one pass that also splits the records (most of them in one go with
 *   their checks, fast-lines.ts), so `read` is then only the file's bytes and their decoding;
 * - copyWait: waiting for the database to take COPY chunks (the pipeline stalled on COPY);
 * - finish: after the last row, the last COPY chunk and the primary key;
 * - swap: the swap-in transaction.
 */
export type StageName = (typeof STAGE_NAMES)[number];

export type IngestStages = Record<StageName, number> & { cpu: Record<StageName, number> };

const zeros = (): Record<StageName, number> =>
  Object.fromEntries(STAGE_NAMES.map((s) => [s, 0])) as Record<StageName, number>;

export function emptyStages(): IngestStages {
  return { ...zeros(), cpu: zeros() };
}

/** A point in time: wall and process CPU, in milliseconds. */
export interface StageMark {
  wall: number;
  cpu: number;
}

export function stageMark(): StageMark {
  const c = process.cpuUsage();
  return { wall: performance.now(), cpu: (c.user + c.system) / 1000 };
}

/**
 * A clock over `stages` (a no-op without): `mark()` now, `add(stage, from)` adds the time since
 * `from` to the stage and returns now.
 */
export function stageClock(stages: IngestStages | undefined) {
  const none: StageMark = { wall: 0, cpu: 0 };
  return {
    mark: (): StageMark => (stages ? stageMark() : none),
    add(stage: StageName, from: StageMark): StageMark {
      if (!stages) return none;
      const at = stageMark();
      stages[stage] += at.wall - from.wall;
      stages.cpu[stage] += at.cpu - from.cpu;
      return at;
    },
  };
}
