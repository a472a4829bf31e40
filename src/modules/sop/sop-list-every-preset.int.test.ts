/**
 * Issue #12, "/sop lists them": every shipped preset (enumerated from the registry, so a preset
 * added later is covered too), once a region puts it in force for its process kind, is listed on
 * the public /sop page and by sop_list with its name and number, and its PDF is served there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAction, resultOf, userWithToken } from '../../../test/support/catalog-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { listDefinitions } from '../workflows/definitions.js';
import { WORKFLOW_PRESETS } from '../workflows/domain/presets/index.js';
import { identityOf } from './document/procedure-model.js';

/** How the page writes a text (the HTML escapes of JSX). */
const html = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

for (const kind of DIALECTS) {
  describe(`/sop lists every preset put in force on ${kind}`, () => {
    let t: TestApp;
    let admin: string;
    beforeAll(async () => {
      t = await createTestApp(kind);
      admin = (await userWithToken(t.database, 'administrator')).token;
    });
    afterAll(() => t?.close());

    for (const preset of WORKFLOW_PRESETS)
      it(`${preset.key}: listed with its name and number, its PDF served`, async () => {
        // The shipped presets are stored on first read (ensurePresets); the newest version of this one.
        const stored = (await listDefinitions(t.database.db))
          .filter((d) => d.key === preset.key)
          .sort((a, b) => b.version - a.version)[0];
        if (!stored) throw new Error(`preset ${preset.key} is not stored`);
        await resultOf(
          callAction(t.app, 'region_workflow_set', {
            token: admin,
            body: { process_kind: preset.processKind, definition_id: stored.id },
          }),
        );
        const identity = identityOf(preset);
        const page = await t.app.inject({ url: '/sop' });
        expect(page.statusCode).toBe(200);
        const item = page.body.split(`href="/sop/${stored.id}.pdf"`);
        expect(item.length, 'one PDF link for the preset').toBe(2);
        expect(page.body).toContain(html(identity.name));
        if (identity.number) expect(page.body).toContain(html(identity.number));
        const listed = await resultOf<{ id: string; key: string }[]>(callAction(t.app, 'sop_list'));
        expect(listed.filter((s) => s.key === preset.key)).toHaveLength(1);
        const pdf = await t.app.inject({ url: `/sop/${stored.id}.pdf` });
        expect(pdf.statusCode).toBe(200);
        expect(pdf.headers['content-type']).toBe('application/pdf');
        expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      });
  });
}
