import { Readable } from 'node:stream';
import { z } from 'zod';
import { defineAction } from '../../../kernel/actions/action.js';
import { type ActionContext, mutate } from '../../../kernel/actions/context.js';
import { ConflictError, ValidationError } from '../../../kernel/errors.js';
import type { StoredFile } from '../../../kernel/storage/file-store.js';
import { renderChart, svgToPng } from '../charts.js';
import { INFOGRAPHIC_TEMPLATES, infographicSvg } from '../domain/infographic-svg.js';
import { findPublication, lockPublication } from '../publication.repository.js';
import { awaitsStaff } from '../publication-flow.js';
import { newVersion } from '../publication-versions.js';
import { authorizeDraftEdit, fileUrl } from './publication-file-actions.js';
import { chartList, FIELDS, NAME, notFound } from './publication-input.js';

/** The generated files' names: one infographic per version, as SVG and PNG. */
export const INFOGRAPHIC_FILES = { svg: 'infografis.svg', png: 'infografis.png' } as const;

/** The charts drawn as the public will see them: each must show public data. */
async function chartsOf(ctx: ActionContext, names: string[]) {
  const charts = [];
  for (const name of names) {
    const c = await renderChart(ctx.db, ctx.actor, name, { locale: 'id' }).catch(() => null);
    if (!c?.dataset.public)
      throw new ValidationError({
        charts: [
          {
            id: `Grafik ${name} tidak ditemukan atau datanya belum terbuka untuk publik`,
            en: `Chart ${name} was not found or its data are not public yet`,
          },
        ],
      });
    charts.push(c);
  }
  return charts;
}

/**
 * publication_infographic_generate: the infographic drawn on the server from saved charts on a
 * template (title band, narrative, the charts, their sources), kept as the new version's SVG and
 * PNG. The same charts, words and template give the same bytes.
 */
export const publicationInfographicGenerate = defineAction({
  name: 'publication_infographic_generate',
  sideEffectFree: false,
  requires: 'publication:create',
  input: z.object({
    name: NAME,
    charts: chartList.optional(),
    template: z.enum(INFOGRAPHIC_TEMPLATES).default('portrait'),
    title: FIELDS.title.optional(),
    narrative: z.string().trim().max(20_000).optional(),
  }),
  authorize: (ctx, input) => authorizeDraftEdit(ctx, input.name),
  async run(ctx, input) {
    const files = ctx.files;
    if (!files) throw new Error('an infographic needs the file store');
    const p = await findPublication(ctx.db, input.name);
    if (!p) throw notFound();
    const names = input.charts?.length ? input.charts : p.chart_ids;
    if (names.length === 0)
      throw new ValidationError({
        charts: [{ id: 'Pilih paling sedikit satu grafik', en: 'Choose at least one chart' }],
      });
    const charts = await chartsOf(ctx, names);
    const title = input.title ?? p.title;
    const narrative = input.narrative ?? p.narrative;
    const svg = infographicSvg({
      title,
      narrative,
      publisher: p.agency_name ?? '',
      url: `${ctx.siteUrl ?? ''}/publikasi/${p.name}`,
      template: input.template,
      charts: charts.map((c) => ({
        svg: c.svg,
        title: c.spec.title,
        source: c.spec.source,
        description: c.description,
      })),
    });
    const png = svgToPng(svg);
    const stored: StoredFile[] = [];
    try {
      stored.push(await files.save(Readable.from([Buffer.from(svg)]), INFOGRAPHIC_FILES.svg, 50_000_000));
      stored.push(await files.save(Readable.from([png]), INFOGRAPHIC_FILES.png, 50_000_000));
      const [s, g] = stored as [StoredFile, StoredFile];
      return await mutate(ctx, async (trx, audit) => {
        const row = await lockPublication(trx, input.name);
        if (!row) throw notFound();
        if (!(await awaitsStaff(trx, row)))
          throw new ConflictError({
            id: `Publikasi "${row.title}" sedang diperiksa atau sudah terbit; tidak dapat diubah`,
            en: `Publication "${row.title}" is being checked or is published; it cannot be changed`,
          });
        const file = (f: StoredFile, type: 'image/svg+xml' | 'image/png', position: number) => ({
          file_name: f.fileName,
          content_type: type,
          origin: 'generated' as const,
          storage_key: f.key,
          size: f.size,
          hash: f.hash,
          position,
          created_by: ctx.actor.userId,
        });
        const version = await newVersion(
          trx,
          row,
          { title, narrative, chart_ids: JSON.stringify(names) },
          {
            add: [file(g, 'image/png', 0), file(s, 'image/svg+xml', 1)],
            drop: (f) => f.origin === 'generated',
          },
        );
        await audit({
          action: 'publication_infographic_generate',
          subjectType: 'publication',
          subjectId: row.id,
          summary: { name: row.name, version, charts: names, template: input.template, png: g.hash },
        });
        return {
          name: row.name,
          version,
          png: fileUrl(row.name, version, g.fileName),
          svg: fileUrl(row.name, version, s.fileName),
          hash: g.hash,
        };
      });
    } catch (err) {
      for (const f of stored) await files.remove(f.key);
      throw err;
    }
  },
});
