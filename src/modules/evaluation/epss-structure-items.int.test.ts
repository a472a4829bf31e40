import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import {
  cookieHeader,
  createTestApp,
  csrfFrom,
  login,
  type TestApp,
} from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { Actor } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import { ConflictError, ValidationError } from '../../kernel/errors.js';
import { epssStructureUpdate } from './actions/epss-structure-update.js';
import { computeIndex, round2 } from './domain/epss.js';
import { loadStructure } from './epss.repository.js';

/** epss_structure_update adding and removing indicators: weights judged together, scored ones kept. */
for (const kind of DIALECTS) {
  describe(`adding and removing EPSS indicators on ${kind}`, () => {
    let t: TestApp;
    let admin: Actor;
    let cookie: string;
    const update = (input: Record<string, unknown>) =>
      executeAction(
        { db: t.database.db, actor: admin, requestId: null, ip: null },
        epssStructureUpdate,
        input,
      );
    const aspect = async (code: string) =>
      (await loadStructure(t.database.db)).flatMap((d) => d.aspects).find((a) => a.code === code);
    const indexOf = async (code: string, levels: Record<string, number>) =>
      computeIndex(await loadStructure(t.database.db), new Map(Object.entries(levels))).aspects.get(code);

    beforeAll(async () => {
      t = await createTestApp(kind);
      const a = await buildUser(t.database, { roles: ['administrator'] });
      admin = a.actor;
      cookie = await login(t.app, a.user.username, TEST_PASSWORD);
    });
    afterAll(() => t?.close());

    it('adds an indicator under its aspect when the weights still add up, and the index counts it', async () => {
      const added = {
        aspect_code: '201',
        code: '20103',
        name_id: 'Uji Baru',
        name_en: 'New Test',
        weight: 20,
      };
      await expect(update({ add: [added] })).rejects.toBeInstanceOf(ValidationError);
      await expect(update({ add: [{ ...added, code: '30199' }] })).rejects.toBeInstanceOf(ValidationError);
      await update({ add: [added], changes: [{ level: 'indicator', code: '20101', weight: 40 }] });
      const a = await aspect('201');
      expect(a?.indicators.map((x) => [x.code, x.weight])).toEqual([
        ['20101', 40],
        ['20102', 40],
        ['20103', 20],
      ]);
      expect(a?.indicators[2]?.criteria).toHaveLength(5);
      expect(await indexOf('201', { '20101': 5, '20102': 3, '20103': 1 })).toBeCloseTo(3.4, 10);
      await expect(update({ add: [added] })).rejects.toBeInstanceOf(ConflictError);
    });

    it('removes an unscored indicator with its weight given back, and the index is the mean of the rest', async () => {
      await expect(update({ remove: ['20103'] })).rejects.toBeInstanceOf(ValidationError);
      await update({ remove: ['20103'], changes: [{ level: 'indicator', code: '20101', weight: 60 }] });
      expect((await aspect('201'))?.indicators.map((x) => x.code)).toEqual(['20101', '20102']);
      expect(round2((await indexOf('201', { '20101': 5, '20102': 3 })) ?? 0)).toBe(4.2);
    });

    it('refuses to remove an indicator an assessment scored, naming it in both languages', async () => {
      const db = t.database.db;
      const as = await db
        .insertInto('epss_assessment')
        .values({ year: 2025 })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('epss_score')
        .values({ assessment_id: as.id, indicator_code: '20102', level: 3 })
        .execute();
      const err = await update({
        remove: ['20102'],
        changes: [{ level: 'indicator', code: '20101', weight: 100 }],
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConflictError);
      const text = (err as ConflictError).text;
      expect(text.id).toMatch(
        /^Indikator 20102 ".+" sudah dinilai pada penilaian 2025 dan tidak dapat dihapus$/,
      );
      expect(text.en).toMatch(/^Indicator 20102 ".+" is already scored in the assessment of 2025/);
      // Nothing of the request was kept.
      expect((await aspect('201'))?.indicators.map((x) => [x.code, x.weight])).toEqual([
        ['20101', 60],
        ['20102', 40],
      ]);
    });

    const post = async (fields: Record<string, string>) => {
      const page = await t.app.inject({ method: 'GET', url: '/evaluasi/epss/struktur', headers: { cookie } });
      return t.app.inject({
        method: 'POST',
        url: '/evaluasi/epss/struktur',
        headers: { cookie: cookieHeader(page, cookie), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrfFrom(page.body), ...fields }).toString(),
      });
    };
    const page = async () =>
      (await t.app.inject({ method: 'GET', url: '/evaluasi/epss/struktur', headers: { cookie } })).body;

    it('the structure page adds an indicator and removes it; a scored one is refused with the message', async () => {
      expect(await page()).toContain('name="x-indicator-20102"');
      const added = await post({
        'add-aspect': '201',
        'add-code': '20103',
        'add-name_id': 'Dari Halaman',
        'add-name_en': 'From the Page',
        'add-weight': '10',
        'w-indicator-20101': '50',
      });
      expect(added.statusCode).toBe(303);
      expect(await page()).toMatch(/<tr id="s-indicator-20103">[\s\S]*?value="Dari Halaman"/);
      const removed = await post({ 'x-indicator-20103': '1', 'w-indicator-20101': '60' });
      expect(removed.statusCode).toBe(303);
      expect(await page()).not.toContain('id="s-indicator-20103"');

      const refused = await post({ 'x-indicator-20102': '1', 'w-indicator-20101': '100' });
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toMatch(/Indikator 20102 (&quot;|&#34;|")[^<]+ sudah dinilai pada penilaian 2025/);
      expect(refused.body).toMatch(/<input[^>]*name="x-indicator-20102"[^>]*checked/);
    });
  });
}
