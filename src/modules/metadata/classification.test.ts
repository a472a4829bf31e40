import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../kernel/errors.js';
import { assertPublishable, publishRefusal } from '../catalog/domain/publishing.js';
import { detectPersonalIdentifiers } from '../datastore/domain/pii.js';
import { publicReleaseBlockers } from './classification.js';

describe(assertPublishable.name, () => {
  it('lets only open data be public, with a bilingual reason otherwise', () => {
    expect(() => assertPublishable({ classification: 'open', private: false })).not.toThrow();
    expect(() => assertPublishable({ classification: 'closed', private: true })).not.toThrow();
    expect(() => assertPublishable({ classification: 'restricted', private: false })).toThrow(
      ValidationError,
    );
    expect(publishRefusal('closed')?.id).toMatch(/tertutup.*hanya data terbuka/);
    expect(publishRefusal('restricted')?.en).toMatch(/restricted dataset cannot be published/);
  });
});

describe(publicReleaseBlockers.name, () => {
  it('blocks non-open columns and unmasked personal identifiers', () => {
    const schema = {
      fields: [
        { name: 'kecamatan', type: 'string' as const, 'x-classification': 'open' as const },
        { name: 'nik', type: 'string' as const },
        { name: 'telepon', type: 'string' as const, 'x-masked': true },
        { name: 'diagnosis', type: 'string' as const, 'x-classification': 'closed' as const },
      ],
    };
    const flags = detectPersonalIdentifiers(['kecamatan', 'nik', 'telepon', 'diagnosis'], []);
    const blockers = publicReleaseBlockers(schema, flags);
    expect(blockers.map((b) => b.field)).toEqual(['nik', 'diagnosis']);
    expect(blockers[0]?.reason.en).toMatch(/mask it/);
    expect(blockers[1]?.reason.id).toMatch(/tertutup/);
  });
});
