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

type Words = [id: string, en: string];

/** One field of the form: the inputs and text areas differ only in these. */
interface FieldSpec {
  name: keyof FormValues;
  label: Words;
  max: number;
  type?: 'text' | 'email' | 'tel';
  required?: boolean;
  hint?: Words;
  /** A text area of this many rows instead of a one-line input. */
  rows?: number;
}

const CONTACT: readonly FieldSpec[] = [
  { name: 'name', label: ['Nama', 'Name'], required: true, max: 200 },
  {
    name: 'email',
    type: 'email',
    label: ['Alamat surel', 'E-mail address'],
    required: true,
    max: 254,
    hint: [
      'Kami kirim tautan konfirmasi; permintaan dihitung setelah dikonfirmasi.',
      'We send a confirmation link; the request counts once confirmed.',
    ],
  },
  { name: 'phone', type: 'tel', label: ['Telepon (opsional)', 'Phone (optional)'], max: 40 },
  { name: 'organisation', label: ['Organisasi (opsional)', 'Organisation (optional)'], max: 200 },
];

const WHAT: readonly FieldSpec[] = [
  { name: 'asked', label: ['Data yang diminta', 'Data asked for'], required: true, max: 4000, rows: 4 },
  { name: 'region', label: ['Wilayah (opsional)', 'Region (optional)'], max: 200 },
  { name: 'period', label: ['Periode (opsional)', 'Period (optional)'], max: 100 },
  {
    name: 'format',
    label: ['Format (opsional, mis. CSV, XLSX)', 'Format (optional, e.g. CSV, XLSX)'],
    max: 50,
  },
  { name: 'purpose', label: ['Tujuan penggunaan', 'Purpose'], required: true, max: 2000, rows: 2 },
];

const DELIVERY: readonly [value: string, label: Words][] = [
  ['file', ['Berkas (tautan unduh)', 'File (download link)']],
  ['link', ['Tautan dataset di portal', 'Link to a portal dataset']],
];

/** Errors name fields by the labels the form shows (the form token and honeypot by none). */
function fieldLabels(l: PageContext['locale']): Record<string, string> {
  return {
    ...Object.fromEntries([...CONTACT, ...WHAT].map((f) => [f.name, say(l, b(...f.label))])),
    delivery: say(l, b('Cara penyampaian', 'Delivery')),
  };
}

function Field({ ctx, spec, values }: { ctx: PageContext; spec: FieldSpec; values: FormValues }) {
  const id = `dr-${spec.name}`;
  const value = values[spec.name] ?? '';
  return (
    <p>
      <label for={id} safe>
        {`${say(ctx.locale, b(...spec.label))}${spec.required ? ' *' : ''}`}
      </label>
      {spec.rows ? (
        <textarea
          id={id}
          name={spec.name}
          required={spec.required}
          maxlength={String(spec.max)}
          rows={String(spec.rows)}
          safe
        >
          {value}
        </textarea>
      ) : (
        <input
          id={id}
          name={spec.name}
          type={spec.type ?? 'text'}
          maxlength={String(spec.max)}
          required={spec.required}
          value={value}
        />
      )}
      {spec.hint ? <small safe>{say(ctx.locale, b(...spec.hint))}</small> : ''}
    </p>
  );
}

function Suggestions({
  ctx,
  q,
  matches,
}: {
  ctx: PageContext;
  q: string;
  matches: { name: string; title: string }[];
}) {
  const l = ctx.locale;
  if (!q) return '';
  if (matches.length === 0)
    return (
      <p safe>
        {say(
          l,
          b(
            'Tidak ada dataset yang cocok. Silakan ajukan permintaan.',
            'No matching dataset. Please file a request.',
          ),
        )}
      </p>
    );
  return (
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
  );
}

/**
 * The public request form (no account): search the catalogue first (the request may end there),
 * then ask. The honeypot field is hidden from people by CSS and from screen readers; the signed
 * form token (form-token.ts) is a hidden field, so the form works without JavaScript.
 */
export function RequestFormPage({
  ctx,
  values,
  errors,
  q,
  matches,
  formToken,
  publicList,
}: {
  ctx: PageContext;
  values: FormValues;
  errors?: Record<string, string[]> | undefined;
  q: string;
  matches: { name: string; title: string }[];
  formToken: string;
  /** Whether the public list of what was asked is on (a link to it). */
  publicList: boolean;
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
        <Suggestions ctx={ctx} q={q} matches={matches} />
        <h2 safe>{say(l, b('Ajukan permintaan', 'File a request'))}</h2>
        <FormErrors ctx={ctx} errors={errors} labels={fieldLabels(l)} />
        <form method="post" action="/permintaan-data" class="stack" id="request-form">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="form_token" value={formToken} />
          {[...CONTACT, ...WHAT].map((spec) => (
            <Field ctx={ctx} spec={spec} values={values} />
          ))}
          <fieldset>
            <legend safe>{say(l, b('Cara penyampaian', 'Delivery'))}</legend>
            {DELIVERY.map(([value, label]) => (
              <label>
                <input
                  type="radio"
                  name="delivery"
                  value={value}
                  checked={(values.delivery === 'link' ? 'link' : 'file') === value}
                />{' '}
                <span safe>{say(l, b(...label))}</span>
              </label>
            ))}
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
        <ul class="links">
          <li>
            <a href="/permintaan-data/statistik" safe>
              {say(l, b('Statistik layanan permintaan data', 'Request service statistics'))}
            </a>
          </li>
          {publicList ? (
            <li>
              <a href="/permintaan-data/daftar" safe>
                {say(l, b('Apa yang sudah diminta', 'What was already asked'))}
              </a>
            </li>
          ) : (
            ''
          )}
        </ul>
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
