import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import type { ActionContext } from '../../../kernel/actions/context.js';
import { mutate } from '../../../kernel/actions/context.js';
import { ValidationError } from '../../../kernel/errors.js';
import { loadBoundaries } from '../boundaries.js';
import { renderChart } from '../charts.js';
import {
  chartVersionCount,
  findChartVersion,
  insertChart,
  insertChartVersion,
} from '../charts.repository.js';
import { loadTable } from '../data.repository.js';
import { ChartSpecPatchSchema, ChartSpecSchema } from '../domain/chart-spec.js';

const NAME = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9-]{1,100}$/,
    'Nama hanya huruf kecil, angka dan tanda hubung / Name: lowercase letters, digits and hyphens',
  );

/** A URL name from a title: lowercase words joined by hyphens, with a short random tail. */
export function slugOf(title: string): string {
  const base = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'grafik'}-${randomBytes(3).toString('hex')}`;
}

function checkColumns(
  fields: { name: string }[],
  spec: { category: string; value: string; series?: string | undefined },
) {
  const known = new Set(fields.map((f) => f.name));
  const errors: Record<string, { id: string; en: string }[]> = {};
  for (const key of ['category', 'value', 'series'] as const) {
    const c = spec[key];
    if (c && !known.has(c))
      errors[key] = [
        { id: `Kolom "${c}" tidak ada pada tabel ini`, en: `Column "${c}" is not in this table` },
      ];
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

/** A choropleth needs the region's boundaries (uploaded once by an administrator). */
async function checkMap(ctx: ActionContext, type: string) {
  if (type !== 'choropleth' || (await loadBoundaries(ctx.db))) return;
  throw new ValidationError({
    type: [
      {
        id: 'Peta tematik memerlukan batas wilayah kecamatan (GeoJSON) yang diunggah administrator',
        en: 'A choropleth map needs the district boundaries (GeoJSON) an administrator uploads',
      },
    ],
  });
}

/** chart_create: save a chart on a table the actor may read, bound to the table's current version. */
export const chartCreate = defineAction({
  name: 'chart_create',
  sideEffectFree: false,
  requires: 'chart:create',
  input: ChartSpecSchema.extend({
    resource_id: z.string().uuid('Pilih tabel data / Choose a data table'),
    name: NAME.optional(),
  }),
  async authorize(ctx, input) {
    const table = await loadTable(ctx.db, ctx.actor, input.resource_id);
    authorize(ctx.actor, 'chart:create', { agencyId: table.agencyId });
  },
  async run(ctx, input) {
    const table = await loadTable(ctx.db, ctx.actor, input.resource_id);
    checkColumns(table.fields, input);
    await checkMap(ctx, input.type);
    const { resource_id, name: wanted, ...spec } = input;
    const name = wanted ?? slugOf(spec.title);
    return mutate(ctx, async (trx, audit) => {
      const chart = await insertChart(trx, { name, agency_id: table.agencyId, created_by: ctx.actor.userId });
      await insertChartVersion(trx, {
        chart_id: chart.id,
        number: 1,
        resource_id,
        resource_version_id: table.versionId,
        spec: JSON.stringify(spec),
        created_by: ctx.actor.userId,
      });
      await audit({
        action: 'chart_create',
        subjectType: 'chart',
        subjectId: chart.id,
        summary: { name, resource: resource_id, data_version: table.versionNumber, type: spec.type },
      });
      return { name: chart.name, version: 1, data_version: table.versionNumber };
    });
  },
});

/**
 * chart_update: a new version of a chart, bound to its table's current data version (a new data
 * version gives a new chart version); the spec's fields not sent stay as they were.
 */
export const chartUpdate = defineAction({
  name: 'chart_update',
  sideEffectFree: false,
  requires: 'chart:create',
  input: ChartSpecPatchSchema.extend({ name: NAME }),
  async authorize(ctx, input) {
    const v = await findChartVersion(ctx.db, input.name);
    if (!v) throw new ValidationError({ name: [{ id: 'Grafik tidak ditemukan', en: 'Chart not found' }] });
    authorize(ctx.actor, 'chart:create', { agencyId: v.agencyId });
  },
  async run(ctx, input) {
    const { name, ...changes } = input;
    const current = await findChartVersion(ctx.db, name);
    if (!current)
      throw new ValidationError({ name: [{ id: 'Grafik tidak ditemukan', en: 'Chart not found' }] });
    const table = await loadTable(ctx.db, ctx.actor, current.resourceId);
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const spec = ChartSpecSchema.parse({ ...(current.spec as object), ...defined });
    checkColumns(table.fields, spec);
    if (defined.type) await checkMap(ctx, spec.type);
    return mutate(ctx, async (trx, audit) => {
      const number = (await chartVersionCount(trx, current.chartId)) + 1;
      await insertChartVersion(trx, {
        chart_id: current.chartId,
        number,
        resource_id: current.resourceId,
        resource_version_id: table.versionId,
        spec: JSON.stringify(spec),
        created_by: ctx.actor.userId,
      });
      await audit({
        action: 'chart_update',
        subjectType: 'chart',
        subjectId: current.chartId,
        summary: { name, version: number, data_version: table.versionNumber },
      });
      return { name, version: number, data_version: table.versionNumber };
    });
  },
});

/** chart_show: a chart's spec, aggregated data, text alternative and SVG (at a version or the newest). */
export const chartShow = defineAction({
  name: 'chart_show',
  sideEffectFree: true,
  input: z.object({
    name: NAME,
    version: z.coerce.number().int().positive().optional(),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx, input) {
    const c = await renderChart(
      ctx.db,
      ctx.actor,
      input.name,
      input.version ? { number: input.version } : {},
    );
    return {
      name: c.name,
      version: c.number,
      latest_version: c.latest,
      spec: c.spec,
      data: c.data,
      description: c.description,
      dataset: c.dataset.name,
      data_version: c.versionNumber,
      svg: c.svg,
    };
  },
});
