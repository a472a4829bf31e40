import { describe, expect, it } from 'vitest';
import { LICENSES, licenseTitle } from './licenses.js';

describe('license names as people read them', () => {
  it('names every offered license in Indonesian, and keeps CKAN’s English titles in English', () => {
    for (const l of LICENSES) {
      expect(licenseTitle('en', l.id)).toBe(l.title);
      expect(licenseTitle('id', l.id), l.id).not.toBe(l.title);
    }
    expect(licenseTitle('id', 'CC-BY-4.0')).toBe('Creative Commons Atribusi 4.0');
  });

  it('shows an unknown license as stored, and nothing for none', () => {
    expect(licenseTitle('id', 'lisensi-daerah', 'Lisensi Daerah')).toBe('Lisensi Daerah');
    expect(licenseTitle('id', 'lisensi-daerah')).toBe('lisensi-daerah');
    expect(licenseTitle('en', null)).toBe('');
  });
});
