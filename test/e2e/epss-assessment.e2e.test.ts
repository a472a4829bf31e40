import { expect, it } from 'vitest';
import { describeInBrowser, expectNoSeriousA11yViolations, saveScreenshot } from './support/browser.js';
import { BROWSER_TIMEOUT, useDemoBrowser } from './support/evaluation-browser.js';

describeInBrowser(
  'EPSS self-assessment from proposal to BPS verification in a real browser (PGlite, demo region)',
  () => {
    const demo = useDemoBrowser();
    const signIn = (username: string) => demo.signIn(username);

    it(
      'the custodian (TPI) reads the proposal and its evidence, picks a level; BPS adjusts it with a note; the worksheet shows both',
      async () => {
        const base = demo.server.baseUrl;
        const year = new Date().getFullYear();
        const tpi = await signIn('walidata');
        await tpi.goto(`${base}/evaluasi?tahun=${year}`);
        expect(await tpi.locator('h1').textContent()).toContain(String(year));
        await expectNoSeriousA11yViolations(tpi);
        await saveScreenshot(tpi, 'evaluation-performance');

        await tpi.goto(`${base}/evaluasi/epss?tahun=${year}`);
        expect(await tpi.locator('table.epss tbody tr').count()).toBe(38);
        await expectNoSeriousA11yViolations(tpi);
        await Promise.all([tpi.waitForURL(`**/evaluasi/epss/${year}/40304`), tpi.click('#i-40304 a')]);
        expect(await tpi.locator('#proposal').textContent()).toContain('Log verifikasi walidata');
        await expectNoSeriousA11yViolations(tpi);

        // A refused form keeps what was typed.
        await tpi.selectOption('#level', '3');
        await tpi.fill('#explanation', ' ');
        await tpi.click('#assess-form button[type=submit]');
        expect(await tpi.locator('.errors').textContent()).toContain('penjelasan');
        await tpi.fill('#explanation', 'Walidata memeriksa setiap kiriman sesuai SOP.');
        await Promise.all([tpi.waitForURL('**?done=nilai'), tpi.click('#assess-form button[type=submit]')]);
        expect(await tpi.locator('#current').textContent()).toContain('3');
        await saveScreenshot(tpi, 'epss-indicator-assessed');

        const bps = await signIn('bps');
        await bps.goto(`${base}/evaluasi/epss/${year}/40304`);
        expect(await bps.locator('#assess-form').count()).toBe(0);
        await bps.check('input[name="outcome"][value="adjust"]');
        await bps.selectOption('#verify-level', '2');
        await bps.fill('#verify-note', 'Sebagian kiriman belum diperiksa.');
        await Promise.all([
          bps.waitForURL('**?done=verifikasi'),
          bps.click('#verify-form button[type=submit]'),
        ]);
        expect(await bps.locator('#verified').textContent()).toContain('Sebagian kiriman belum diperiksa.');
        await expectNoSeriousA11yViolations(bps);

        await bps.goto(`${base}/evaluasi/epss?tahun=${year}`);
        expect((await bps.locator('#i-40304 td.level').textContent())?.trim()).toBe('3');
        expect((await bps.locator('#i-40304 td.verified').textContent())?.trim()).toBe('2');
        expect(await bps.locator('#epss-index').textContent()).toContain('1 diverifikasi BPS');
        await saveScreenshot(bps, 'epss-worksheet');
      },
      BROWSER_TIMEOUT,
    );
  },
);
