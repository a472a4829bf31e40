import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './detect-delimiter.js';

describe(detectDelimiter.name, () => {
  it.each([
    [',', 'a,b,c\n1,2,3\n4,5,6\n'],
    [';', 'a;b;c\n1;2;3\n4;5;6\n'],
    ['\t', 'a\tb\tc\n1\t2\t3\n'],
    ['|', 'a|b|c\n1|2|3\n'],
  ])('finds %j', (delimiter, sample) => {
    expect(detectDelimiter(sample)).toBe(delimiter);
  });

  it('prefers ; over the decimal commas inside an Indonesian export', () => {
    expect(detectDelimiter('kode;nama;persen\n1;Poncol;12,5\n2;Parang;7,25\n3;Takeran;0,5\n')).toBe(';');
  });

  it('is not misled by title lines or by delimiters inside quotes', () => {
    const sample = 'Jumlah Penduduk, Kabupaten Magetan\n\nkode;nama\n1;"Magetan, Kota"\n2;Poncol\n';
    expect(detectDelimiter(sample)).toBe(';');
  });

  it('ignores a last line cut off by the end of the sample', () => {
    expect(detectDelimiter('a;b;c\n1;2;3\n4,5,6,7,8,9,10,11,12')).toBe(';');
  });

  it('gives , for a one-column file', () => {
    expect(detectDelimiter('nama\nPoncol\nParang\n')).toBe(',');
  });
});
