import { Readable } from 'node:stream';
import { text as readAll } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import {
  createDecodingStream,
  DecodingError,
  detectEncoding,
  ENCODING_SAMPLE_BYTES,
} from './detect-encoding.js';
import { encodeText } from './fixture-formats.js';

const SAMPLE = 'kode;nama\r\n3520030;Plaosan – Sarangan Café\r\n';

/** Decodes bytes fed in chunks of `chunkSize`, as a file stream would deliver them. */
async function decode(bytes: Buffer, chunkSize = 7): Promise<string> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  return readAll(Readable.from(chunks).pipe(createDecodingStream()));
}

describe(detectEncoding.name, () => {
  it.each([
    ['utf-8-bom', 'utf-8', 3],
    ['utf-8', 'utf-8', 0],
    ['utf-16le-bom', 'utf-16le', 2],
    ['utf-16le', 'utf-16le', 0],
    ['utf-16be-bom', 'utf-16be', 2],
    ['windows-1252', 'windows-1252', 0],
  ] as const)('recognises %s', (written, encoding, bomLength) => {
    expect(detectEncoding(encodeText(SAMPLE, written))).toEqual({ encoding, bomLength });
  });

  it('takes a sample cut in the middle of a UTF-8 character for UTF-8', () => {
    const bytes = Buffer.from('Café', 'utf8');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1))?.encoding).toBe('utf-8');
  });

  it('refuses binary data', () => {
    expect(detectEncoding(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0x03]))).toBeUndefined();
    expect(detectEncoding(Buffer.from([0x01, 0x02, 0x03, 0x04, 0x05, 0x06]))).toBeUndefined();
  });
});

describe(createDecodingStream.name, () => {
  it.each(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16le-bom', 'utf-16be-bom', 'windows-1252'] as const)(
    'turns %s bytes, split anywhere, into the same text without a BOM',
    async (written) => {
      for (const chunkSize of [1, 2, 3, 5, 1024]) {
        expect(await decode(encodeText(SAMPLE, written), chunkSize)).toBe(SAMPLE);
      }
    },
  );

  it('after the sample, reads ASCII chunks and UTF-8 characters cut between chunks alike', async () => {
    const ascii = 'a;b\r\n'.repeat(ENCODING_SAMPLE_BYTES / 5 + 10);
    const text = `${ascii}${'1;Café – Kota 😀\r\n2;Desa\r\n'.repeat(20)}`;
    for (const chunkSize of [1, 2, 3, 5, 7, 4096])
      expect(await decode(Buffer.from(text, 'utf8'), chunkSize)).toBe(text);
  });

  it('reads on as Windows-1252 when the first non-ASCII byte comes after the sample', async () => {
    const ascii = 'a;b\r\n'.repeat(ENCODING_SAMPLE_BYTES / 5 + 10);
    const bytes = encodeText(`${ascii}1;Café – Kota\r\n`, 'windows-1252');
    expect(await decode(bytes, 4096)).toBe(`${ascii}1;Café – Kota\r\n`);
  });

  it('switches correctly when a Windows-1252 byte ends a chunk', async () => {
    const ascii = 'x'.repeat(ENCODING_SAMPLE_BYTES + 1);
    const bytes = encodeText(`${ascii}é;b`, 'windows-1252');
    expect(await decode(bytes, ENCODING_SAMPLE_BYTES + 2)).toBe(`${ascii}é;b`);
  });

  it('fails with the byte offset when UTF-8 text turns invalid further on', async () => {
    const start = Buffer.from(`Café\r\n${'x'.repeat(ENCODING_SAMPLE_BYTES)}`, 'utf8');
    const bytes = Buffer.concat([start, Buffer.from([0xff, 0x41])]);
    const error = await decode(bytes, 4096).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DecodingError);
    expect(error).toMatchObject({ problem: 'invalid-utf8' });
  });

  it('reports the encoding it chose', async () => {
    const stream = createDecodingStream();
    await readAll(Readable.from([encodeText(SAMPLE, 'utf-16le-bom')]).pipe(stream));
    expect(stream.detected).toEqual({ encoding: 'utf-16le', bomLength: 2 });
  });

  it('uses the encoding it is given instead of guessing', async () => {
    const stream = createDecodingStream('windows-1252');
    expect(await readAll(Readable.from([Buffer.from([0x43, 0x61, 0x66, 0xc3, 0xa9])]).pipe(stream))).toBe(
      'CafÃ©',
    );
  });
});

describe('Windows-1252 decoding', () => {
  it('gives the WHATWG characters for bytes 0x80–0x9F, which Node 20’s own decoder gets wrong', async () => {
    const stream = createDecodingStream('windows-1252');
    const bytes = Buffer.from([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99]);
    expect(await readAll(Readable.from([bytes]).pipe(stream))).toBe('€…‘’“”–—™');
  });
});
