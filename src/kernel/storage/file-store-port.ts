import { createHash, type Hash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { ValidationError } from '../errors.js';

/** What an upload became in the store; `key` is relative to the store's root or bucket. */
export interface StoredFile {
  key: string;
  size: number;
  /** `sha256:<hex>` */
  hash: string;
  fileName: string;
}

/** Inclusive byte range of a ranged read (HTTP `Range: bytes=start-end`). */
export interface ByteRange {
  start: number;
  end?: number;
}

/**
 * The storage port: uploaded resource files, workflow attachments and anything else kept beside
 * the database. Two adapters: local disk (`DATA_DIR/files`, the default) and S3-compatible object
 * storage. Every upload gets a new key, so earlier versions stay downloadable.
 */
export interface FileStore {
  readonly kind: 'disk' | 's3';
  /** Stream `source` to a new key, hashing as it goes; refuses more than `maxBytes`. */
  save(source: Readable, fileName: string, maxBytes: number): Promise<StoredFile>;
  /**
   * Store `source` under a key another store made (a restore, `storage migrate`); returns its
   * `sha256:<hex>`. A failed write leaves nothing under the key.
   */
  putAt(key: string, source: Readable): Promise<string>;
  /** Stream a stored file (or a byte range of it); errors arrive on the stream. */
  open(key: string, range?: ByteRange): Readable;
  exists(key: string): Promise<boolean>;
  /** Size in bytes, or undefined when the key does not exist. */
  sizeOf(key: string): Promise<number | undefined>;
  remove(key: string): Promise<void>;
  /** Every key in the store (for `satudata storage migrate`). */
  keys(): AsyncIterable<string>;
  /** Throws when the store cannot be reached (readiness). */
  check(): Promise<void>;
}

const KEY = /^resources\/[0-9a-f-]{36}\/[\w.-]{1,200}$/;

/** Refuses anything that is not a key a store made (no path tricks through a key). */
export function assertKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`invalid storage key ${key}`);
  return key;
}

/** A file name safe on every file system, keeping its extension. */
export function safeFileName(name: string): string {
  const base = path
    .basename(name)
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '_')
    .replace(/^\.+/, '');
  return (base || 'data').slice(-120);
}

export function newKey(fileName: string): { key: string; name: string } {
  const name = safeFileName(fileName);
  return { key: `resources/${randomUUID()}/${name}`, name };
}

/** Counts and hashes what passes through; fails the stream past `maxBytes`. */
export class Measure extends Transform {
  /** Not `size`: the AWS SDK reads `Body.size` as the stream's length. */
  bytes = 0;
  private readonly hash: Hash = createHash('sha256');
  constructor(private readonly maxBytes: number) {
    super();
  }
  override _transform(
    chunk: Buffer,
    _enc: BufferEncoding,
    done: (err?: Error | null, data?: Buffer) => void,
  ) {
    this.bytes += chunk.length;
    this.hash.update(chunk);
    if (this.bytes > this.maxBytes) return done(new TooLarge(this.maxBytes));
    done(null, chunk);
  }
  digest(): string {
    return `sha256:${this.hash.digest('hex')}`;
  }
}

export class TooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super('too large');
  }
}

/** A multipart file stream cut at the parser's limit says so with `truncated`. */
export function wasTruncated(source: Readable): boolean {
  return (source as Readable & { truncated?: boolean }).truncated === true;
}

export function tooLargeError(fileName: string, maxBytes: number) {
  const mb = Math.round(maxBytes / 1024 / 1024);
  return new ValidationError({
    upload: [
      { id: `Berkas ${fileName} melebihi batas ${mb} MB`, en: `File ${fileName} exceeds the ${mb} MB limit` },
    ],
  });
}

export function emptyFileError(fileName: string) {
  return new ValidationError({
    upload: [{ id: `Berkas ${fileName} kosong`, en: `File ${fileName} is empty` }],
  });
}
