import { describe, expect, it } from 'vitest';
import { checkLogoFile, LOGO_MAX_BYTES } from './logo-file.js';

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(32)]);
const svg = (body: string) =>
  Buffer.from(`<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">${body}</svg>`);

describe(checkLogoFile.name, () => {
  it('takes PNG and JPEG by their signature, whatever they are called', () => {
    expect(checkLogoFile(PNG)).toEqual({ ok: true, type: 'image/png' });
    expect(checkLogoFile(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toEqual({
      ok: true,
      type: 'image/jpeg',
    });
  });

  it('takes a plain SVG with internal references', () => {
    expect(
      checkLogoFile(svg('<defs><linearGradient id="g"/></defs><rect fill="url(#g)"/><use href="#g"/>')),
    ).toEqual({
      ok: true,
      type: 'image/svg+xml',
    });
  });

  it.each([
    ['script', '<script>alert(1)</script>'],
    ['an event handler', '<rect onload="alert(1)"/>'],
    ['embedded HTML', '<foreignObject><div/></foreignObject>'],
    ['an external image', '<image href="https://evil.example/x.png"/>'],
    ['an xlink to javascript', '<a xlink:href="javascript:alert(1)"><rect/></a>'],
    ['an external stylesheet', '<style>@import url(https://evil.example/x.css);</style>'],
  ])('refuses an SVG holding %s, saying why in both languages', (_what, body) => {
    const r = checkLogoFile(svg(body));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.id).toMatch(/SVG logo memuat/);
      expect(r.problem.en).toMatch(/The SVG logo holds/);
    }
  });

  it('refuses an SVG with entity declarations (no XML bombs)', () => {
    const r = checkLogoFile(Buffer.from('<!DOCTYPE svg [<!ENTITY a "b">]><svg></svg>'));
    expect(r.ok).toBe(false);
  });

  it('refuses empty, too large and other files', () => {
    expect(checkLogoFile(Buffer.alloc(0))).toMatchObject({
      ok: false,
      problem: { en: 'The logo file is empty.' },
    });
    expect(checkLogoFile(Buffer.concat([PNG, Buffer.alloc(LOGO_MAX_BYTES)]))).toMatchObject({
      ok: false,
      problem: { en: 'The logo file is larger than 512 KB.' },
    });
    expect(checkLogoFile(Buffer.from('GIF89a....'))).toMatchObject({ ok: false });
    expect(checkLogoFile(Buffer.from('<html><svg></svg></html>'))).toMatchObject({ ok: false });
  });
});
