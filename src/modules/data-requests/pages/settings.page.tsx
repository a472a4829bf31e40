import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { DEFAULT_RETENTION_DAYS, MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from '../settings.js';
import { b, say } from './text.js';

export interface SettingsValues {
  retention_days: string;
  public_list: boolean;
}

/** The region's settings of the data-request service (/admin/permintaan-data). */
export function RequestSettingsPage({
  ctx,
  values,
  errors,
}: {
  ctx: PageContext;
  values: SettingsValues;
  errors?: Record<string, string[]> | undefined;
}) {
  const l = ctx.locale;
  const title = say(l, b('Pengaturan layanan permintaan data', 'Data request service settings'));
  const labels = {
    retention_days: say(l, b('Masa simpan data pribadi (hari)', 'Personal data kept for (days)')),
    public_list: say(l, b('Daftar permintaan publik', 'Public list of requests')),
  };
  return (
    <Layout ctx={ctx} title={title}>
      <section class="narrow">
        <h1 safe>{title}</h1>
        <FormErrors ctx={ctx} errors={errors} labels={labels} />
        <form method="post" action="/admin/permintaan-data" class="stack" id="request-settings">
          <CsrfField ctx={ctx} />
          <p>
            <label for="retention_days" safe>
              {labels.retention_days}
            </label>
            <input
              id="retention_days"
              name="retention_days"
              type="number"
              inputmode="numeric"
              min={String(MIN_RETENTION_DAYS)}
              max={String(MAX_RETENTION_DAYS)}
              required
              value={values.retention_days}
            />
            <small safe>
              {say(
                l,
                b(
                  `Nama, surel, telepon dan organisasi pemohon dihapus sekian hari setelah permintaan dijawab (atau, bila tidak pernah dikonfirmasi, setelah diajukan); statistik tetap. Bawaan ${DEFAULT_RETENTION_DAYS} hari.`,
                  `The requester's name, e-mail, phone and organisation are erased this many days after the request is answered (or, never confirmed, filed); the statistics stay. Default ${DEFAULT_RETENTION_DAYS} days.`,
                ),
              )}
            </small>
          </p>
          <p>
            <label>
              <input type="checkbox" name="public_list" value="on" checked={values.public_list} />{' '}
              <span safe>
                {say(
                  l,
                  b(
                    'Tampilkan daftar apa yang sudah diminta di /permintaan-data/daftar (pokok permintaan, perangkat daerah, status, tanggal; tanpa data pribadi)',
                    'Show the list of what was asked at /permintaan-data/daftar (subject, agency, status, dates; no personal data)',
                  ),
                )}
              </span>
            </label>
          </p>
          <button type="submit" safe>
            {say(l, b('Simpan', 'Save'))}
          </button>
        </form>
        <p>
          <a href="/kerja/permintaan-data" safe>
            {say(l, b('Daftar permintaan data (petugas)', 'Data requests (staff list)'))}
          </a>
        </p>
      </section>
    </Layout>
  );
}
