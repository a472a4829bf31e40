import { PassThrough, pipeline, type Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
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

export interface S3Settings {
  endpoint: string | undefined;
  bucket: string;
  region: string;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  forcePathStyle: boolean;
}

/**
 * Files in S3-compatible object storage (AWS S3, MinIO, Ceph RGW, a cloud provider's S3 API), so
 * that several app instances serve and ingest the same uploads. Uploads stream as multipart
 * uploads (never whole in memory); downloads may ask for a byte range.
 */
export class S3FileStore implements FileStore {
  readonly kind = 's3';
  readonly client: S3Client;
  constructor(readonly settings: S3Settings) {
    this.client = new S3Client({
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      ...(settings.accessKeyId && settings.secretAccessKey
        ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } }
        : {}),
      // Checksums only where the API requires them: many S3-compatible servers do not understand
      // the SDK's newer default (streamed CRC trailers); the SHA-256 we keep is our own check.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private get bucket() {
    return this.settings.bucket;
  }

  async save(source: Readable, fileName: string, maxBytes: number): Promise<StoredFile> {
    const { key, name } = newKey(fileName);
    const measure = new Measure(maxBytes);
    // Errors of either side end both; Upload hears them through its read of `measure`.
    pipeline(source, measure, () => {});
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: measure },
      queueSize: 2,
      partSize: 8 * 1024 * 1024,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
      if (wasTruncated(source)) throw new TooLarge(maxBytes);
    } catch (err) {
      // Nothing half-stored: an aborted multipart upload leaves no object; a completed one goes.
      await this.remove(key).catch(() => {});
      if (err instanceof TooLarge || measure.errored instanceof TooLarge)
        throw tooLargeError(fileName, maxBytes);
      throw err;
    }
    if (measure.bytes === 0) {
      await this.remove(key);
      throw emptyFileError(fileName);
    }
    return { key, size: measure.bytes, hash: measure.digest(), fileName: name };
  }

  /** Store `source` under a given key (copying another store's file, same key); its SHA-256. */
  async putAt(key: string, source: Readable): Promise<string> {
    const measure = new Measure(Number.MAX_SAFE_INTEGER);
    pipeline(source, measure, () => {});
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: assertKey(key), Body: measure },
      queueSize: 2,
      partSize: 8 * 1024 * 1024,
      // An object appears only when the upload completes: a failed one leaves nothing.
      leavePartsOnError: false,
    });
    await upload.done();
    return measure.digest();
  }

  open(key: string, range?: ByteRange): Readable {
    assertKey(key);
    const out = new PassThrough();
    const Range = range ? `bytes=${range.start}-${range.end ?? ''}` : undefined;
    this.client
      .send(new GetObjectCommand({ Bucket: this.bucket, Key: key, ...(Range ? { Range } : {}) }))
      .then((res) => {
        const body = res.Body as Readable;
        body.on('error', (err) => out.destroy(err));
        out.on('close', () => body.destroy());
        body.pipe(out);
      })
      .catch((err: unknown) => out.destroy(err as Error));
    return out;
  }

  async exists(key: string): Promise<boolean> {
    return (await this.sizeOf(key)) !== undefined;
  }

  async sizeOf(key: string): Promise<number | undefined> {
    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: assertKey(key) }),
      );
      return head.ContentLength;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: assertKey(key) }));
  }

  async *keys(): AsyncIterable<string> {
    const pages = paginateListObjectsV2(
      { client: this.client },
      { Bucket: this.bucket, Prefix: 'resources/' },
    );
    for await (const page of pages)
      for (const object of page.Contents ?? []) if (object.Key) yield object.Key;
  }

  async check(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }
}

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
}
