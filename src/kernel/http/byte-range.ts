import type { IncomingHttpHeaders } from 'node:http';
import parseRange from 'range-parser';

/** One inclusive byte range of a file of known size. */
export interface SatisfiableRange {
  start: number;
  end: number;
}

/**
 * The byte range a download request asks for (RFC 9110 §14), parsed by `range-parser` (what
 * Express and `send` use): undefined to send the whole file (no or malformed `Range`, several
 * ranges, or an `If-Range` naming another version), 'unsatisfiable' for a 416.
 */
export function requestedRange(
  headers: IncomingHttpHeaders,
  size: number,
  etag: string,
): SatisfiableRange | 'unsatisfiable' | undefined {
  const header = headers.range;
  if (!header) return undefined;
  // The client holds part of another version: it gets this version whole.
  const ifRange = headers['if-range'];
  if (ifRange !== undefined && ifRange !== etag) return undefined;
  const ranges = parseRange(size, header, { combine: true });
  if (ranges === -1) return 'unsatisfiable';
  if (ranges === -2 || ranges.type !== 'bytes' || ranges.length !== 1) return undefined;
  const [only] = ranges;
  return only ? { start: only.start, end: only.end } : undefined;
}
