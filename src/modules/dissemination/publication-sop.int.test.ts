import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DisseminationWorld,
  disseminationWorld,
  openTaskOf,
} from '../../../test/support/dissemination-fixtures.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { ANONYMOUS } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import { NotFoundError } from '../../kernel/errors.js';
import { taskComplete } from '../workflows/actions/task-complete.js';
import { chartCreate } from './actions/chart-actions.js';
import { publicationCreate, publicationSubmit, publicationUpdate } from './actions/publication-actions.js';
import { publicationList, publicationShow } from './actions/publication-read-actions.js';

for (const kind of DIALECTS) {
  describe(`dissemination: an infographic through the SOP; nothing public before approval (${kind})`, () => {
    let w: DisseminationWorld;

    beforeAll(async () => {
      w = await disseminationWorld(kind);
    }, 120_000);

    afterAll(async () => {
      await w?.t.close();
    });

    it('an infographic goes concept → draft → correction → initials → approval → upload; nothing is public before', async () => {
      const chart = await executeAction(w.as(w.staff), chartCreate, {
        resource_id: w.pop.resourceId,
        type: 'line',
        category: 'tahun',
        value: 'jumlah_penduduk',
        title: 'Penduduk per tahun',
      });
      const pub = await executeAction(w.as(w.staff), publicationCreate, {
        kind: 'infographic',
        title: 'Infografis Penduduk Uji',
        narrative: 'Penduduk naik.',
        charts: chart.name,
        planned_release: '2099-12-31',
      });
      const calendarRow = async () =>
        /<tr data-publication="([^"]+)" data-punctuality="([a-z_]+)">/.exec(
          (await w.t.app.inject({ method: 'GET', url: '/jadwal-rilis' })).body,
        )?.[2];
      expect(await calendarRow()).toBe('pending');
      const invisible = async () => {
        await expect(
          executeAction(w.as(ANONYMOUS), publicationShow, { name: pub.name }),
        ).rejects.toBeInstanceOf(NotFoundError);
        expect((await executeAction(w.as(ANONYMOUS), publicationList, {})).map((p) => p.name)).not.toContain(
          pub.name,
        );
        expect((await w.t.app.inject({ method: 'GET', url: `/publikasi/${pub.name}` })).statusCode).toBe(404);
      };
      await invisible();
      const submitted = await executeAction(w.as(w.staff), publicationSubmit, {
        name: pub.name,
        note: 'siap',
      });
      expect(submitted.waiting_at).toBe('subcoordinator_check');
      await invisible();
      const openTask = (step: string) => openTaskOf(w.t, pub.name, step);
      // While it is being checked the w.staff cannot change it.
      await expect(
        executeAction(w.as(w.staff), publicationUpdate, { name: pub.name, narrative: 'x' }),
      ).rejects.toThrow();
      // The w.sub-coordinator returns it once; the w.staff corrects and resubmits.
      await executeAction(w.as(w.sub), taskComplete, {
        id: await openTask('subcoordinator_check'),
        outcome: 'return',
        note: 'Perbaiki narasi',
      });
      await invisible();
      // Another w.staff member is not the one disposed to.
      await expect(executeAction(w.as(w.staffTwo), publicationSubmit, { name: pub.name })).rejects.toThrow();
      await executeAction(w.as(w.staff), publicationUpdate, {
        name: pub.name,
        narrative: 'Penduduk naik 2%.',
      });
      await executeAction(w.as(w.staff), publicationSubmit, { name: pub.name, note: 'sudah diperbaiki' });
      // Four eyes: the w.staff who made it cannot initial it.
      await expect(
        executeAction(w.as(w.staff), taskComplete, {
          id: await openTask('subcoordinator_check'),
          outcome: 'approve',
        }),
      ).rejects.toThrow();
      await executeAction(w.as(w.sub), taskComplete, {
        id: await openTask('subcoordinator_check'),
        outcome: 'approve',
        note: 'paraf',
      });
      await invisible();
      await executeAction(w.as(w.head), taskComplete, {
        id: await openTask('division_head_approval'),
        outcome: 'approve',
        note: 'setuju',
      });
      // The run is at the upload step: published.
      const shown = await executeAction(w.as(ANONYMOUS), publicationShow, { name: pub.name });
      expect(shown).toMatchObject({ state: 'published', narrative: 'Penduduk naik 2%.', version: 2 });
      expect((await executeAction(w.as(ANONYMOUS), publicationList, {})).map((p) => p.name)).toContain(
        pub.name,
      );
      const gallery = await w.t.app.inject({ method: 'GET', url: '/publikasi' });
      expect(gallery.body).toContain(`data-publication="${pub.name}"`);
      // The release calendar keeps planned and actual dates; the iCalendar feed has the event.
      expect(await calendarRow()).toBe('on_time');
      const ics = await w.t.app.inject({ method: 'GET', url: '/jadwal-rilis.ics' });
      expect(ics.headers['content-type']).toContain('text/calendar');
      expect(ics.body).toContain('BEGIN:VEVENT\r\n');
      expect(ics.body).toContain('DTSTART;VALUE=DATE:20991231');
      expect(ics.body).toContain('SUMMARY:Infografis Penduduk Uji');
      const home = await w.t.app.inject({ method: 'GET', url: '/' });
      expect(home.body).toContain(`href="/publikasi/${pub.name}"`);
      const audit = await w.t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'in', ['publication_create', 'publication_submit', 'publication_update'])
        .execute();
      expect(audit.length).toBeGreaterThanOrEqual(4);
    });
  });
}
