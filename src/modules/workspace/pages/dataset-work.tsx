import { escapeHtml } from '@kitajs/html';
import type { Classification } from '../../../kernel/db/schema/sdi.js';
import { CsrfField } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { defineMessages } from '../../../kernel/i18n/i18n.js';
import type { Conformity } from '../../metadata/index.js';
import { ConformityPanel } from './conformity-panel.js';

const id = {
  'work.title': 'Kelengkapan dan alur kerja',
  'work.metadata': 'Metadata statistik (MS-Keg, MS-Var, MS-Ind) dan standar data',
  'work.worksheet': 'Lembar kerja metadata & SDS (XLSX)',
  'work.submit': 'Ajukan untuk diperiksa walidata',
  'work.submissions': 'Pengajuan dan pemeriksaan',
  'work.classification': 'Klasifikasi akses',
  'work.classification.help':
    'Hanya data terbuka yang dapat dipublikasikan. Data terbatas hanya dapat dibaca oleh perangkat daerah yang disebut; data tertutup hanya oleh produsen dan walidata.',
  'work.class.open': 'Terbuka',
  'work.class.restricted': 'Terbatas',
  'work.class.closed': 'Tertutup',
  'work.sharedWith':
    'Dibagikan kepada perangkat daerah (kode, pisahkan dengan koma; hanya untuk data terbatas)',
  'work.save': 'Simpan klasifikasi',
};
const en: Record<keyof typeof id, string> = {
  'work.title': 'Completeness and workflow',
  'work.metadata': 'Statistical metadata (MS-Keg, MS-Var, MS-Ind) and data standard',
  'work.worksheet': 'Metadata & SDS worksheet (XLSX)',
  'work.submit': 'Submit for the custodian’s check',
  'work.submissions': 'Submissions and checks',
  'work.classification': 'Access classification',
  'work.classification.help':
    'Only open data can be published. Restricted data are readable by the agencies named only; closed data by the producer and the custodian only.',
  'work.class.open': 'Open',
  'work.class.restricted': 'Restricted',
  'work.class.closed': 'Closed',
  'work.sharedWith': 'Shared with agencies (codes, comma-separated; restricted data only)',
  'work.save': 'Save classification',
};
const dw = defineMessages({ id, en });

/** What the dataset form shows below the metadata: where the rest of the SDI work is done. */
export interface DatasetWorkView {
  name: string;
  agencyId: string;
  classification: Classification;
  sharedWith: string[];
  conformity: Conformity;
}

/** Links to the dataset's metadata, worksheet and submission, its classification, and its SDI score. */
export function DatasetWorkPanel({ ctx, work }: { ctx: PageContext; work: DatasetWorkView }) {
  const w = (k: keyof typeof id) => dw(ctx.locale, k);
  const base = `/workspace/datasets/${encodeURIComponent(work.name)}`;
  return (
    <section class="dataset-work" aria-labelledby="work-title">
      <h2 safe id="work-title">
        {w('work.title')}
      </h2>
      <ul>
        <li>
          <a safe href={`${base}/metadata`}>
            {w('work.metadata')}
          </a>
        </li>
        <li>
          <a safe href={`/workspace/worksheet?dataset=${encodeURIComponent(work.name)}`}>
            {w('work.worksheet')}
          </a>
        </li>
        {ctx.can('dataset:submit', { agencyId: work.agencyId }) ? (
          <li>
            <a safe href={`${base}/submit`}>
              {w('work.submit')}
            </a>
          </li>
        ) : (
          ''
        )}
        <li>
          <a safe href="/workspace/submissions">
            {w('work.submissions')}
          </a>
        </li>
      </ul>
      <form method="post" action={`${base}/classification`} class="stack">
        <CsrfField ctx={ctx} />
        <fieldset>
          <legend safe>{w('work.classification')}</legend>
          <p safe class="hint">
            {w('work.classification.help')}
          </p>
          {(['open', 'restricted', 'closed'] as const).map((c) => (
            <label class="check">
              <input type="radio" name="classification" value={c} checked={work.classification === c} />{' '}
              {escapeHtml(w(`work.class.${c}`))}
            </label>
          ))}
          <label safe for="shared_with">
            {w('work.sharedWith')}
          </label>
          <input id="shared_with" name="shared_with" value={work.sharedWith.join(', ')} />
        </fieldset>
        <button safe type="submit">
          {w('work.save')}
        </button>
      </form>
      <ConformityPanel ctx={ctx} conformity={work.conformity} />
    </section>
  );
}
