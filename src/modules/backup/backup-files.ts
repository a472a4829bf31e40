import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { FileStore } from '../../kernel/storage/file-store.js';
import { invalidBackup, isRecord, messageOf } from './backup-file.js';

/**
 * The stored files section of a backup (format version 2), after the tables: every file of the
 * file store (disk or S3), read and written through the FileStore port, so a deployment with
 * its files in S3 backs them up too, and a restore may put them in another kind of store.
 *   {"file":"resources/…/data.csv","size":1234}
 *   "a2V…"                              base64 lines of at most CHUNK bytes each
 *   {"endFile":"resources/…/data.csv","sha256":"sha256:…"}
 */

/** Raw bytes per base64 line (64 KiB of base64 text). */
const CHUNK = 48 * 1024;

/** The lines of the files section, each ending in a newline; `counted` learns how many files. */
export async function* fileLines(files: FileStore, counted: { files: number }): AsyncGenerator<string> {
  const keys: string[] = [];
  for await (const key of files.keys()) keys.push(key);
  keys.sort();
  for (const key of keys) {
    const size = await files.sizeOf(key);
    // Removed since it was listed (a refused upload cleaned up): not part of this backup.
    if (size === undefined) continue;
    yield `${JSON.stringify({ file: key, size })}\n`;
    const hash = createHash('sha256');
    let pending: Buffer = Buffer.alloc(0);
    let read = 0;
    for await (const chunk of files.open(key) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      read += chunk.length;
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      while (pending.length >= CHUNK) {
        yield `${JSON.stringify(pending.subarray(0, CHUNK).toString('base64'))}\n`;
        pending = pending.subarray(CHUNK);
      }
    }
    if (pending.length > 0) yield `${JSON.stringify(pending.toString('base64'))}\n`;
    if (read !== size)
      throw new Error(`file ${key} changed while it was backed up (${read} of ${size} bytes)`);
    yield `${JSON.stringify({ endFile: key, sha256: `sha256:${hash.digest('hex')}` })}\n`;
    counted.files++;
  }
}

/**
 * Writes the files of a backup's files section into a store as the lines come, checking each
 * file's size and SHA-256. `rollBack` removes every file it wrote, so a failed restore leaves
 * the store as it found it.
 */
export class FileRestorer {
  readonly written: string[] = [];
  /** Files of the backup restored (or found already in the store), checked. */
  count = 0;
  private current:
    | { key: string; size: number; sink: PassThrough; put: Promise<string>; bytes: number }
    | undefined;

  constructor(
    private readonly files: FileStore | undefined,
    private readonly file: string,
  ) {}

  get inFile(): boolean {
    return this.current !== undefined;
  }

  /**
   * A `{"file":…}` line: start writing that key. A key the store already holds is the same file
   * (keys are never reused): it is checked against the backup but neither written nor removed.
   */
  async start(value: Record<string, unknown>, lineNo: number): Promise<void> {
    if (typeof value.file !== 'string' || typeof value.size !== 'number')
      throw invalidBackup(this.file, `line ${lineNo}: malformed file start`);
    const sink = new PassThrough();
    const key = value.file;
    const write = this.files !== undefined && !(await this.files.exists(key));
    const put = write && this.files ? this.files.putAt(key, sink) : drain(sink);
    // Its failure is read at the end of the file (or when a write waits on it).
    put.catch(() => {});
    if (write) this.written.push(key);
    this.current = { key, size: value.size, sink, put, bytes: 0 };
  }

  /** A base64 line of the current file. */
  async chunk(line: string, lineNo: number): Promise<void> {
    const current = this.current;
    if (!current) throw invalidBackup(this.file, `line ${lineNo}: file data outside a file`);
    let text: unknown;
    try {
      text = JSON.parse(line);
    } catch {
      throw invalidBackup(this.file, `line ${lineNo} is not JSON`);
    }
    if (typeof text !== 'string') throw invalidBackup(this.file, `line ${lineNo}: expected file data`);
    const bytes = Buffer.from(text, 'base64');
    current.bytes += bytes.length;
    if (!current.sink.write(bytes)) await Promise.race([once(current.sink, 'drain'), current.put]);
  }

  /** A `{"endFile":…}` line: the file is complete; its size and hash must be the recorded ones. */
  async end(value: Record<string, unknown>, lineNo: number): Promise<void> {
    const current = this.current;
    if (!current || value.endFile !== current.key || typeof value.sha256 !== 'string')
      throw invalidBackup(this.file, `line ${lineNo}: expected the end of file ${current?.key}`);
    current.sink.end();
    let hash: string;
    try {
      hash = await current.put;
    } catch (err) {
      throw new Error(
        `Pemulihan berkas ${current.key} gagal / Restoring file ${current.key} failed (${this.file}): ${messageOf(err)}`,
        { cause: err },
      );
    }
    if (current.bytes !== current.size || hash !== value.sha256)
      throw invalidBackup(
        this.file,
        `line ${lineNo}: file ${current.key} does not match its recorded size and SHA-256`,
      );
    this.current = undefined;
    this.count++;
  }

  /** Undo: end a file being written and remove every file written. */
  async rollBack(): Promise<void> {
    this.current?.sink.destroy(new Error('restore failed'));
    await this.current?.put.catch(() => {});
    this.current = undefined;
    if (!this.files) return;
    for (const key of this.written) await this.files.remove(key).catch(() => {});
  }
}

/** Without a target store (a check only): read the bytes and hash them. */
async function drain(sink: PassThrough): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of sink as AsyncIterable<Buffer>) hash.update(chunk);
  return `sha256:${hash.digest('hex')}`;
}

export function isFileLine(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && ('file' in value || 'endFile' in value);
}
