import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ValidationError } from '../errors.js';

/** What an upload became on disk; `key` is relative to the store's root. */
export interface StoredFile {
  key: string;
  size: number;
  /** `sha256:<hex>` */
  hash: string;
  fileName: string;
}

const KEY = /^resources\/[0-9a-f-]{36}\/[\w.-]{1,200}$/;

/** A file name safe on every file system, keeping its extension. */
export function safeFileName(name: string): string {
  const base = path
    .basename(name)
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '_')
    .replace(/^\.+/, '');
  return (base || 'data').slice(-120);
}

/**
 * Files on local disk under `DATA_DIR/files` (S3-compatible storage can implement the same
 * three functions). Every upload gets a new key, so earlier versions stay downloadable.
 */
export class FileStore {
  constructor(readonly root: string) {}

  /** Stream `source` to a new key, hashing as it goes; refuses more than `maxBytes`. */
  async save(source: Readable, fileName: string, maxBytes: number): Promise<StoredFile> {
    const name = safeFileName(fileName);
    const key = `resources/${randomUUID()}/${name}`;
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const hash = createHash('sha256');
    let size = 0;
    source.on('data', (chunk: Buffer) => {
      size += chunk.length;
      hash.update(chunk);
      if (size > maxBytes) source.destroy(new TooLarge(maxBytes));
    });
    try {
      await pipeline(source, createWriteStream(target, { flags: 'wx' }));
      if ((source as Readable & { truncated?: boolean }).truncated) throw new TooLarge(maxBytes);
    } catch (err) {
      await rm(path.dirname(target), { recursive: true, force: true });
      if (err instanceof TooLarge) throw tooLargeError(fileName, maxBytes);
      throw err;
    }
    if (size === 0) {
      await this.remove(key);
      throw new ValidationError({
        upload: [{ id: `Berkas ${fileName} kosong`, en: `File ${fileName} is empty` }],
      });
    }
    return { key, size, hash: `sha256:${hash.digest('hex')}`, fileName: name };
  }

  open(key: string): Readable {
    return createReadStream(this.pathOf(key));
  }

  async exists(key: string): Promise<boolean> {
    return stat(this.pathOf(key)).then(
      () => true,
      () => false,
    );
  }

  async remove(key: string): Promise<void> {
    await rm(path.dirname(this.pathOf(key)), { recursive: true, force: true });
  }

  /** Absolute path of a key; refuses anything that is not a key this store made. */
  pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`invalid storage key ${key}`);
    return path.join(this.root, key);
  }
}

class TooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super('too large');
  }
}

function tooLargeError(fileName: string, maxBytes: number) {
  const mb = Math.round(maxBytes / 1024 / 1024);
  return new ValidationError({
    upload: [
      { id: `Berkas ${fileName} melebihi batas ${mb} MB`, en: `File ${fileName} exceeds the ${mb} MB limit` },
    ],
  });
}

/** The file store of a deployment: `DATA_DIR/files`. */
export function fileStoreFor(config: { dataDir: string }): FileStore {
  return new FileStore(path.join(config.dataDir, 'files'));
}
