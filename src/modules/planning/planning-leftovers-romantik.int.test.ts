/**
 * Issue #13 leftovers on both engines: Romantik's FS3 date, BPS's letter and the 30-working-day
 * overdue. Set-up: planning-leftovers.fixture.ts.
 */
import { describe, expect, it } from 'vitest';
import { multipartBody } from '../../../test/support/catalog-fixtures.js';
import { cookieHeader, csrfFrom } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { leftoversWorld } from './planning-leftovers.fixture.js';

for (const kind of DIALECTS) {
  describe(`planning leftovers on ${kind}`, () => {
    const w = leftoversWorld(kind);

    it('Romantik: the agency records its FS3, BPS answers with its letter, 30 working days make it overdue', async () => {
      const { t, agencies, producerCookie, otherProducerCookie, supervisorCookie, formPost } = w;
      const activity = async (title: string, agencyId: string, fs3: string | null) =>
        t.database.db
          .insertInto('statistical_activity')
          .values({
            title,
            agency_id: agencyId,
            ms_keg: '{}',
            fs3_submitted_on: fs3,
            recommendation_status: fs3 ? 'submitted' : 'none',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
      const survey = await activity('Survei Kepuasan Layanan Puskesmas', agencies[0]?.id as string, null);
      // Submitted long ago (2020) and never answered: far past 30 working days.
      await activity('Survei Gizi Balita', agencies[0]?.id as string, '2020-01-06');
      await activity('Kompilasi Data Sekolah', agencies[1]?.id as string, null);

      // A producer sees its own agency's activities and records the FS3 of one.
      const page = await t.app.inject({ url: '/workspace/romantik', headers: { cookie: producerCookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Survei Kepuasan Layanan Puskesmas');
      expect(page.body).not.toContain('Kompilasi Data Sekolah');
      expect(page.body).toMatch(/data-activity="Survei Gizi Balita" data-state="overdue"/);
      expect(page.body).toContain('Terlambat: BPS belum menjawab dalam 30 hari kerja');
      const today = new Date().toISOString().slice(0, 10);
      const fs3 = await formPost(
        `/workspace/romantik/${survey.id}/fs3`,
        { submitted_on: today },
        '/workspace/romantik',
        producerCookie,
      );
      expect(fs3.statusCode).toBe(303);
      const after = await t.app.inject({ url: '/workspace/romantik', headers: { cookie: producerCookie } });
      expect(after.body).toMatch(/data-activity="Survei Kepuasan Layanan Puskesmas" data-state="waiting"/);
      // Another agency's producer may not record it.
      const refused = await formPost(
        `/workspace/romantik/${survey.id}/fs3`,
        { submitted_on: today },
        '/workspace/romantik',
        otherProducerCookie,
      );
      expect(refused.statusCode).toBe(403);

      // BPS answers with the signed letter; a recommendation without number and date is refused.
      const form = await t.app.inject({ url: '/workspace/romantik', headers: { cookie: supervisorCookie } });
      const jar = cookieHeader(form, supervisorCookie);
      const letter = Buffer.from('%PDF-1.4 surat rekomendasi uji');
      const send = (fields: Record<string, string>) => {
        const body = multipartBody(
          { _csrf: csrfFrom(form.body), id: survey.id, ...fields },
          { field: 'upload', name: 'rekomendasi-bps.pdf', type: 'application/pdf', content: letter },
        );
        return t.app.inject({
          method: 'POST',
          url: '/workspace/romantik/rekomendasi',
          headers: { ...body.headers, cookie: jar },
          payload: body.payload,
        });
      };
      const incomplete = await send({ status: 'recommended', number: '', date: '' });
      expect(incomplete.statusCode).toBe(400);
      expect(incomplete.body).toContain('Nomor dan tanggal surat rekomendasi wajib diisi');
      const ok = await send({
        status: 'recommended',
        number: 'B-123/BPS/2026',
        date: today,
        activity_code: 'KEG-3520-01',
      });
      expect(ok.statusCode).toBe(303);
      const saved = await t.database.db
        .selectFrom('statistical_activity')
        .select(['recommendation_status', 'recommendation_letter_name', 'activity_code'])
        .where('id', '=', survey.id)
        .executeTakeFirstOrThrow();
      expect(saved).toEqual({
        recommendation_status: 'recommended',
        recommendation_letter_name: 'rekomendasi-bps.pdf',
        activity_code: 'KEG-3520-01',
      });
      // The agency downloads the letter BPS kept; another agency may not.
      const download = await t.app.inject({
        url: `/workspace/romantik/${survey.id}/surat`,
        headers: { cookie: producerCookie },
      });
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(letter)).toBe(true);
      const foreign = await t.app.inject({
        url: `/workspace/romantik/${survey.id}/surat`,
        headers: { cookie: otherProducerCookie },
      });
      expect(foreign.statusCode).toBe(404);
    });
  });
}
