/**
 * The storage and operations settings of issue #22 are parsed in the config module: disk by
 * default, STORAGE=s3 with every S3_* setting, a bucket required, METRICS_TOKEN long enough.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { DiskFileStore, fileStoreFor, S3FileStore } from './storage/file-store.js';

const BASE = { NODE_ENV: 'test', DATA_DIR: '/tmp/satudata-config-test' };

describe('storage and operations settings', () => {
  it('keeps files on the local disk by default (npm start unchanged)', () => {
    const config = loadConfig(BASE);
    expect(config.storage).toEqual({ kind: 'disk' });
    expect(fileStoreFor(config)).toBeInstanceOf(DiskFileStore);
    expect(config.metricsToken).toBeUndefined();
  });

  it('reads STORAGE=s3 with S3_ENDPOINT, S3_BUCKET, S3_REGION, the keys and S3_FORCE_PATH_STYLE', () => {
    const config = loadConfig({
      ...BASE,
      STORAGE: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_BUCKET: 'satudata-berkas',
      S3_REGION: 'ap-southeast-3',
      S3_ACCESS_KEY_ID: 'kunci',
      S3_SECRET_ACCESS_KEY: 'rahasia',
      S3_FORCE_PATH_STYLE: 'true',
      METRICS_TOKEN: 'token-metrik-0123456789',
    });
    expect(config.storage).toEqual({
      kind: 's3',
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'satudata-berkas',
      region: 'ap-southeast-3',
      accessKeyId: 'kunci',
      secretAccessKey: 'rahasia',
      forcePathStyle: true,
    });
    expect(fileStoreFor(config)).toBeInstanceOf(S3FileStore);
    expect(config.metricsToken).toBe('token-metrik-0123456789');
  });

  it('refuses STORAGE=s3 without a bucket, a bad endpoint, and a short metrics token, naming each', () => {
    expect(() => loadConfig({ ...BASE, STORAGE: 's3' })).toThrow(/S3_BUCKET/);
    expect(() => loadConfig({ ...BASE, STORAGE: 's3', S3_BUCKET: 'b-1', S3_ENDPOINT: 'bukan url' })).toThrow(
      /S3_ENDPOINT/,
    );
    expect(() => loadConfig({ ...BASE, METRICS_TOKEN: 'pendek' })).toThrow(/METRICS_TOKEN/);
    expect(loadConfig({ ...BASE, STORAGE: 's3', S3_BUCKET: 'b-1' }).storage).toMatchObject({
      region: 'us-east-1',
      forcePathStyle: false,
    });
  });
});
