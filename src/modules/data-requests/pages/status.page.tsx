import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import type { DueExplanation } from '../domain/legal-clock.js';
import type { PublicRequestView } from '../presenter.js';
import { b, IKM_ELEMENT_TEXT, SCORE_TEXT, STATE_TEXT, say, when } from './text.js';

/** How a due time was computed, in plain words (start, working days, what was skipped). */
export function DueExplained({ ctx, due, label }: { ctx: PageContext; due: DueExplanation; label: string }) {
  const l = ctx.locale;
  const tz = ctx.timeZone;
  const skipped = due.holidaysSkipped.map((h) => `${h.date} (${h.name})`).join(', ');
  return (
    <div class="due">
      <p>
        <strong safe>{label}</strong>:{' '}
        <span class="due-at" safe>
          {when(l, due.due, tz)}
        </span>
      </p>
      <p class="due-how" safe>
        {say(
          l,
          b(
            `Dihitung dari ${when('id', due.filedAt, tz)}; hitungan mulai ${when('id', due.countFrom, tz)}; ${due.days} hari kerja, sampai jam tutup layanan. Dilewati: ${due.closedWeekdaysSkipped} hari tutup mingguan${skipped ? ` dan hari libur ${skipped}` : ', tanpa hari libur'}.`,
            `Counted from ${when('en', due.filedAt, tz)}; the count starts ${when('en', due.countFrom, tz)}; ${due.days} working days, to the close of service. Skipped: ${due.closedWeekdaysSkipped} weekly closed days${skipped ? ` and holidays ${skipped}` : ', no holidays'}.`,
          ),
        )}
      </p>
    </div>
  );
}

/** The requester's private status page: `secret` is in the link they were mailed. */
export function StatusPage({
  ctx,
  view,
  secret,
  datasetHref,
  errors,
}: {
  ctx: PageContext;
  view: PublicRequestView;
  secret: string;
  datasetHref: string | null;
  errors?: Record<string, string[]> | undefined;
}) {
  const l = ctx.locale;
  const tz = ctx.timeZone;
  const title = `${say(l, b('Permintaan data', 'Data request'))} ${view.code}`;
  const base = `/permintaan-data/${view.code}`;
  return (
    <Layout ctx={ctx} title={title}>
      <section class="narrow">
        <h1 safe>{title}</h1>
        <FormErrors ctx={ctx} errors={errors} />
        <p>
          <strong safe>{say(l, b('Status', 'Status'))}</strong>:{' '}
          <span id="request-state" safe>
            {say(l, STATE_TEXT[view.state] ?? b(view.state, view.state))}
          </span>
        </p>
        <p safe>{view.asked}</p>
        {view.state === 'unverified' ? (
          <form method="post" action={`${base}/konfirmasi`}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="s" value={secret} />
            <p safe>
              {say(
                l,
                b(
                  'Tekan tombol untuk mengonfirmasi surel Anda; permintaan lalu mulai diproses.',
                  'Press the button to confirm your e-mail; the request is then processed.',
                ),
              )}
            </p>
            <button type="submit" safe>
              {say(l, b('Konfirmasi', 'Confirm'))}
            </button>
          </form>
        ) : (
          ''
        )}
        {view.holder ? (
          <p>
            <strong safe>{say(l, b('Sedang di', 'Now with'))}</strong>:{' '}
            <span id="request-holder" safe>
              {say(l, view.holder)}
            </span>
          </p>
        ) : (
          ''
        )}
        {view.due ? (
          <DueExplained ctx={ctx} due={view.due} label={say(l, b('Batas waktu jawaban', 'Answer due by'))} />
        ) : (
          ''
        )}
        {view.overdue ? (
          <p class="overdue" role="status" safe>
            {say(l, b('Batas waktu jawaban sudah lewat.', 'The answer is overdue.'))}
          </p>
        ) : (
          ''
        )}
        {view.extension ? (
          <p safe>
            {say(
              l,
              b(
                `Diperpanjang ${view.extension.days} hari kerja. Alasan: ${view.extension.reason ?? ''}`,
                `Extended by ${view.extension.days} working days. Reason: ${view.extension.reason ?? ''}`,
              ),
            )}
          </p>
        ) : (
          ''
        )}
        {view.outcome ? (
          <div class="outcome" id="request-outcome">
            <h2 safe>{say(l, b('Jawaban', 'Answer'))}</h2>
            <p safe>{say(l, view.outcome.text)}</p>
            {view.outcome.legalGround ? (
              <p safe>{`${say(l, b('Dasar hukum', 'Legal ground'))}: ${view.outcome.legalGround}`}</p>
            ) : (
              ''
            )}
            {view.outcome.reason ? <p safe>{view.outcome.reason}</p> : ''}
            {view.file ? (
              view.file.expired ? (
                <p safe>{say(l, b('Tautan unduhan sudah kedaluwarsa.', 'The download link has expired.'))}</p>
              ) : (
                <p>
                  <a id="request-file" href={`${base}/berkas?s=${encodeURIComponent(secret)}`} safe>
                    {`${say(l, b('Unduh', 'Download'))} ${view.file.name}`}
                  </a>{' '}
                  <small
                    safe
                  >{`(${say(l, b('berlaku sampai', 'valid until'))} ${when(l, view.file.expiresAt, tz)})`}</small>
                </p>
              )
            ) : (
              ''
            )}
            {datasetHref ? (
              <p>
                <a id="request-dataset" href={datasetHref} safe>
                  {say(l, b('Buka dataset', 'Open the dataset'))}
                </a>
              </p>
            ) : (
              ''
            )}
          </div>
        ) : (
          ''
        )}
        <h2 safe>{say(l, b('Langkah', 'Steps'))}</h2>
        <ol class="steps">
          {view.steps.map((s) => (
            <li>
              <span safe>{say(l, s.title)}</span> — <span safe>{say(l, s.unit)}</span>{' '}
              <small safe>
                {s.done ? `✓ ${when(l, s.at, tz)}` : say(l, b('sedang berjalan', 'in progress'))}
              </small>
            </li>
          ))}
        </ol>
        <h2 safe>{say(l, b('Pesan untuk Anda', 'Messages to you'))}</h2>
        <ul class="messages" id="request-messages">
          {view.messages.map((m) => (
            <li>
              <small safe>{when(l, m.at, tz)}</small> <span safe>{say(l, m.text)}</span>
            </li>
          ))}
        </ul>
        {view.objection ? (
          <div id="request-objection">
            <h2 safe>{say(l, b('Keberatan', 'Objection'))}</h2>
            <p safe>{view.objection.reason ?? ''}</p>
            <DueExplained
              ctx={ctx}
              due={view.objection.due}
              label={say(l, b('Batas jawaban keberatan', 'Objection answer due by'))}
            />
            {view.objection.answer ? <p safe>{view.objection.answer}</p> : ''}
          </div>
        ) : (
          ''
        )}
        {view.objectionOpenUntil ? (
          <form method="post" action={`${base}/keberatan`} class="stack">
            <h2 safe>{say(l, b('Ajukan keberatan', 'File an objection'))}</h2>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="s" value={secret} />
            <p safe>
              {say(
                l,
                b(
                  `Paling lambat ${when('id', view.objectionOpenUntil, tz)}, kepada atasan PPID.`,
                  `By ${when('en', view.objectionOpenUntil, tz)}, to the information officer's superior.`,
                ),
              )}
            </p>
            <label for="obj-reason" safe>
              {say(l, b('Alasan keberatan', 'Reason for the objection'))}
            </label>
            <textarea id="obj-reason" name="reason" required maxlength="4000" rows="3" />
            <button type="submit" safe>
              {say(l, b('Kirim keberatan', 'Send objection'))}
            </button>
          </form>
        ) : (
          ''
        )}
        {view.answeredAt && !view.rated ? (
          <form method="post" action={`${base}/nilai`} class="stack" id="rating-form">
            <h2 safe>{say(l, b('Survei kepuasan', 'Satisfaction survey'))}</h2>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="s" value={secret} />
            {IKM_ELEMENT_TEXT.map((el, i) => (
              <p>
                <label for={`ikm-${i}`} safe>
                  {`${i + 1}. ${say(l, el)}`}
                </label>
                <select id={`ikm-${i}`} name={`score_${i}`} required>
                  <option value="" safe>
                    {say(l, b('Pilih', 'Choose'))}
                  </option>
                  {SCORE_TEXT.map((s, v) => (
                    <option value={String(v + 1)} safe>
                      {say(l, s)}
                    </option>
                  ))}
                </select>
              </p>
            ))}
            <label for="ikm-comment" safe>
              {say(l, b('Saran (opsional)', 'Suggestions (optional)'))}
            </label>
            <textarea id="ikm-comment" name="comment" maxlength="2000" rows="2" />
            <button type="submit" safe>
              {say(l, b('Kirim penilaian', 'Send rating'))}
            </button>
          </form>
        ) : view.rated ? (
          <p id="rated" safe>
            {say(l, b('Terima kasih atas penilaian Anda.', 'Thank you for your rating.'))}
          </p>
        ) : (
          ''
        )}
      </section>
    </Layout>
  );
}
