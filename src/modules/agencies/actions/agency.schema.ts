import { z } from 'zod';

export const AGENCY_KINDS = [
  'secretariat',
  'department',
  'agency',
  'office',
  'inspectorate',
  'hospital',
  'district_office',
  'local_government',
  'other',
] as const;

/** Fields of an agency as entered in a form, the API or an import file. */
export const AgencyFieldsSchema = z.object({
  /** Short stable code, used in URLs (CKAN organization name). */
  code: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9._-]{1,40}$/,
      'Kode 1–40 karakter: huruf, angka, titik, strip / Code 1–40 characters: letters, digits, dot, dash',
    ),
  name: z.string().trim().min(2).max(300),
  shortName: z.string().trim().min(1).max(60),
  kind: z.enum(AGENCY_KINDS),
  /** For a province's regencies/cities as producers: their official region code. */
  regionCode: z
    .string()
    .trim()
    .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, 'Kode wilayah tidak valid / Invalid region code')
    .optional()
    .or(z.literal('').transform(() => undefined)),
});
export type AgencyFields = z.infer<typeof AgencyFieldsSchema>;
