/**
 * A zip-bomb guard for XLSX uploads. An XLSX file is a zip archive; a few kilobytes can
 * inflate to gigabytes, and exceljs keeps all shared strings of a workbook in memory. The
 * guard reads the same bytes as exceljs, inflates them with unzipper (the library exceljs
 * uses), throws the output away and counts it, so the upload is refused as soon as a limit is
 * passed, while streaming, whatever the archive's headers claim.
 */
import { Transform, type TransformCallback, type Writable } from 'node:stream';
import unzipper from 'unzipper';

export interface ZipLimits {
  /** Total bytes all entries may inflate to. Default 1 GiB (a full 1,048,576-row sheet is about that). */
  maxUncompressedBytes: number;
  /**
   * Inflated ÷ compressed bytes allowed so far. Default 100, Apache POI's limit (its
   * `MIN_INFLATE_RATIO` of 0.01); real spreadsheets stay far below it.
   */
  maxCompressionRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 100,
};

/** Inflated bytes below which the ratio is not checked: tiny files compress oddly. */
const RATIO_GRACE_BYTES = 1024 * 1024;

/** Which limit was passed. */
export type ZipViolation = 'size' | 'ratio';

/**
 * Creates the guard: a writable to pipe the archive's bytes into (besides exceljs). It calls
 * `onViolation` once, when a limit is passed; damaged archives are exceljs's to report, so the
 * guard then just stops counting.
 */
export function createZipGuard(limits: ZipLimits, onViolation: (violation: ZipViolation) => void): Writable {
  let compressed = 0;
  let inflated = 0;
  let hasFired = false;
  const check = () => {
    if (hasFired) return;
    const tooBig = inflated > limits.maxUncompressedBytes;
    const tooDense = inflated > RATIO_GRACE_BYTES && inflated > compressed * limits.maxCompressionRatio;
    if (!tooBig && !tooDense) return;
    hasFired = true;
    onViolation(tooBig ? 'size' : 'ratio');
  };
  const zip = unzipper.Parse();
  zip.on('entry', (entry: unzipper.Entry) => {
    entry.on('data', (chunk: Buffer) => {
      inflated += chunk.length;
      check();
    });
    entry.on('error', () => entry.resume());
  });
  zip.on('error', () => {
    meter.unpipe(zip);
    meter.resume();
  });
  const meter = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      compressed += chunk.length;
      done(null, chunk);
    },
  });
  meter.pipe(zip);
  return meter;
}
