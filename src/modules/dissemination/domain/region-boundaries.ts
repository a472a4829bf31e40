import { z } from 'zod';

/**
 * The region's district (kecamatan) boundaries as an administrator uploads them once, as
 * GeoJSON, for choropleth charts. What is kept is only what a map needs: each district's
 * polygon(s), its region code and its name.
 */

export interface BoundaryFeature {
  type: 'Feature';
  properties: { code: string; name: string };
  geometry:
    | { type: 'Polygon'; coordinates: number[][][] }
    | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

export interface RegionBoundaries {
  type: 'FeatureCollection';
  features: BoundaryFeature[];
}

/** At most this many bytes of GeoJSON (a simplified kecamatan map is far smaller). */
export const MAX_BOUNDARIES_BYTES = 5_000_000;
/** At most this many districts (a province's regencies or a regency's kecamatan). */
export const MAX_FEATURES = 1000;

/** '35.20.01', '352001' and ' 35 20 01 ' are the same district: codes compare on their digits and letters. */
export const normalizeCode = (code: unknown): string =>
  String(code ?? '')
    .replace(/[^0-9A-Za-z]/g, '')
    .toUpperCase();

type Bilingual = { id: string; en: string };
export type BoundaryResult = { ok: true; boundaries: RegionBoundaries } | { ok: false; errors: Bilingual[] };

const position = z
  .array(z.number().finite())
  .min(2)
  .refine(([x, y]) => (x ?? 0) >= -180 && (x ?? 0) <= 180 && (y ?? 0) >= -90 && (y ?? 0) <= 90, {
    message: 'lon/lat',
  });
const ring = z.array(position).min(4);
const polygon = z.array(ring).min(1);
const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: polygon }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygon).min(1) }),
]);
const feature = z.object({
  type: z.literal('Feature'),
  properties: z.record(z.string(), z.unknown()).nullable(),
  geometry,
});

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Validate uploaded GeoJSON: a FeatureCollection of Polygon/MultiPolygon features in lon/lat,
 * each with a region code in `codeProperty` (unique) and a name in `nameProperty`. Errors say
 * which feature is wrong, in Bahasa Indonesia and English.
 */
export function parseRegionBoundaries(
  text: string,
  opts: { codeProperty: string; nameProperty: string },
): BoundaryResult {
  const fail = (id: string, en: string): BoundaryResult => ({ ok: false, errors: [{ id, en }] });
  if (Buffer.byteLength(text, 'utf8') > MAX_BOUNDARIES_BYTES)
    return fail(
      `Berkas GeoJSON lebih dari ${MAX_BOUNDARIES_BYTES / 1_000_000} MB; sederhanakan batasnya dahulu`,
      `The GeoJSON file is over ${MAX_BOUNDARIES_BYTES / 1_000_000} MB; simplify the boundaries first`,
    );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('Berkas bukan JSON yang sah', 'The file is not valid JSON');
  }
  const top = z
    .object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) })
    .safeParse(json);
  if (!top.success)
    return fail(
      'GeoJSON harus berupa FeatureCollection dengan daftar features',
      'The GeoJSON must be a FeatureCollection with a features list',
    );
  const list = top.data.features;
  if (list.length === 0)
    return fail('FeatureCollection tidak berisi wilayah', 'The FeatureCollection has no areas');
  if (list.length > MAX_FEATURES)
    return fail(
      `Terlalu banyak wilayah (${list.length}); paling banyak ${MAX_FEATURES}`,
      `Too many areas (${list.length}); at most ${MAX_FEATURES}`,
    );
  const errors: Bilingual[] = [];
  const features: BoundaryFeature[] = [];
  const seen = new Map<string, number>();
  list.forEach((raw, i) => {
    const n = i + 1;
    const f = feature.safeParse(raw);
    if (!f.success) {
      errors.push({
        id: `Wilayah ke-${n}: geometri harus Polygon atau MultiPolygon dengan koordinat bujur/lintang`,
        en: `Area ${n}: the geometry must be a Polygon or MultiPolygon in longitude/latitude`,
      });
      return;
    }
    const props = f.data.properties ?? {};
    const code = normalizeCode(props[opts.codeProperty]);
    const name = String(props[opts.nameProperty] ?? '').trim() || code;
    if (!code) {
      errors.push({
        id: `Wilayah ke-${n}: properti kode "${opts.codeProperty}" kosong atau tidak ada`,
        en: `Area ${n}: the code property "${opts.codeProperty}" is empty or missing`,
      });
      return;
    }
    const twice = seen.get(code);
    if (twice) {
      errors.push({
        id: `Wilayah ke-${n}: kode ${code} sudah dipakai wilayah ke-${twice}`,
        en: `Area ${n}: code ${code} is already used by area ${twice}`,
      });
      return;
    }
    seen.set(code, n);
    const g = f.data.geometry;
    features.push({
      type: 'Feature',
      properties: { code, name: name.slice(0, 200) },
      geometry:
        g.type === 'Polygon'
          ? {
              type: 'Polygon',
              coordinates: g.coordinates.map((r) => r.map(([x, y]) => [round(x ?? 0), round(y ?? 0)])),
            }
          : {
              type: 'MultiPolygon',
              coordinates: g.coordinates.map((p) =>
                p.map((r) => r.map(([x, y]) => [round(x ?? 0), round(y ?? 0)])),
              ),
            },
    });
  });
  if (errors.length) return { ok: false, errors: errors.slice(0, 20) };
  return { ok: true, boundaries: { type: 'FeatureCollection', features } };
}

/** The name of each district by its normalized code. */
export function boundaryNames(b: RegionBoundaries): Map<string, string> {
  return new Map(b.features.map((f) => [f.properties.code, f.properties.name]));
}

/**
 * A choropleth's data with its categories (district codes as the table has them) named after
 * the districts; `codes` keeps the normalized codes the map joins on.
 */
export function withDistrictNames<T extends { categories: string[]; codes?: string[] }>(
  data: T,
  b: RegionBoundaries,
): T {
  const names = boundaryNames(b);
  const codes = data.categories.map(normalizeCode);
  return { ...data, codes, categories: codes.map((c, i) => names.get(c) ?? data.categories[i] ?? c) };
}
