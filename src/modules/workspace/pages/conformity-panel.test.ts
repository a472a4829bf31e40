import { describe, expect, it } from 'vitest';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { evaluateConformity } from '../../metadata/conformity.js';
import { ConformityPanel } from './conformity-panel.js';

const ctx = (locale: 'id' | 'en') => ({ locale }) as unknown as PageContext;

describe(ConformityPanel.name, () => {
  const conformity = evaluateConformity({
    licenseId: 'CC-BY-4.0',
    classification: 'open',
    resources: [
      {
        name: 'Tabel <script>',
        format: 'PDF',
        tableSchema: { fields: [{ name: 'kode_desa', type: 'string' }] },
        loaded: false,
        latestReport: null,
      },
    ],
    codeListNames: new Set(),
    metadata: {
      standardLinked: false,
      activityMissing: null,
      variablesMissing: [],
      indicatorCount: 0,
      indicatorsMissing: [],
    },
  });

  it('shows the score and every requirement, met or missing, in the page language', async () => {
    const html = String(await ConformityPanel({ ctx: ctx('id'), conformity }));
    expect(html).toContain(`Skor kesesuaian: ${conformity.score} dari 100`);
    expect(html.match(/<li data-check=/g)).toHaveLength(9);
    expect(html).toContain('data-check="open_license" data-met="true"');
    expect(html).toContain('data-check="standard_linked" data-met="false"');
    expect(html).toContain('Tidak berlaku');
    const en = String(await ConformityPanel({ ctx: ctx('en'), conformity }));
    expect(en).toContain('Coded columns not bound to a reference code list');
  });

  it('escapes what comes from the data (resource and column names)', async () => {
    const html = String(await ConformityPanel({ ctx: ctx('id'), conformity }));
    expect(html).not.toContain('<script>');
    expect(html).toContain('Tabel &lt;script>');
  });
});
