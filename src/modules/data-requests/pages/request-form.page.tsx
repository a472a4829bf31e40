import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { b, say } from './text.js';

export interface FormValues {
  name?: string;
  email?: string;
  phone?: string;
  organisation?: string;
  asked?: string;
  region?: string;
  period?: string;
  format?: string;
  purpose?: string;
  delivery?: string;
}

function Field(props: {
  ctx: PageContext;
  name: keyof FormValues;
  label: [string, string];
  values: FormValues;
  type?: string;
  required?: boolean;
  hint?: [string, string];
  max: number;
}) {
  const id = `dr-${props.name}`;
  return (
    <p>
      <label for={id} safe>
        {say(props.ctx.locale, b(...props.label))}
        {props.required ? ' *' : ''}
      </label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        maxlength={String(props.max)}
        required={props.required}
        value={props.values[props.name] ?? ''}
      />
      {props.hint ? <small safe>{say(props.ctx.locale, b(...props.hint))}</small> : ''}
    </p>
  );
}

/**
 * The public request form (no account): search the catalogue first (the request may end there),
 * then ask. The honeypot field is hidden from people by CSS and from screen readers.
 */
export function RequestFormPage({
  ctx,
  values,
  errors,
  q,
  matches,
}: {
  ctx: PageContext;
  values: FormValues;
  errors?: Record<string, string[]> | undefined;
  q: string;
  matches: { name: string; title: string }[];
}) {
  const l = ctx.locale;
  const title = say(l, b('Permintaan data', 'Request data'));
  return (
    <Layout ctx={ctx} title={title}>
      <section class="narrow">
        <h1 safe>{title}</h1>
        <p safe>
          {say(
            l,
            b(
              'Tidak menemukan data di portal? Minta di sini, tanpa akun. Jawaban paling lambat 10 hari kerja (UU 14/2008), dapat diperpanjang sekali 7 hari kerja dengan alasan.',
              'Cannot find the data on the portal? Ask here, no account needed. The answer is due within 10 working days (Law 14/2008), extendable once by 7 working days with a reason.',
            ),
          )}
        </p>
        <form method="get" action="/permintaan-data" class="stack">
          <label for="dr-q" safe>
            {say(l, b('Cari dulu di katalog data', 'Search the catalogue first'))}
          </label>
          <input id="dr-q" name="q" type="search" value={q} maxlength="200" />
          <button type="submit" safe>
            {say(l, b('Cari', 'Search'))}
          </button>
        </form>
        {q ? (
          matches.length ? (
            <div class="suggestions">
              <p safe>{say(l, b('Mungkin data ini sudah ada:', 'This data may already exist:'))}</p>
              <ul>
                {matches.map((m) => (
                  <li>
                    <a href={`/dataset/${m.name}`} safe>
                      {m.title}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p safe>
              {say(
                l,
                b(
                  'Tidak ada dataset yang cocok. Silakan ajukan permintaan.',
                  'No matching dataset. Please file a request.',
                ),
              )}
            </p>
          )
        ) : (
          ''
        )}
        <h2 safe>{say(l, b('Ajukan permintaan', 'File a request'))}</h2>
        <FormErrors ctx={ctx} errors={errors} />
        <form method="post" action="/permintaan-data" class="stack" id="request-form">
          <CsrfField ctx={ctx} />
          <Field ctx={ctx} name="name" label={['Nama', 'Name']} values={values} required max={200} />
          <Field
            ctx={ctx}
            name="email"
            type="email"
            label={['Alamat surel', 'E-mail address']}
            values={values}
            required
            max={254}
            hint={[
              'Kami kirim tautan konfirmasi; permintaan dihitung setelah dikonfirmasi.',
              'We send a confirmation link; the request counts once confirmed.',
            ]}
          />
          <Field
            ctx={ctx}
            name="phone"
            type="tel"
            label={['Telepon (opsional)', 'Phone (optional)']}
            values={values}
            max={40}
          />
          <Field
            ctx={ctx}
            name="organisation"
            label={['Organisasi (opsional)', 'Organisation (optional)']}
            values={values}
            max={200}
          />
          <p>
            <label for="dr-asked" safe>
              {`${say(l, b('Data yang diminta', 'Data asked for'))} *`}
            </label>
            <textarea id="dr-asked" name="asked" required maxlength="4000" rows="4" safe>
              {values.asked ?? ''}
            </textarea>
          </p>
          <Field
            ctx={ctx}
            name="region"
            label={['Wilayah (opsional)', 'Region (optional)']}
            values={values}
            max={200}
          />
          <Field
            ctx={ctx}
            name="period"
            label={['Periode (opsional)', 'Period (optional)']}
            values={values}
            max={100}
          />
          <Field
            ctx={ctx}
            name="format"
            label={['Format (opsional, mis. CSV, XLSX)', 'Format (optional, e.g. CSV, XLSX)']}
            values={values}
            max={50}
          />
          <p>
            <label for="dr-purpose" safe>
              {`${say(l, b('Tujuan penggunaan', 'Purpose'))} *`}
            </label>
            <textarea id="dr-purpose" name="purpose" required maxlength="2000" rows="2" safe>
              {values.purpose ?? ''}
            </textarea>
          </p>
          <fieldset>
            <legend safe>{say(l, b('Cara penyampaian', 'Delivery'))}</legend>
            <label>
              <input type="radio" name="delivery" value="file" checked={values.delivery !== 'link'} />{' '}
              {say(l, b('Berkas (tautan unduh)', 'File (download link)'))}
            </label>
            <label>
              <input type="radio" name="delivery" value="link" checked={values.delivery === 'link'} />{' '}
              {say(l, b('Tautan dataset di portal', 'Link to a portal dataset'))}
            </label>
          </fieldset>
          <div
            class="hp"
            aria-hidden="true"
            style="position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden"
          >
            <label for="dr-website">Website</label>
            <input id="dr-website" name="website" type="text" tabindex="-1" autocomplete="off" value="" />
          </div>
          <button type="submit" safe>
            {say(l, b('Kirim permintaan', 'Send request'))}
          </button>
        </form>
        <p>
          <a href="/permintaan-data/statistik" safe>
            {say(l, b('Statistik layanan permintaan data', 'Request service statistics'))}
          </a>
        </p>
      </section>
    </Layout>
  );
}

/** After filing: check your e-mail. */
export function SentPage({ ctx, code }: { ctx: PageContext; code: string }) {
  const l = ctx.locale;
  const title = say(l, b('Periksa surel Anda', 'Check your e-mail'));
  return (
    <Layout ctx={ctx} title={title}>
      <section class="narrow">
        <h1 safe>{title}</h1>
        <p safe>
          {say(
            l,
            b(
              `Kode pelacakan Anda: ${code}. Kami mengirim tautan pribadi ke surel Anda; buka dan tekan "Konfirmasi" agar permintaan mulai diproses.`,
              `Your tracking code: ${code}. We sent a private link to your e-mail; open it and press "Confirm" so that the request is processed.`,
            ),
          )}
        </p>
      </section>
    </Layout>
  );
}
