import { describe, expect, it } from 'vitest';
import { ChartSpecSchema } from './chart-spec.js';
import { chartSvg } from './chart-svg.js';
import { normalizeCode, parseRegionBoundaries, withDistrictNames } from './region-boundaries.js';

const square = (x: number, y: number) => [
  [
    [x, y],
    [x + 0.1, y],
    [x + 0.1, y - 0.1],
    [x, y - 0.1],
    [x, y],
  ],
];
const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const feature = (kode: unknown, nama: string, x: number) => ({
  type: 'Feature',
  properties: { kode, nama },
  geometry: { type: 'Polygon', coordinates: square(x, -7.6) },
});
const opts = { codeProperty: 'kode', nameProperty: 'nama' };

describe('region boundaries (GeoJSON for choropleth maps)', () => {
  it('keeps code, name and rounded polygons of a valid FeatureCollection', () => {
    const r = parseRegionBoundaries(
      fc([feature('35.20.01', 'Poncol', 111.2), feature('35.20.02', 'Parang', 111.3123456789)]),
      opts,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.boundaries.features.map((f) => f.properties)).toEqual([
      { code: '352001', name: 'Poncol' },
      { code: '352002', name: 'Parang' },
    ]);
    expect(r.boundaries.features[1]?.geometry.coordinates[0]?.[0]).toEqual([111.312346, -7.6]);
    expect(normalizeCode(' 35.20.01 ')).toBe('352001');
  });

  it('refuses what is not a map of districts, naming the area and the problem in both languages', () => {
    const refused = (text: string) => {
      const r = parseRegionBoundaries(text, opts);
      if (r.ok) throw new Error('accepted');
      return r.errors;
    };
    expect(refused('{not json')[0]?.en).toBe('The file is not valid JSON');
    expect(refused(JSON.stringify({ type: 'Feature' }))[0]?.id).toContain('FeatureCollection');
    expect(refused(fc([]))[0]?.en).toContain('no areas');
    const point = {
      type: 'Feature',
      properties: { kode: '1' },
      geometry: { type: 'Point', coordinates: [1, 2] },
    };
    expect(refused(fc([point]))[0]?.en).toBe(
      'Area 1: the geometry must be a Polygon or MultiPolygon in longitude/latitude',
    );
    const outside = { ...feature('1', 'A', 0), geometry: { type: 'Polygon', coordinates: square(500, 0) } };
    expect(refused(fc([outside]))[0]?.id).toContain('Wilayah ke-1');
    expect(refused(fc([feature('', 'Tanpa kode', 111)]))[0]?.en).toContain('code property "kode"');
    expect(refused(fc([feature('35.20.01', 'A', 111), feature('352001', 'B', 112)]))[0]?.en).toBe(
      'Area 2: code 352001 is already used by area 1',
    );
  });

  it('draws a choropleth: each district a filled path, a legend, and names in its text alternative', () => {
    const r = parseRegionBoundaries(
      fc([
        feature('3520010', 'Poncol', 111.2),
        feature('3520020', 'Parang', 111.3),
        feature('3520099', 'Kosong', 111.4),
      ]),
      opts,
    );
    if (!r.ok) throw new Error('refused');
    const spec = ChartSpecSchema.parse({
      type: 'choropleth',
      category: 'kode',
      value: 'jumlah',
      title: 'Penduduk per kecamatan',
      source: 'Dukcapil',
    });
    const data = withDistrictNames(
      { categories: ['35.20.010', '3520020'], series: [{ name: 'jumlah', values: [100, 400] }] },
      r.boundaries,
    );
    expect(data.categories).toEqual(['Poncol', 'Parang']);
    const svg = chartSvg(spec, data, { id: 'peta-1', map: { key: 'uji', boundaries: r.boundaries } });
    expect(svg).toMatch(/^<svg[^>]* role="img" aria-labelledby="title-peta-1 desc-peta-1">/);
    expect(svg).toContain(
      '<desc id="desc-peta-1">Peta tematik per kecamatan: Penduduk per kecamatan. Poncol 100; Parang 400.',
    );
    // Two districts with data in two different blues, the one without data in the no-data grey.
    const fills = [...svg.matchAll(/<path d="M[^"]*" fill="([^"]+)" stroke="#444"/g)].map((m) => m[1]);
    expect(fills).toHaveLength(3);
    expect(new Set(fills.slice(0, 2)).size).toBe(2);
    expect(fills[2]).toBe('#f2f2f2');
    // The legend: four classes with whole-number bounds, highest first.
    expect(svg.indexOf('>325 – 400</text>')).toBeGreaterThan(0);
    expect(svg.indexOf('>325 – 400</text>')).toBeLessThan(svg.indexOf('>100 – 175</text>'));
    // Labels carry district names, not codes.
    expect(svg).toContain('>Poncol</text>');
    // Without boundaries the figure falls back to bars and still says what it shows.
    expect(chartSvg(spec, data, { id: 'x' })).toContain('<desc id="desc-x">Peta tematik');
  });
});
