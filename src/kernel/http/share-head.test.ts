import { describe, expect, it } from 'vitest';
import { cardDescription, publicShareHead, shareHead, shareLinks, withHead } from './share-head.js';

const SITE = { regionCode: '3520', regionName: 'Kabupaten Magetan' };

describe(shareHead.name, () => {
  it('escapes every value and gives a large card with the image size it is told', () => {
    const head = shareHead({
      url: 'https://data.example.go.id/grafik/a',
      title: 'Penduduk "2024" <b>',
      description: 'Satu\n  dua',
      siteName: 'Satu Data',
      image: 'https://data.example.go.id/grafik/a.png',
      imageWidth: 1600,
      imageHeight: 900,
      locale: 'id',
    });
    expect(head).toContain('<meta property="og:title" content="Penduduk &quot;2024&quot; &lt;b&gt;" />');
    expect(head).toContain('<meta property="og:description" content="Satu dua" />');
    expect(head).toContain('<meta property="og:image:width" content="1600" />');
    expect(head).toContain('<meta property="og:image:height" content="900" />');
    expect(head).toContain('<meta name="twitter:card" content="summary_large_image" />');
    expect(head).toContain('<link rel="canonical" href="https://data.example.go.id/grafik/a" />');
  });

  it('without an image is a plain summary card with no image tags, the title standing in for a missing description', () => {
    const head = shareHead({
      url: 'https://x.id/p',
      title: 'Judul',
      description: '',
      siteName: 'S',
      locale: 'en',
    });
    expect(head).toContain('<meta name="twitter:card" content="summary" />');
    expect(head).not.toContain('og:image');
    expect(head).toContain('<meta property="og:description" content="Judul" />');
    expect(head).toContain('<meta property="og:locale" content="en_GB" />');
  });

  it('cuts a long description to 200 characters', () => {
    expect(cardDescription('a'.repeat(300))).toHaveLength(200);
  });
});

describe(publicShareHead.name, () => {
  it('makes paths absolute on the site URL and names the region portal as the site', () => {
    const head = publicShareHead('https://data.magetan.go.id', SITE, 'id', {
      path: '/publikasi/buku',
      title: 'Buku',
      description: 'Isi',
      imagePath: '/grafik/g.png',
      type: 'article',
    });
    expect(head).toContain('<meta property="og:url" content="https://data.magetan.go.id/publikasi/buku" />');
    expect(head).toContain('<meta property="og:image" content="https://data.magetan.go.id/grafik/g.png" />');
    expect(head).toContain('<meta property="og:type" content="article" />');
    expect(head).toMatch(/og:site_name" content="[^"]*Kabupaten Magetan/);
  });
});

describe(withHead.name, () => {
  it('inserts before </head> and leaves the page alone when there is nothing to add', async () => {
    const page = '<html><head><title>x</title></head><body></body></html>';
    expect(await withHead(page, '<meta name="a" />')).toBe(
      '<html><head><title>x</title><meta name="a" /></head><body></body></html>',
    );
    expect(await withHead(Promise.resolve(page), '')).toBe(page);
  });
});

describe(shareLinks.name, () => {
  it('encodes the page URL and title into each service link, e-mail named in the reader language', () => {
    const links = shareLinks('https://x.id/dataset/a b', 'Data & Angka', 'id');
    expect(links.map((l) => l.id)).toEqual(['whatsapp', 'facebook', 'x', 'telegram', 'linkedin', 'email']);
    expect(links.find((l) => l.id === 'facebook')?.href).toBe(
      'https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fx.id%2Fdataset%2Fa%20b',
    );
    expect(links.find((l) => l.id === 'x')?.href).toContain('text=Data%20%26%20Angka');
    expect(links.find((l) => l.id === 'email')?.label).toBe('Surel');
    expect(shareLinks('https://x.id', 't', 'en').find((l) => l.id === 'email')?.label).toBe('E-mail');
  });
});
