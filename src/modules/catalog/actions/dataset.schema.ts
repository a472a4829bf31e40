import { z } from 'zod';
import { FREQUENCY_IDS } from '../domain/frequencies.js';
import { LICENSES } from '../domain/licenses.js';

/** Form and query strings say "true"/"false"; JSON says true/false. */
export const looseBoolean = z.preprocess(
  (v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v),
  z.boolean(),
);

const SLUG = /^[a-z0-9_-]{2,100}$/;
const slugMessage =
  'Harus 2–100 karakter huruf kecil, angka, - atau _ / Must be 2–100 lower-case letters, digits, - or _';

const TagSchema = z
  .union([z.string(), z.object({ name: z.string() })])
  .transform((t) => (typeof t === 'string' ? t : t.name).trim())
  .pipe(
    z
      .string()
      .min(1)
      .max(100)
      .regex(
        /^[\p{L}\p{N} _.-]+$/u,
        'Tag hanya huruf, angka, spasi, - _ . / Tags may contain letters, digits, space, - _ .',
      ),
  );

const GroupRefSchema = z
  .union([z.string(), z.object({ name: z.string().optional(), id: z.string().optional() })])
  .transform((g) => (typeof g === 'string' ? g : (g.name ?? g.id ?? '')));

/** Only web links: a `javascript:` or `data:` URL would run in a reader's browser. */
const WebUrl = z
  .string()
  .url()
  .max(2000)
  .refine((u) => /^https?:\/\//i.test(u), 'URL harus http atau https / URL must be http or https');

const DateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal YYYY-MM-DD / Date YYYY-MM-DD');
const RegionCode = z
  .string()
  .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, 'Kode wilayah tidak valid / Invalid region code');

export const LinkResourceSchema = z.object({
  name: z.string().max(300).default(''),
  description: z.string().max(10_000).default(''),
  format: z.string().max(50).default(''),
  url: WebUrl,
});

/** The fields of a dataset (CKAN package) that callers set. */
export const DatasetFieldsSchema = z.object({
  name: z.string().regex(SLUG, slugMessage),
  title: z.string().trim().min(1).max(500),
  notes: z.string().max(20_000).default(''),
  /** Owning agency: its id or its code (CKAN organization name). */
  owner_org: z.string().min(1),
  private: looseBoolean.default(true),
  state: z.enum(['draft', 'active']).default('active'),
  license_id: z
    .string()
    .default('CC-BY-4.0')
    .refine((id) => LICENSES.some((l) => l.id === id), 'Lisensi tidak dikenal / Unknown license'),
  author: z.string().max(300).nullish(),
  author_email: z.string().email().max(300).nullish().or(z.literal('')),
  maintainer: z.string().max(300).nullish(),
  maintainer_email: z.string().email().max(300).nullish().or(z.literal('')),
  url: WebUrl.nullish().or(z.literal('')),
  version: z.string().max(100).nullish(),
  tags: z.array(TagSchema).max(50).default([]),
  groups: z.array(GroupRefSchema).max(30).default([]),
  extras: z
    .array(z.object({ key: z.string().min(1).max(100), value: z.string().max(10_000) }))
    .max(50)
    .default([]),
  update_frequency: z.enum(FREQUENCY_IDS as [string, ...string[]]).nullish(),
  temporal_start: DateString.nullish(),
  temporal_end: DateString.nullish(),
  spatial: z.array(RegionCode).max(100).default([]),
  resources: z.array(LinkResourceSchema).max(100).optional(),
});
export type DatasetFields = z.infer<typeof DatasetFieldsSchema>;
