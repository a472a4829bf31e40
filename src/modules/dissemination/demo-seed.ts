import type { Actor } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import type { ActionContext } from '../../kernel/actions/context.js';
import { enqueueJob } from '../../kernel/jobs/job.repository.js';
import type { JobHandler } from '../../kernel/jobs/job-handler.js';
import { loadActor } from '../accounts/index.js';
import { regionBoundariesSet } from './actions/boundaries-actions.js';
import { chartCreate } from './actions/chart-actions.js';
import { dataBookGenerate } from './actions/data-book-actions.js';
import { publicationInfographicGenerate } from './actions/infographic-actions.js';
import { publicationCreate } from './actions/publication-actions.js';
import { findChartVersion } from './charts.repository.js';
import { loadTable, resourceIdByNames } from './data.repository.js';
import { type DemoPayload, DISSEMINATION_DEMO_JOB } from './demo-job.js';
import { publishDemoPublication } from './demo-publish.js';
import { findPublication } from './publication.repository.js';

/** The demo book's URL name: "Kabupaten Magetan Dalam Angka" (its editions are per year). */
export const DEMO_BOOK = 'kabupaten-magetan-dalam-angka';

/**
 * A schematic map of the demo districts, generated (no third-party boundaries are shipped):
 * one square each on a grid over the regency's rough extent, so choropleths can be shown.
 * The file name says it is schematic; a region uploads its real boundaries instead.
 */
export function schematicBoundaries(districts: { code: string; name: string }[]) {
  const cols = Math.max(1, Math.ceil(Math.sqrt(districts.length * 1.5)));
  const size = 0.05;
  return {
    type: 'FeatureCollection',
    features: districts.map((d, i) => {
      const x = 111.2 + (i % cols) * size;
      const y = -7.55 - Math.floor(i / cols) * size;
      return {
        type: 'Feature',
        properties: { kode: d.code, nama: d.name },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [x, y],
              [x + size, y],
              [x + size, y - size],
              [x, y - size],
              [x, y],
            ].map(([a, b]) => [Math.round((a ?? 0) * 1e4) / 1e4, Math.round((b ?? 0) * 1e4) / 1e4]),
          ],
        },
      };
    }),
  };
}

/**
 * Called by the demo loader: the schematic boundaries now, and the charts, book and infographics
 * later (a job, once the tables are loaded), taken through the dissemination SOP by the demo
 * people in its positions. `custodian` is the demo Walidata who makes them.
 */
export async function seedDisseminationDemo(
  ctx: ActionContext,
  custodian: Actor,
  districts: { code: string; name: string }[],
): Promise<void> {
  if (districts.length > 0)
    await executeAction(ctx, regionBoundariesSet, {
      geojson: JSON.stringify(schematicBoundaries(districts)),
      file_name: 'batas-kecamatan-skematis-demo.geojson',
    });
  if (custodian.userId)
    await enqueueJob(ctx.db, DISSEMINATION_DEMO_JOB, { userId: custodian.userId, round: 0 });
}

const DENSITY = ['kepadatan-penduduk-kecamatan-2024', 'Kepadatan penduduk per kecamatan 2024'] as const;
const BY_DISTRICT = ['jumlah-penduduk-kecamatan-jenis-kelamin-2024', 'Penduduk per kecamatan 2024'] as const;
const YEARLY = [
  'jumlah-penduduk-kecamatan-jenis-kelamin-2024',
  'Penduduk Kabupaten Magetan 2019–2024',
] as const;

const CHARTS = [
  {
    name: 'kepadatan-penduduk-per-kecamatan-2024',
    table: DENSITY,
    spec: {
      type: 'choropleth',
      category: 'kode_kecamatan',
      value: 'kepadatan_jiwa_per_km2',
      title: 'Kepadatan penduduk per kecamatan, 2024',
      subtitle: 'Jiwa per km² (peta skematis demo)',
      source: 'Bappeda Kabupaten Magetan',
    },
  },
  {
    name: 'penduduk-per-kecamatan-2024',
    table: BY_DISTRICT,
    spec: {
      type: 'bar',
      category: 'nama_kecamatan',
      value: 'jumlah',
      title: 'Jumlah penduduk per kecamatan, 2024',
      source: 'Dispendukcapil Kabupaten Magetan',
    },
  },
  {
    name: 'penduduk-kabupaten-2019-2024',
    table: YEARLY,
    spec: {
      type: 'line',
      category: 'tahun',
      value: 'jumlah',
      title: 'Jumlah penduduk Kabupaten Magetan, 2019–2024',
      source: 'Dispendukcapil Kabupaten Magetan',
    },
  },
] as const;

/** The demo's infographics, each generated on the server from one or more of the charts above. */
const INFOGRAPHICS = [
  {
    name: 'infografis-kepadatan-penduduk-2024',
    title: 'Kepadatan Penduduk Kabupaten Magetan 2024',
    title_en: 'Population Density of Magetan Regency 2024',
    narrative: 'Kecamatan di sekitar pusat kota paling padat; kecamatan di lereng Lawu paling lapang.',
    charts: CHARTS[0].name,
  },
  {
    name: 'infografis-penduduk-per-kecamatan-2024',
    title: 'Penduduk Kabupaten Magetan per Kecamatan 2024',
    title_en: 'Population of Magetan Regency by District 2024',
    narrative: 'Jumlah penduduk tiap kecamatan menurut data kependudukan 2024.',
    charts: CHARTS[1].name,
  },
  {
    name: 'infografis-penduduk-magetan-2019-2024',
    title: 'Penduduk Kabupaten Magetan 2019–2024',
    title_en: 'Population of Magetan Regency 2019–2024',
    narrative: 'Enam tahun jumlah penduduk: tren dan sebarannya per kecamatan.',
    charts: `${CHARTS[2].name},${CHARTS[1].name}`,
  },
  {
    name: 'infografis-kependudukan-dalam-telaah',
    title: 'Kependudukan Magetan dalam Angka Singkat',
    title_en: 'Magetan Population at a Glance',
    narrative: 'Ringkasan kependudukan untuk media sosial (masih ditelaah).',
    charts: `${CHARTS[1].name},${CHARTS[0].name}`,
  },
] as const;

/** The demo infographic left in review: submitted and initialled, waiting for the head of division. */
export const DEMO_IN_REVIEW = 'infografis-kependudukan-dalam-telaah';

/** The demo infographics published through the SOP. */
export const DEMO_PUBLISHED_INFOGRAPHICS = INFOGRAPHICS.map((i) => i.name).filter(
  (n) => n !== DEMO_IN_REVIEW,
);

export const disseminationDemoHandler: JobHandler<DemoPayload> = {
  async run(payload, job) {
    const actor = await loadActor(job.db, payload.userId);
    const ctx: ActionContext = {
      db: job.db,
      actor,
      requestId: `job-${job.jobId}`,
      ip: null,
      files: job.files,
    };
    const ids = new Map<string, string>();
    for (const t of [DENSITY, BY_DISTRICT, YEARLY]) {
      const id = await resourceIdByNames(job.db, t[0], t[1]);
      const ready = id
        ? await loadTable(job.db, actor, id).then(
            () => true,
            () => false,
          )
        : false;
      if (!ready || !id) {
        // Not loaded yet: look again in a while (about an hour of tries, then give up quietly).
        if (id && payload.round < 240)
          await enqueueJob(
            job.db,
            DISSEMINATION_DEMO_JOB,
            { userId: payload.userId, round: payload.round + 1 },
            { runAfter: new Date(Date.now() + 15_000) },
          );
        return;
      }
      ids.set(t.join('/'), id);
    }
    for (const c of CHARTS) {
      if (await findChartVersion(job.db, c.name)) continue;
      await executeAction(ctx, chartCreate, {
        ...c.spec,
        name: c.name,
        resource_id: ids.get(c.table.join('/')),
      });
    }
    if (!(await findPublication(job.db, DEMO_BOOK))) {
      await executeAction(ctx, publicationCreate, {
        kind: 'book',
        name: DEMO_BOOK,
        title: 'Kabupaten Magetan Dalam Angka',
        title_en: 'Magetan Regency in Figures',
        narrative: 'Buku data kependudukan Kabupaten Magetan, dibuat dari data yang terbit di portal.',
        charts: CHARTS.map((c) => c.name).join(','),
        book: {
          region: 'Kabupaten Magetan',
          publisher: 'Pemerintah Kabupaten Magetan',
          foreword:
            'Buku ini disusun otomatis dari data yang telah diverifikasi dan diterbitkan di portal Satu Data.',
          chapters: [
            {
              title: 'Kependudukan',
              title_en: 'Population',
              tables: [
                {
                  code: '1.1.1',
                  title: 'Jumlah Penduduk menurut Kecamatan dan Jenis Kelamin, 2024',
                  title_en: 'Population by District and Sex, 2024',
                  resource_id: ids.get(BY_DISTRICT.join('/')),
                },
                {
                  code: '1.1.2',
                  title: 'Luas Wilayah dan Kepadatan Penduduk menurut Kecamatan, 2024',
                  title_en: 'Area and Population Density by District, 2024',
                  resource_id: ids.get(DENSITY.join('/')),
                },
                {
                  code: '1.2.1',
                  title: 'Jumlah Penduduk Kabupaten Magetan, 2019–2024',
                  title_en: 'Population of Magetan Regency, 2019–2024',
                  resource_id: ids.get(YEARLY.join('/')),
                },
              ],
            },
          ],
        },
      });
      await executeAction(ctx, dataBookGenerate, { name: DEMO_BOOK, year: 2024 });
    }
    // Through the region's dissemination SOP, as its people would: the book and three
    // infographics published, the last infographic waiting for its final approval.
    const env = { db: job.db, files: job.files, requestId: ctx.requestId };
    await publishDemoPublication(env, actor, DEMO_BOOK);
    for (const ig of INFOGRAPHICS) {
      if (!(await findPublication(job.db, ig.name))) {
        await executeAction(ctx, publicationCreate, { kind: 'infographic', ...ig });
        await executeAction(ctx, publicationInfographicGenerate, { name: ig.name });
      }
      await publishDemoPublication(env, actor, ig.name, { inReview: ig.name === DEMO_IN_REVIEW });
    }
  },
  async cleanUp() {
    // Nothing half-done: each chart, publication and step is its own action, in its own
    // transaction; a second run picks each publication's run up where it waits.
  },
};
