import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
// @ts-expect-error s3rver ships no type declarations
import S3rver from 's3rver';
import type { S3Settings } from '../../src/kernel/storage/s3-file-store.js';

export interface TestS3Server {
  settings: S3Settings;
  /** The same settings as environment variables (for a child `satudata serve`). */
  env: Record<string, string>;
  /** Stop answering (an outage), keeping the bucket's files. */
  pause(): Promise<void>;
  /** Answer again on the same port with the same files. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/** A real S3 API server (s3rver) on a free port with one bucket, files in a temporary folder. */
export async function startS3Server(bucket = 'satudata-test'): Promise<TestS3Server> {
  const directory = await mkdtemp(path.join(tmpdir(), 'satudata-s3-'));
  const open = (port: number) =>
    new S3rver({ port, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: bucket }] });
  let server = open(0);
  const address = (await server.run()) as AddressInfo;
  let running = true;
  const endpoint = `http://127.0.0.1:${address.port}`;
  const settings: S3Settings = {
    endpoint,
    bucket,
    region: 'us-east-1',
    // s3rver's fixed development credentials.
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  };
  return {
    settings,
    env: {
      STORAGE: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    },
    pause: async () => {
      if (running) await server.close();
      running = false;
    },
    resume: async () => {
      server = open(address.port);
      await server.run();
      running = true;
    },
    stop: async () => {
      if (running) await server.close();
      running = false;
      await rm(directory, { recursive: true, force: true });
    },
  };
}
