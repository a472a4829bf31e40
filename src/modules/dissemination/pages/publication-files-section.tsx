import { CsrfField } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { MAX_PUBLICATION_FILE_BYTES } from '../domain/file-kind.js';
import { INFOGRAPHIC_TEMPLATES } from '../domain/infographic-svg.js';
import { Errors, type FormErrors, msg } from './form-parts.js';
import { ft } from './publication-files.messages.js';

/** A file of the version shown, with its address. */
export interface FileView {
  name: string;
  type: string;
  size: number;
  origin: 'upload' | 'generated';
  url: string;
}

const sizeText = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

/** The version's files: images shown, every file downloadable; the drafting staff's forms while in draft. */
export function PublicationFiles(props: {
  ctx: PageContext;
  name: string;
  title: string;
  files: FileView[];
  charts: { name: string; title: string }[];
  editable: boolean;
  errors?: FormErrors | undefined;
}) {
  const { ctx, files } = props;
  const f = (key: Parameters<typeof ft>[1], params?: Record<string, string | number>) =>
    ft(ctx.locale, key, params);
  const base = `/publikasi/${props.name}`;
  if (files.length === 0 && !props.editable) return '';
  return (
    <section aria-labelledby="files-title" id="publication-files">
      <h2 id="files-title" safe>
        {f('files.title')}
      </h2>
      {files.length === 0 ? <p safe>{f('files.none')}</p> : ''}
      {files
        .filter((x) => x.type.startsWith('image/') && x.type !== 'image/svg+xml')
        .map((x) => (
          <figure class="publication-image" data-file={x.name}>
            <img
              src={x.url}
              alt={
                x.origin === 'generated'
                  ? f('files.generatedAlt', { title: props.title })
                  : f('files.imageAlt', { title: props.title, file: x.name })
              }
              loading="lazy"
              style="max-width:100%;height:auto"
            />
          </figure>
        ))}
      <ul class="publication-files">
        {files.map((x) => (
          <li data-file={x.name}>
            <a href={x.url} type={x.type} safe>
              {f('files.download', { file: x.name, size: sizeText(x.size) })}
            </a>
            {props.editable ? (
              <form method="post" action={`${base}/berkas-hapus`} class="inline">
                <CsrfField ctx={ctx} />
                <input type="hidden" name="file" value={x.name} />
                <button type="submit" safe>
                  {f('files.remove', { file: x.name })}
                </button>
              </form>
            ) : (
              ''
            )}
          </li>
        ))}
      </ul>
      {props.editable ? (
        <>
          <Errors m={msg(ctx)} errors={props.errors} />
          <h3 safe>{f('files.generate')}</h3>
          <p class="hint" safe>
            {f('files.generateLead')}
          </p>
          {props.charts.length === 0 ? (
            <p safe>{f('files.noCharts')}</p>
          ) : (
            <form method="post" action={`${base}/infografis`} id="infographic-form">
              <CsrfField ctx={ctx} />
              <fieldset>
                <legend safe>{f('files.charts')}</legend>
                {props.charts.map((c) => (
                  <p>
                    <input type="checkbox" id={`chart-${c.name}`} name="charts" value={c.name} checked />
                    <label for={`chart-${c.name}`} safe>
                      {c.title}
                    </label>
                  </p>
                ))}
              </fieldset>
              <p>
                <label for="template" safe>
                  {f('files.template')}
                </label>
                <select id="template" name="template">
                  {INFOGRAPHIC_TEMPLATES.map((t) => (
                    <option value={t} safe>
                      {f(`files.template.${t}`)}
                    </option>
                  ))}
                </select>
              </p>
              <button type="submit" safe>
                {f('files.generateButton')}
              </button>
            </form>
          )}
          <h3 safe>{f('files.upload')}</h3>
          <form method="post" action={`${base}/berkas`} enctype="multipart/form-data" id="file-form">
            <CsrfField ctx={ctx} />
            <p>
              <label for="upload" safe>
                {f('files.uploadField', { mb: MAX_PUBLICATION_FILE_BYTES / 1024 / 1024 })}
              </label>
              <input
                id="upload"
                name="upload"
                type="file"
                accept="image/png,image/jpeg,image/webp,application/pdf"
                required
              />
            </p>
            <button type="submit" safe>
              {f('files.uploadButton')}
            </button>
          </form>
        </>
      ) : (
        ''
      )}
    </section>
  );
}
