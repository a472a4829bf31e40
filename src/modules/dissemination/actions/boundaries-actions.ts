import { createHash } from 'node:crypto';
import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { ValidationError } from '../../../kernel/errors.js';
import { loadBoundaries, saveBoundaries } from '../boundaries.js';
import { MAX_BOUNDARIES_BYTES, parseRegionBoundaries } from '../domain/region-boundaries.js';

const property = z
  .string()
  .trim()
  .regex(/^[\w .:-]{1,60}$/, 'Nama properti tidak sah / Invalid property name');

/**
 * region_boundaries_set: the administrator uploads the region's district (kecamatan) boundaries
 * once, as GeoJSON; choropleth charts are offered from then on. The file is validated (a
 * FeatureCollection of polygons in lon/lat, each with a unique code) and kept simplified to
 * code, name and geometry.
 */
export const regionBoundariesSet = defineAction({
  name: 'region_boundaries_set',
  sideEffectFree: false,
  requires: 'codelist:manage',
  input: z.object({
    geojson: z
      .string()
      .min(1, 'Pilih berkas GeoJSON / Choose a GeoJSON file')
      .max(MAX_BOUNDARIES_BYTES + 1, 'Berkas GeoJSON terlalu besar / The GeoJSON file is too large'),
    code_property: property.default('kode'),
    name_property: property.default('nama'),
    file_name: z.string().trim().max(200).default('batas-wilayah.geojson'),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'codelist:manage'),
  async run(ctx, input) {
    const parsed = parseRegionBoundaries(input.geojson, {
      codeProperty: input.code_property,
      nameProperty: input.name_property,
    });
    if (!parsed.ok) throw new ValidationError({ geojson: parsed.errors });
    const text = JSON.stringify(parsed.boundaries);
    const hash = createHash('sha256').update(text).digest('hex');
    const before = await loadBoundaries(ctx.db);
    return mutate(ctx, async (trx, audit) => {
      await saveBoundaries(trx, {
        hash,
        fileName: input.file_name || 'batas-wilayah.geojson',
        codeProperty: input.code_property,
        nameProperty: input.name_property,
        uploadedAt: new Date().toISOString(),
        boundaries: parsed.boundaries,
      });
      await audit({
        action: 'region_boundaries_set',
        subjectType: 'site_setting',
        subjectId: null,
        summary: {
          file: input.file_name,
          districts: parsed.boundaries.features.length,
          hash,
          replaced: before?.hash ?? null,
        },
      });
      return { districts: parsed.boundaries.features.length, hash };
    });
  },
});

/** region_boundaries_show: whether boundaries are uploaded, with each district's code and name. */
export const regionBoundariesShow = defineAction({
  name: 'region_boundaries_show',
  sideEffectFree: true,
  input: z.object({}),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx) {
    const b = await loadBoundaries(ctx.db);
    if (!b) return { uploaded: false, districts: [] };
    return {
      uploaded: true,
      file_name: b.fileName,
      uploaded_at: b.uploadedAt,
      hash: b.hash,
      districts: b.boundaries.features.map((f) => ({ code: f.properties.code, name: f.properties.name })),
    };
  },
});
