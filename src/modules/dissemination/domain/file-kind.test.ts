import { describe, expect, it } from 'vitest';
import { publicFileName, sniffFileType } from './file-kind.js';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('a publication file is known by its first bytes, not its name', () => {
  it('recognises PNG, JPEG, WebP and PDF', () => {
    expect(sniffFileType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]))).toBe('image/png');
    expect(sniffFileType(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toBe('image/jpeg');
    expect(sniffFileType(bytes('RIFF', [1, 2, 3, 4], 'WEBP'))).toBe('image/webp');
    expect(sniffFileType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('refuses SVG, HTML, a RIFF that is not WebP, and a truncated header', () => {
    expect(sniffFileType(bytes('<svg xmlns="'))).toBeNull();
    expect(sniffFileType(bytes('<!doctype html>'))).toBeNull();
    expect(sniffFileType(bytes('RIFF', [1, 2, 3, 4], 'WAVE'))).toBeNull();
    expect(sniffFileType(bytes([0x89], 'PN'))).toBeNull();
    expect(sniffFileType(new Uint8Array())).toBeNull();
  });

  it('names the stored file with the extension its bytes call for', () => {
    expect(publicFileName('Poster Penduduk 2024.PNG', 'image/png')).toBe('poster-penduduk-2024.png');
    expect(publicFileName('laporan.png', 'application/pdf')).toBe('laporan.pdf');
    expect(publicFileName('../../..', 'image/jpeg')).toBe('berkas.jpg');
  });
});
