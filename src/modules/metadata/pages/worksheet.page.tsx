import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { defineMessages } from '../../../kernel/i18n/i18n.js';
import type { WorksheetProblem } from '../worksheet-problems.js';

const id = {
  'ws.title': 'Lembar Kerja Metadata & SDS',
  'ws.lead':
    'Unduh lembar kerja XLSX untuk satu dataset atau seluruh dataset perangkat daerah, isi metadata dataset, standar data, MS-Keg, MS-Var dan MS-Ind, lalu unggah kembali. Satu kesalahan saja membuat seluruh lembar kerja ditolak.',
  'ws.scope': 'Cakupan',
  'ws.organization': 'Perangkat daerah',
  'ws.dataset': 'Nama URL dataset (kosongkan untuk seluruh perangkat daerah)',
  'ws.choose': 'Pilih',
  'ws.download': 'Unduh lembar kerja (XLSX)',
  'ws.upload': 'Unggah lembar kerja terisi',
  'ws.file': 'Berkas XLSX',
  'ws.done':
    'Lembar kerja tersimpan: {datasets} dataset, {standards} standar data, {activities} kegiatan, {variables} variabel, {indicators} indikator.',
  'ws.report': 'Laporan validasi',
  'ws.sheet': 'Lembar',
  'ws.row': 'Baris',
  'ws.column': 'Kolom',
  'ws.message': 'Pesan',
  'ws.messageEn': 'Pesan (Inggris)',
  'ws.current': 'Lembar kerja untuk: {scope}',
};
const en: Record<keyof typeof id, string> = {
  'ws.title': 'Metadata & SDS worksheet',
  'ws.lead':
    "Download the XLSX worksheet of one dataset or of all an agency's datasets, fill in dataset metadata, data standards, MS-Keg, MS-Var and MS-Ind, then upload it back. A single error refuses the whole worksheet.",
  'ws.scope': 'Scope',
  'ws.organization': 'Agency',
  'ws.dataset': 'Dataset URL name (empty for the whole agency)',
  'ws.choose': 'Choose',
  'ws.download': 'Download the worksheet (XLSX)',
  'ws.upload': 'Upload the filled worksheet',
  'ws.file': 'XLSX file',
  'ws.done':
    'Worksheet saved: {datasets} datasets, {standards} data standards, {activities} activities, {variables} variables, {indicators} indicators.',
  'ws.report': 'Validation report',
  'ws.sheet': 'Sheet',
  'ws.row': 'Row',
  'ws.column': 'Column',
  'ws.message': 'Message',
  'ws.messageEn': 'Message (English)',
  'ws.current': 'Worksheet for: {scope}',
};

/** Strings of the worksheet page. */
export const wst = defineMessages({ id, en });

export interface WorksheetView {
  agencies: { code: string; name: string }[];
  scope: { dataset?: string | undefined; organization?: string | undefined } | null;
  problems?: WorksheetProblem[] | undefined;
  errors?: Record<string, string[]> | undefined;
}

function scopeQuery(scope: NonNullable<WorksheetView['scope']>): string {
  const q = new URLSearchParams();
  if (scope.dataset) q.set('dataset', scope.dataset);
  else if (scope.organization) q.set('organization', scope.organization);
  return q.toString();
}

/** /workspace/worksheet: choose the scope, download, upload, and the report of a refused upload. */
export function WorksheetPage({ ctx, view }: { ctx: PageContext; view: WorksheetView }) {
  const w = (k: keyof typeof id, p: Record<string, string | number> = {}) => wst(ctx.locale, k, p);
  const scope = view.scope;
  return (
    <Layout ctx={ctx} title={w('ws.title')}>
      <h1 safe>{w('ws.title')}</h1>
      <p safe>{w('ws.lead')}</p>
      <form method="get" action="/workspace/worksheet" class="row">
        <fieldset>
          <legend safe>{w('ws.scope')}</legend>
          <p>
            <label safe for="ws-org">
              {w('ws.organization')}
            </label>
            <select id="ws-org" name="organization">
              {view.agencies.map((a) => (
                <option value={a.code} selected={scope?.organization === a.code} safe>
                  {a.name}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label safe for="ws-dataset">
              {w('ws.dataset')}
            </label>
            <input id="ws-dataset" name="dataset" value={scope?.dataset ?? ''} />
          </p>
          <button safe type="submit">
            {w('ws.choose')}
          </button>
        </fieldset>
      </form>
      {scope ? (
        <section>
          <h2 safe>{w('ws.current', { scope: scope.dataset ?? scope.organization ?? '' })}</h2>
          <p>
            <a safe href={`/workspace/worksheet.xlsx?${scopeQuery(scope)}`}>
              {w('ws.download')}
            </a>
          </p>
          <FormErrors ctx={ctx} errors={view.errors} />
          {view.problems?.length ? (
            <div class="table-wrap" role="alert">
              <h3 safe>{w('ws.report')}</h3>
              <table>
                <thead>
                  <tr>
                    <th safe scope="col">
                      {w('ws.sheet')}
                    </th>
                    <th safe scope="col">
                      {w('ws.row')}
                    </th>
                    <th safe scope="col">
                      {w('ws.column')}
                    </th>
                    <th safe scope="col">
                      {w('ws.message')}
                    </th>
                    <th safe scope="col">
                      {w('ws.messageEn')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {view.problems.map((p) => (
                    <tr>
                      <td safe>{p.sheet}</td>
                      <td safe>{p.row === null ? '' : String(p.row)}</td>
                      <td safe>{p.column ?? ''}</td>
                      <td safe>{p.message}</td>
                      <td safe lang="en">
                        {p.message_en}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            ''
          )}
          <form
            method="post"
            action={`/workspace/worksheet?${scopeQuery(scope)}`}
            enctype="multipart/form-data"
          >
            <CsrfField ctx={ctx} />
            <label safe for="ws-file">
              {w('ws.file')}
            </label>
            <input
              id="ws-file"
              name="file"
              type="file"
              required
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            />
            <button safe type="submit">
              {w('ws.upload')}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}
