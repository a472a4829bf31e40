import { z } from 'zod';
import { can } from '../../../kernel/access/policy.js';
import type { ActionContext } from '../../../kernel/actions/context.js';
import { NotFoundError, ValidationError } from '../../../kernel/errors.js';
import { chartNamesExist, type PublicationView } from '../publication.repository.js';

/** What the publication actions share: their input fields, who may see a draft, the API's dict. */

export const KINDS = ['infographic', 'presentation', 'report', 'book'] as const;
export const NAME = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,100}$/, 'Nama publikasi tidak dikenal / Unknown publication name');
export const optionalUuid = z.preprocess((v) => (v === '' ? undefined : v), z.string().uuid().optional());
export const chartList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : v),
  z
    .array(z.string().regex(/^[a-z0-9-]{1,100}$/))
    .max(20)
    .default([]),
);

export const FIELDS = {
  title: z
    .string()
    .trim()
    .min(3, 'Judul minimal 3 karakter / Title needs at least 3 characters')
    .max(300, 'Judul maksimal 300 karakter / Title is at most 300 characters'),
  title_en: z.string().trim().max(300).default(''),
  narrative: z.string().trim().max(20_000).default(''),
  narrative_en: z.string().trim().max(20_000).default(''),
  topic_id: optionalUuid,
  charts: chartList,
  planned_release: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal rilis berbentuk TTTT-BB-HH / Release date is YYYY-MM-DD')
      .optional(),
  ),
};

export const notFound = () =>
  new NotFoundError({ id: 'Publikasi tidak ditemukan', en: 'Publication not found' });

/** May the actor see this publication: published, or a draft in their reach (`publication:read_draft`). */
export function maySee(ctx: ActionContext, p: PublicationView): boolean {
  return p.published_at !== null || can(ctx.actor, 'publication:read_draft', { agencyId: p.agency_id });
}

export async function chartsFor(ctx: ActionContext, names: string[]) {
  const found = await chartNamesExist(ctx.db, names);
  const missing = names.filter((n) => !found.some((f) => f.name === n));
  if (missing.length)
    throw new ValidationError({
      charts: [
        {
          id: `Grafik tidak ditemukan: ${missing.join(', ')}`,
          en: `Charts not found: ${missing.join(', ')}`,
        },
      ],
    });
  return found;
}

/** A file of the shown version, as the API lists it. */
export interface FileDict {
  name: string;
  type: string;
  size: number;
  origin: string;
  url: string;
}

export function publicationDict(p: PublicationView, files?: FileDict[]) {
  return {
    name: p.name,
    kind: p.kind,
    title: p.title,
    title_en: p.title_en,
    narrative: p.narrative,
    narrative_en: p.narrative_en,
    topic: p.topic_title,
    agency: p.agency_name,
    charts: p.chart_ids,
    version: p.version,
    state: p.published_at ? 'published' : p.instance_id ? 'in_review' : 'draft',
    published_at: p.published_at,
    planned_release: p.planned_release,
    ...(files ? { files } : {}),
  };
}
