import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertKey,
  type ByteRange,
  emptyFileError,
  type FileStore,
  Measure,
  newKey,
  type StoredFile,
  TooLarge,
  tooLargeError,
  wasTruncated,
} from './file-store-port.js';

/** Files on local disk under `DATA_DIR/files`: the default for one server. */
export class DiskFileStore implements FileStore {
  readonly kind = 'disk';
  constructor(readonly root: string) {}

  async save(source: Readable, fileName: string, maxBytes: number): Promise<StoredFile> {
    const { key, name } = newKey(fileName);
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const measure = new Measure(maxBytes);
    try {
      await pipeline(source, measure, createWriteStream(target, { flags: 'wx' }));
      if (wasTruncated(source)) throw new TooLarge(maxBytes);
    } catch (err) {
      await rm(path.dirname(target), { recursive: true, force: true });
      if (err instanceof TooLarge) throw tooLargeError(fileName, maxBytes);
      throw err;
    }
    if (measure.bytes === 0) {
      await this.remove(key);
      throw emptyFileError(fileName);
    }
    return { key, size: measure.bytes, hash: measure.digest(), fileName: name };
  }

  async putAt(key: string, source: Readable): Promise<string> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const measure = new Measure(Number.MAX_SAFE_INTEGER);
    // Written aside, then renamed: a reader never sees half a file under the key.
    const partial = `${target}~`;
    try {
      await pipeline(source, measure, createWriteStream(partial));
      await rename(partial, target);
    } catch (err) {
      await rm(partial, { force: true });
      // The key's folder goes too when nothing else is in it.
      await rmdir(path.dirname(target)).catch(() => {});
      throw err;
    }
    return measure.digest();
  }

  open(key: string, range?: ByteRange): Readable {
    return createReadStream(this.pathOf(key), range ? { start: range.start, end: range.end } : {});
  }

  async exists(key: string): Promise<boolean> {
    return (await this.sizeOf(key)) !== undefined;
  }

  async sizeOf(key: string): Promise<number | undefined> {
    return stat(this.pathOf(key)).then(
      (s) => s.size,
      () => undefined,
    );
  }

  async remove(key: string): Promise<void> {
    await rm(path.dirname(this.pathOf(key)), { recursive: true, force: true });
  }

  async *keys(): AsyncIterable<string> {
    const base = path.join(this.root, 'resources');
    const folders = await readdir(base).catch(() => [] as string[]);
    for (const folder of folders)
      for (const name of await readdir(path.join(base, folder)).catch(() => [] as string[])) {
        const key = `resources/${folder}/${name}`;
        try {
          yield assertKey(key);
        } catch {
          // Not a file this store made (a stray file an operator left): not ours to copy.
        }
      }
  }

  async check(): Promise<void> {
    await mkdir(this.root, { recursive: true });
  }

  /** Absolute path of a key; refuses anything that is not a key this store made. */
  pathOf(key: string): string {
    return path.join(this.root, assertKey(key));
  }
}
