import { describe, expect, it } from 'vitest';
import type { RenderedChart } from '../charts.js';
import type { PublicationView } from '../publication.repository.js';
import { chartShareHead, publicationShareHead } from './share-cards.js';

const SITE = { regionCode: '3520', regionName: 'Kabupaten Magetan' };
const URL = 'https://data.magetan.go.id';

const chart = (isPublic: boolean) =>
  ({
    name: 'penduduk',
    number: 2,
    latest: 3,
    spec: { title: 'Penduduk per kecamatan' },
    description: 'Diagram batang penduduk',
    dataset: { name: 'd', title: 'D', public: isPublic },
  }) as unknown as RenderedChart;

const publication = (published: boolean) =>
  ({
    name: 'buku-saku',
    title: 'Buku Saku',
    title_en: 'Pocket Book',
    narrative: 'Ringkasan',
    narrative_en: '',
    published_at: published ? new Date() : null,
  }) as unknown as PublicationView;

describe(chartShareHead.name, () => {
  it('a public chart page gets a card with its PNG at the PNG size; a fixed version keeps its own URL', () => {
    const head = chartShareHead(URL, SITE, 'id', chart(true), 2);
    expect(head).toContain(`<meta property="og:url" content="${URL}/grafik/penduduk/v/2" />`);
    expect(head).toContain(`<meta property="og:image" content="${URL}/grafik/penduduk/v/2.png" />`);
    expect(head).toContain('<meta property="og:image:width" content="1600" />');
    expect(chartShareHead(URL, SITE, 'id', chart(true))).toContain(`content="${URL}/grafik/penduduk" />`);
  });

  it('a chart of a dataset the public cannot see gets no card', () => {
    expect(chartShareHead(URL, SITE, 'id', chart(false))).toBe('');
  });
});

describe(publicationShareHead.name, () => {
  it('a published publication is an article card in the reader language, its first public chart as image', () => {
    const head = publicationShareHead(URL, SITE, 'en', publication(true), [
      chart(false),
      { ...chart(true), name: 'kedua' },
    ]);
    expect(head).toContain('<meta property="og:type" content="article" />');
    expect(head).toContain('<meta property="og:title" content="Pocket Book" />');
    // No English narrative: the Indonesian one stands in.
    expect(head).toContain('<meta property="og:description" content="Ringkasan" />');
    expect(head).toContain(`<meta property="og:image" content="${URL}/grafik/kedua.png" />`);
  });

  it('a draft publication gets no card', () => {
    expect(publicationShareHead(URL, SITE, 'id', publication(false), [chart(true)])).toBe('');
  });
});
