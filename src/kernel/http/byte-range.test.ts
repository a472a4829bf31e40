import { describe, expect, it } from 'vitest';
import { requestedRange } from './byte-range.js';

const ETAG = '"sha256:abc"';

describe('requestedRange', () => {
  it('sends the whole file without a Range header', () => {
    expect(requestedRange({}, 10, ETAG)).toBeUndefined();
  });

  it('reads start-end, start- and the last N bytes', () => {
    expect(requestedRange({ range: 'bytes=2-5' }, 10, ETAG)).toEqual({ start: 2, end: 5 });
    expect(requestedRange({ range: 'bytes=7-' }, 10, ETAG)).toEqual({ start: 7, end: 9 });
    expect(requestedRange({ range: 'bytes=-3' }, 10, ETAG)).toEqual({ start: 7, end: 9 });
    // An end past the file is cut to its last byte.
    expect(requestedRange({ range: 'bytes=8-100' }, 10, ETAG)).toEqual({ start: 8, end: 9 });
  });

  it('is unsatisfiable past the end of the file', () => {
    expect(requestedRange({ range: 'bytes=10-' }, 10, ETAG)).toBe('unsatisfiable');
  });

  it('sends the whole file for a malformed header, another unit or several ranges', () => {
    expect(requestedRange({ range: 'bytes=abc' }, 10, ETAG)).toBeUndefined();
    expect(requestedRange({ range: 'items=1-2' }, 10, ETAG)).toBeUndefined();
    expect(requestedRange({ range: 'bytes=0-1,5-6' }, 10, ETAG)).toBeUndefined();
  });

  it('merges overlapping ranges into one', () => {
    expect(requestedRange({ range: 'bytes=0-4,3-6' }, 10, ETAG)).toEqual({ start: 0, end: 6 });
  });

  it('honours If-Range: a range of this version only', () => {
    expect(requestedRange({ range: 'bytes=2-5', 'if-range': ETAG }, 10, ETAG)).toEqual({ start: 2, end: 5 });
    expect(requestedRange({ range: 'bytes=2-5', 'if-range': '"sha256:old"' }, 10, ETAG)).toBeUndefined();
  });
});
