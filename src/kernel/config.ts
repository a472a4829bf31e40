import path from 'node:path';
import { z } from 'zod';

/**
 * The environment, parsed once. Nothing else in the codebase reads `process.env`:
 * every setting is named, typed and documented here (and in the README's table).
 */
const EnvSchema = z.object({
  /** HTTP port of the portal. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Address to listen on. */
  HOST: z.string().default('0.0.0.0'),
  /** Folder for the embedded database, uploads and the lock file. */
  DATA_DIR: z.string().default('./var'),
  /** When set, a PostgreSQL server is used instead of the embedded PGlite. */
  DATABASE_URL: z.string().url().optional(),
  /** `production` refuses demo accounts and turns on secure cookies. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Public base URL, used in links, API help URLs and linked data. */
  SITE_URL: z.string().url().optional(),
  /** Log level for pino. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Official Kemendagri code of the region this deployment serves (demo: Kabupaten Magetan). */
  REGION_CODE: z
    .string()
    .regex(/^\d{2}(\.\d{2})?$/, 'REGION_CODE must be a province (35) or regency/city (35.20) code')
    .default('35.20'),
  /** Failed logins in a row before an account is locked. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  /** Minutes an account stays locked after too many failures. */
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Hours a session lives without use. */
  SESSION_HOURS: z.coerce.number().int().min(1).default(12),
  /** Largest file a resource upload may be, in MB. */
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(10_240).default(200),
  /** Secret for signing cookies; generated and kept in DATA_DIR when absent. */
  COOKIE_SECRET: z.string().min(32).optional(),
  /** SMTP server for notification mails (smtp://user:pass@host:587); without it mails stay in the outbox (/admin/outbox). */
  SMTP_URL: z.string().url().optional(),
  /** Sender address of notification mails. */
  MAIL_FROM: z.string().min(3).default('satudata@localhost'),
  /**
   * `datastore_search_sql` served (`on`) or refused (`off`). Default: off on the embedded PGlite,
   * which cannot stop a running query, on with PostgreSQL (read-only role, statement timeout).
   */
  DATASTORE_SQL: z.enum(['on', 'off']).optional(),
  /** Where uploaded files live: `disk` (DATA_DIR/files) or `s3` (S3-compatible object storage). */
  STORAGE: z.enum(['disk', 's3']).default('disk'),
  /** S3 API address (MinIO, Ceph, a cloud provider); empty for AWS itself. */
  S3_ENDPOINT: z.string().url().optional(),
  /** Bucket for uploaded files (must exist). */
  S3_BUCKET: z.string().min(3).optional(),
  /** Region of the bucket. */
  S3_REGION: z.string().min(1).default('us-east-1'),
  /** Access key; without it the SDK's usual credential chain (instance role, ~/.aws). */
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** `true` for servers that serve buckets as paths (MinIO, most self-hosted ones). */
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('false'),
  /** Bearer token required by GET /metrics; without it /metrics is refused. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /**
   * How long a running job's claim holds without renewal: after an instance dies, another one
   * takes its job over once the lease runs out (renewed every third of it, checked every half).
   */
  JOB_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  /** The anonymous page cache (src/kernel/http/page-cache.ts); `off` to measure pages cold. */
  PAGE_CACHE: z.enum(['on', 'off']).default('on'),
});

/** Where uploaded files live (STORAGE and the S3_* settings). */
export type StorageConfig =
  | { kind: 'disk' }
  | {
      kind: 's3';
      endpoint: string | undefined;
      bucket: string;
      region: string;
      accessKeyId: string | undefined;
      secretAccessKey: string | undefined;
      forcePathStyle: boolean;
    };

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  env: 'development' | 'production' | 'test';
  isProduction: boolean;
  siteUrl: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  regionCode: string;
  loginMaxFailures: number;
  loginLockMinutes: number;
  sessionHours: number;
  cookieSecret: string | undefined;
  uploadMaxBytes: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** `datastore_search_sql` is served (DATASTORE_SQL; default off on PGlite, on with PostgreSQL). */
  datastoreSql: boolean;
  storage: StorageConfig;
  /** Token GET /metrics requires (METRICS_TOKEN); undefined: /metrics is refused. */
  metricsToken: string | undefined;
  /** A running job's lease (JOB_LEASE_SECONDS), in ms. */
  jobLeaseMs: number;
  /** Anonymous public pages served from memory while the catalog's stamps hold (PAGE_CACHE). */
  pageCache: boolean;
};

/** Parse an environment (default: `process.env`) into a Config, with a readable error on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Konfigurasi tidak valid / Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.STORAGE === 's3' && !e.S3_BUCKET)
    throw new Error(
      'Konfigurasi tidak valid / Invalid configuration:\n  S3_BUCKET: wajib bila STORAGE=s3 / required when STORAGE=s3',
    );
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    env: e.NODE_ENV,
    isProduction: e.NODE_ENV === 'production',
    siteUrl: (e.SITE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    regionCode: e.REGION_CODE,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    sessionHours: e.SESSION_HOURS,
    cookieSecret: e.COOKIE_SECRET,
    uploadMaxBytes: e.UPLOAD_MAX_MB * 1024 * 1024,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    datastoreSql: (e.DATASTORE_SQL ?? (e.DATABASE_URL ? 'on' : 'off')) === 'on',
    jobLeaseMs: e.JOB_LEASE_SECONDS * 1000,
    pageCache: e.PAGE_CACHE === 'on',
    storage:
      e.STORAGE === 's3'
        ? {
            kind: 's3',
            endpoint: e.S3_ENDPOINT,
            bucket: e.S3_BUCKET ?? '',
            region: e.S3_REGION,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
            forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
          }
        : { kind: 'disk' },
    metricsToken: e.METRICS_TOKEN,
  };
}
