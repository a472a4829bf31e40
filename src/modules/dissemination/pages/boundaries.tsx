import { CsrfField, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import type { StoredBoundaries } from '../boundaries.js';
import { type DtKey, dt } from './dissemination.messages.js';

/** GET /admin/batas-wilayah — the region's district boundaries for choropleth maps (an administrator setting). */
export function BoundariesPage(props: {
  ctx: PageContext;
  stored: StoredBoundaries | undefined;
  values: { code_property: string; name_property: string };
  errors?: string[] | undefined;
}) {
  const { ctx, stored, values } = props;
  const m = (k: DtKey, p?: Record<string, string | number>) => dt(ctx.locale, k, p);
  return (
    <Layout ctx={ctx} title={m('map.title')}>
      <h1 safe>{m('map.title')}</h1>
      <p safe>{m('map.lead', { region: ctx.site.regionName })}</p>
      {stored ? (
        <p id="boundaries-current" safe>
          {m('map.current', {
            file: stored.fileName,
            n: stored.boundaries.features.length,
            date: stored.uploadedAt.slice(0, 10),
          })}
        </p>
      ) : (
        <p id="boundaries-current" safe>
          {m('map.none')}
        </p>
      )}
      <form method="post" action="/admin/batas-wilayah" enctype="multipart/form-data" id="boundaries-form">
        <CsrfField ctx={ctx} />
        {props.errors?.length ? (
          <div class="form-errors" role="alert" id="form-errors">
            <p safe>{m('pub.errors')}</p>
            <ul>
              {props.errors.map((e) => (
                <li data-field="geojson" safe>
                  {e}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          ''
        )}
        <p>
          <label for="code_property" safe>
            {m('map.codeProperty')}
          </label>
          <input id="code_property" name="code_property" value={values.code_property} required />
        </p>
        <p>
          <label for="name_property" safe>
            {m('map.nameProperty')}
          </label>
          <input id="name_property" name="name_property" value={values.name_property} required />
        </p>
        <p>
          <label for="geojson" safe>
            {m('map.file')}
          </label>
          <input
            id="geojson"
            name="geojson"
            type="file"
            accept=".geojson,.json,application/geo+json"
            required
          />
        </p>
        <button type="submit" safe>
          {m('map.upload')}
        </button>
      </form>
      {stored ? (
        <table class="table" id="boundaries-districts">
          <caption safe>{m('map.title')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {m('map.code')}
              </th>
              <th scope="col" safe>
                {m('map.name')}
              </th>
            </tr>
          </thead>
          <tbody>
            {stored.boundaries.features.map((f) => (
              <tr>
                <td safe>{f.properties.code}</td>
                <td safe>{f.properties.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        ''
      )}
    </Layout>
  );
}
