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

/**
 * The yearly evaluation's coordination meeting from the pages (issue #16 item 3): recorded from
 * the evaluation page like a forum meeting (forum_meeting_create with purpose `evaluation`), its
 * own forum meeting page leads back to the evaluation and has no data-list decisions, and it is
 * not one of the data list's forum meetings.
 */
const YEAR = 2032;

for (const kind of DIALECTS) {
  describe(`evaluation coordination meeting pages on ${kind}`, () => {
    let t: TestApp;
    let custodian: string;
    beforeAll(async () => {
      t = await createTestApp(kind);
      const c = await buildUser(t.database, { roles: ['custodian'] });
      custodian = await login(t.app, c.user.username, TEST_PASSWORD);
    });
    afterAll(() => t?.close());

    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: custodian } });
    const post = async (fields: Record<string, string>) => {
      const page = await get(`/evaluasi?tahun=${YEAR}`);
      return t.app.inject({
        method: 'POST',
        url: `/evaluasi/rapat?tahun=${YEAR}`,
        headers: {
          cookie: cookieHeader(page, custodian),
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: new URLSearchParams({ _csrf: csrfFrom(page.body), ...fields }).toString(),
      });
    };
    const meetings = () => t.database.db.selectFrom('forum_meeting').select(['id', 'purpose']).execute();

    it('a refused meeting keeps what was typed, says why, and records nothing', async () => {
      const res = await post({ title: 'R', held_on: `${YEAR}-12-10`, agenda: 'Agenda yang diketik' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Agenda yang diketik');
      expect(res.body).toContain('Judul minimal 3 karakter');
      expect(await meetings()).toHaveLength(0);
    });

    it('records the meeting from the evaluation page and lists it there, not on the data list', async () => {
      const page = await get(`/evaluasi?tahun=${YEAR}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('id="h-rapat"');
      expect(page.body).toContain(`action="/evaluasi/rapat?tahun=${YEAR}"`);
      const res = await post({
        title: `Rapat Koordinasi Evaluasi Satu Data ${YEAR}`,
        held_on: `${YEAR}-12-10`,
        place: 'Ruang rapat Bappeda',
        agenda: 'Capaian dan rekomendasi',
        invitees: 'BPS\nBappeda',
      });
      expect(res.statusCode).toBe(303);
      const [m] = await meetings();
      expect(m?.purpose).toBe('evaluation');
      expect(res.headers.location).toBe(`/workspace/forum/${m?.id}?done=1`);

      const forum = await get(`/workspace/forum/${m?.id}`);
      expect(forum.statusCode).toBe(200);
      expect(forum.body).toContain(`href="/evaluasi?tahun=${YEAR}#h-rapat"`);
      expect(forum.body).not.toContain('id="decisions"');
      expect(forum.body).toContain('name="minutes"');

      const listed = await get(`/evaluasi?tahun=${YEAR}`);
      expect(listed.body).toContain(`href="/workspace/forum/${m?.id}"`);
      const dataList = await get(`/workspace/daftar-data/${YEAR}`);
      expect(dataList.body).not.toContain(`/workspace/forum/${m?.id}`);
    });
  });
}
