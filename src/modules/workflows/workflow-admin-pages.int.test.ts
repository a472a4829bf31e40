import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import { uniq } from '../../../test/support/catalog-fixtures.js';
import {
  cookieHeader,
  createTestApp,
  csrfFrom,
  login,
  type TestApp,
} from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { loadWorkingCalendarFor } from './calendar-store.js';
import { activeDefinition, findDefinition } from './definitions.js';
import { MAGETAN_STATISTIK_SEKTORAL } from './domain/presets/index.js';

const FORM = 'application/x-www-form-urlencoded';
type Browser = { cookie: string; csrf: string };

async function signIn(t: TestApp, roles: ('administrator' | 'custodian')[]): Promise<Browser> {
  const { user } = await buildUser(t.database, { roles });
  const cookie = await login(t.app, user.username, TEST_PASSWORD);
  const page = await t.app.inject({ url: '/account', headers: { cookie } });
  return { cookie: cookieHeader(page, cookie), csrf: csrfFrom(page.body) };
}

const get = (t: TestApp, b: Browser, url: string) => t.app.inject({ url, headers: { cookie: b.cookie } });

function postForm(t: TestApp, b: Browser, url: string, fields: Record<string, string>) {
  const body = new URLSearchParams({ _csrf: b.csrf, ...fields });
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: b.cookie, 'content-type': FORM },
    payload: body.toString(),
  });
}

/** Every named field of the forms on a page with its current value (inputs, checked boxes, selected options, textareas). */
function formValues(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];
  for (const m of html.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    if (!name || name === '_csrf' || attr(m[0], 'form')) continue;
    if (attr(m[0], 'type') === 'checkbox' && !/\bchecked\b/.test(m[0])) continue;
    out[name] = decodeEntities(attr(m[0], 'value') ?? '');
  }
  for (const m of html.matchAll(/<select\b[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const selected = /<option[^>]*value="([^"]*)"[^>]*selected/.exec(m[2] ?? '')?.[1];
    if (m[1] && selected !== undefined) out[m[1]] = decodeEntities(selected);
  }
  return out;
}
const decodeEntities = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

for (const kind of DIALECTS) {
  describe(`workflow and calendar admin pages on ${kind}`, () => {
    let t: TestApp;
    let admin: Browser;
    beforeAll(async () => {
      t = await createTestApp(kind);
      admin = await signIn(t, ['administrator']);
    });
    afterAll(() => t.close());

    it('are for administrators only', async () => {
      const custodian = await signIn(t, ['custodian']);
      expect((await get(t, custodian, '/admin/workflows')).statusCode).toBe(403);
      expect((await get(t, custodian, '/admin/calendar')).statusCode).toBe(403);
      const anonymous = await t.app.inject({ url: '/admin/calendar' });
      expect(anonymous.statusCode).toBe(302);
      expect(anonymous.headers.location).toMatch(/^\/login\?next=/);
    });

    it('lists the presets per process kind and shows a definition as a step table', async () => {
      const list = await get(t, admin, '/admin/workflows');
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain('Pengumpulan dan pemeriksaan data');
      expect(list.body).toContain('magetan-statistik-sektoral');
      // The SOP's region, never its seed file name (issue #17 item 9); the national defaults say so.
      expect(list.body).toContain('SOP Kabupaten Magetan');
      expect(list.body).toContain('Bawaan nasional (Perpres 39/2019)');
      expect(list.body).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
      const active = await activeDefinition(t.database.db, 'dataset_collection');
      const show = await get(t, admin, `/admin/workflows/${active.id}`);
      expect(show.statusCode).toBe(200);
      expect(show.body).toContain('Walidata (Diskominfo)');
      expect(show.body).toContain('14 hari');
      expect(show.body).toContain(
        'Kembalikan ke produsen data → 7. Produsen data memperbaiki data dan mengunggah ulang',
      );
      expect(show.body).toContain('Preset bawaan tidak diubah langsung');
      const en = await t.app.inject({
        url: `/admin/workflows/${active.id}`,
        headers: { cookie: `${admin.cookie}; sd_lang=en` },
      });
      expect(en.body).toContain('Return to the producer → 7. The producer fixes the data and resubmits');
      expect((await get(t, admin, '/admin/workflows/not-a-uuid')).statusCode).toBe(404);
    });

    it('copies a preset, adjusts steps through the form and JSON, and chooses the copy', async () => {
      const preset = await activeDefinition(t.database.db, 'dataset_collection');
      const key = `magetan-${uniq()}`;
      const copied = await postForm(t, admin, `/admin/workflows/${preset.id}/copy`, {
        new_key: key,
        title: 'Salinan',
      });
      expect(copied.statusCode).toBe(303);
      const editUrl = copied.headers.location as string;
      expect(editUrl).toMatch(/\/edit\?done=copied$/);
      const copyId = editUrl.split('/')[3] as string;

      const again = await postForm(t, admin, `/admin/workflows/${preset.id}/copy`, { new_key: key });
      expect(again.statusCode).toBe(409);
      expect(again.body).toContain(`Kunci alur kerja &#39;${key}&#39; sudah dipakai`);

      const edit = await get(t, admin, editUrl);
      expect(edit.statusCode).toBe(200);
      const fields = formValues(edit.body.split('<details>')[0] as string);
      const verifyIndex = MAGETAN_STATISTIK_SEKTORAL.steps.findIndex((s) => s.id === 'verify_data');
      expect(fields[`s${verifyIndex}.duration`]).toBe('1 hari');
      expect(fields[`s${verifyIndex}.t1`]).toBe('fix_data');
      const saved = await postForm(t, admin, `/admin/workflows/${copyId}/edit`, {
        ...fields,
        [`s${verifyIndex}.duration`]: '2 hari',
        [`s${verifyIndex}.actor.id`]: 'Walidata Kabupaten',
      });
      expect(saved.statusCode).toBe(303);
      const v2 = await findDefinition(t.database.db, { key });
      expect(v2?.version).toBe(2);
      expect(v2?.definition.steps[verifyIndex]).toMatchObject({
        duration: '2 hari',
        actorLabel: { id: 'Walidata Kabupaten', en: 'Data custodian (Diskominfo)' },
      });

      // An unparsable time is refused with the bilingual message, the form keeps the input.
      const bad = await postForm(t, admin, `/admin/workflows/${v2?.id}/edit`, {
        ...fields,
        [`s${verifyIndex}.duration`]: 'besok',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('Waktu baku &#39;besok&#39; tidak dikenali');
      expect(bad.body).toContain('value="besok"');

      // The JSON path: invalid JSON and an invalid definition are refused; a valid one saved.
      const notJson = await postForm(t, admin, `/admin/workflows/${v2?.id}/json`, { definition: '{' });
      expect(notJson.statusCode).toBe(400);
      expect(notJson.body).toContain('bukan JSON yang valid');
      const deadEnd = structuredClone(v2?.definition);
      if (!deadEnd) throw new Error('no v2');
      (deadEnd.steps[verifyIndex] as { transitions: unknown[] }).transitions = [];
      const refused = await postForm(t, admin, `/admin/workflows/${v2?.id}/json`, {
        definition: JSON.stringify(deadEnd),
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('buntu');
      const v3body = { ...v2?.definition, reviewNonPriority: true };
      const v3 = await postForm(t, admin, `/admin/workflows/${v2?.id}/json`, {
        definition: JSON.stringify(v3body),
      });
      expect(v3.statusCode).toBe(303);
      const stored = await findDefinition(t.database.db, { key });
      expect(stored).toMatchObject({ version: 3, definition: { reviewNonPriority: true } });

      const chosen = await postForm(t, admin, '/admin/workflows/choose', {
        process_kind: 'dataset_collection',
        definition_id: stored?.id as string,
      });
      expect(chosen.statusCode).toBe(303);
      expect((await activeDefinition(t.database.db, 'dataset_collection')).id).toBe(stored?.id);
      const list = await get(t, admin, '/admin/workflows?done=chosen');
      expect(list.body).toContain('Pilihan alur kerja disimpan.');
    });

    it('edits the time zone, service hours and holidays', async () => {
      const page = await get(t, admin, '/admin/calendar');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Asia/Jayapura (WIT, UTC+9)');
      expect(page.body).toContain('Kelahiran Yesus Kristus');
      const fields = formValues(page.body);
      expect(fields['d5.breakStart']).toBe('11:30');
      expect(fields['d6.closed']).toBe('1');

      const invalid = await postForm(t, admin, '/admin/calendar', { ...fields, 'd5.end': '07:00' });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.body).toContain('Jumat: jam tutup (07:00) harus setelah jam buka (08:00)');

      const saved = await postForm(t, admin, '/admin/calendar', {
        ...fields,
        time_zone: 'Asia/Makassar',
        'd6.start': '08:00',
        'd6.end': '12:00',
        'd6.closed': '',
      });
      expect(saved.statusCode).toBe(303);
      const calendar = await loadWorkingCalendarFor(t.database.db);
      expect(calendar.timeZone).toBe('Asia/Makassar');
      expect(calendar.week[6]).toEqual({ start: '08:00', end: '12:00', breaks: [] });
      expect(calendar.week[5]).toEqual({
        start: '08:00',
        end: '14:00',
        breaks: [{ start: '11:30', end: '13:30' }],
      });

      const added = await postForm(t, admin, '/admin/calendar/holidays', {
        date: '2026-12-04',
        name: 'Hari jadi',
        name_en: 'Anniversary',
        kind: 'regional',
      });
      expect(added.statusCode).toBe(303);
      const dup = await postForm(t, admin, '/admin/calendar/holidays', {
        date: '2026-12-04',
        name: 'x',
        kind: 'regional',
      });
      expect(dup.statusCode).toBe(409);
      expect(dup.body).toContain('Sudah ada hari libur pada tanggal 2026-12-04');
      const row = await t.database.db
        .selectFrom('holiday')
        .select('id')
        .where('date', '=', '2026-12-04')
        .executeTakeFirstOrThrow();
      const updated = await postForm(t, admin, `/admin/calendar/holidays/${row.id}`, {
        date: '2026-12-11',
        name: 'Hari jadi',
        kind: 'regional',
        tentative: 'true',
      });
      expect(updated.statusCode).toBe(303);
      expect(
        (await loadWorkingCalendarFor(t.database.db)).holidays.find((h) => h.date === '2026-12-11'),
      ).toMatchObject({
        tentative: true,
      });
      const deleted = await postForm(t, admin, `/admin/calendar/holidays/${row.id}/delete`, {});
      expect(deleted.statusCode).toBe(303);
      expect(
        (await loadWorkingCalendarFor(t.database.db)).holidays.some((h) => h.date === '2026-12-11'),
      ).toBe(false);
    });
  });
}
