import { isAgencyBound } from '../../../kernel/access/policy.js';
import type { Agency } from '../../../kernel/db/schema.js';
import { Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { defineMessages } from '../../../kernel/i18n/i18n.js';
import type { AgencyWork } from '../../verification/index.js';
import { WorkOverview } from './work-overview.js';
import { wt } from './workspace.messages.js';

const id = {
  'hub.tasksLead': 'Langkah SOP yang menunggu Anda, dengan batas waktu dalam jam kerja.',
  'hub.submissions': 'Pengajuan dan pemeriksaan',
  'hub.submissionsLead':
    'Data yang diajukan produsen, diperiksa walidata, ditinjau BPS, lalu dipublikasikan.',
  'hub.standards': 'Standar data',
  'hub.standardsLead': 'Konsep, definisi, klasifikasi, ukuran dan satuan yang dipakai bersama (Kode SDSN).',
  'hub.worksheet': 'Lembar kerja metadata & SDS',
  'hub.worksheetLead': 'Unduh XLSX, isi metadata sekaligus untuk banyak dataset, lalu unggah kembali.',
  'hub.requests': 'Permintaan data',
  'hub.requestsLead':
    'Permintaan data dari warga: disposisi, ketersediaan, jawaban dan batas waktu UU 14/2008.',
  'hub.dataList': 'Daftar Data',
  'hub.dataListLead':
    'Daftar data tahunan: usulan, tanggapan produsen, Forum Satu Data, penetapan dan data yang wajib diserahkan.',
  'hub.romantik': 'Romantik',
  'hub.romantikLead': 'Pengajuan FS3 ke BPS, rekomendasi kegiatan statistik dan suratnya.',
};
const en: Record<keyof typeof id, string> = {
  'hub.tasksLead': 'SOP steps waiting for you, due in working time.',
  'hub.submissions': 'Submissions and checks',
  'hub.submissionsLead':
    'Data submitted by producers, checked by the custodian, reviewed by BPS, then published.',
  'hub.standards': 'Data standards',
  'hub.standardsLead': 'Shared concepts, definitions, classifications, measures and units (SDSN code).',
  'hub.worksheet': 'Metadata & SDS worksheet',
  'hub.worksheetLead': 'Download the XLSX, fill in metadata for many datasets at once, upload it back.',
  'hub.requests': 'Data requests',
  'hub.requestsLead':
    'Requests for data from the public: disposition, availability, answers and the Law 14/2008 due dates.',
  'hub.dataList': 'Data list (Daftar Data)',
  'hub.dataListLead':
    "The yearly data list: proposals, producers' answers, the Satu Data forum, enactment and what each agency owes.",
  'hub.romantik': 'Romantik',
  'hub.romantikLead': 'FS3 submissions to BPS, statistical activity recommendations and their letters.',
};
const hw = defineMessages({ id, en });

export interface WorkspaceView {
  fullName: string;
  agency: Agency | undefined;
  /** Datasets and overdue steps per agency (only the actor's own agency when agency-bound). */
  work: AgencyWork[];
}

/** One card of the workspace home: where it leads and what is there. */
function HubCard({ href, title, lead, id }: { href: string; title: string; lead: string; id?: string }) {
  return (
    <li>
      <a safe href={href} id={id}>
        {title}
      </a>
      <p safe class="hint">
        {lead}
      </p>
    </li>
  );
}

/** A signed-in user's home: who they are, for which agency, and where their work is. */
export function WorkspacePage({ ctx, view }: { ctx: PageContext; view: WorkspaceView }) {
  const t = ctx.t;
  const roles = ctx.actor.roles.filter((r) => r !== 'public');
  const m = (k: Parameters<typeof hw>[1]) => hw(ctx.locale, k);
  return (
    <Layout ctx={ctx} title={t('workspace.title')}>
      <h1 safe>{t('workspace.welcome', { name: view.fullName })}</h1>
      <dl class="facts">
        <dt safe>{t('workspace.roles')}</dt>
        <dd>
          <ul class="tags">
            {roles.map((r) => (
              <li safe>{t(`role.${r}`)}</li>
            ))}
          </ul>
        </dd>
        <dt safe>{t('workspace.agency')}</dt>
        <dd safe>
          {view.agency ? `${view.agency.name} (${view.agency.short_name})` : t('workspace.noAgency')}
        </dd>
      </dl>
      {isAgencyBound(ctx.actor) && view.agency ? (
        <p class="lead" safe>
          {t('workspace.producer.lead', { agency: view.agency.short_name })}
        </p>
      ) : (
        ''
      )}
      <WorkOverview ctx={ctx} work={view.work} />
      {ctx.can('dataset:read_private', { agencyId: ctx.actor.agencyId }) ? (
        <p>
          <a safe class="button" href="/workspace/datasets">
            {wt(ctx.locale, 'datasets.title')}
          </a>
        </p>
      ) : (
        ''
      )}
      <section>
        <h2 safe>{t('workspace.tasks')}</h2>
        <ul class="cards">
          <HubCard href="/tugas" title={t('workspace.tasks')} lead={hw(ctx.locale, 'hub.tasksLead')} />
          <HubCard
            href="/workspace/submissions"
            title={m('hub.submissions')}
            lead={m('hub.submissionsLead')}
          />
          <HubCard href="/workspace/standards" title={m('hub.standards')} lead={m('hub.standardsLead')} />
          <HubCard href="/workspace/daftar-data" title={m('hub.dataList')} lead={m('hub.dataListLead')} />
          {ctx.can('metadata:update', { agencyId: ctx.actor.agencyId }) || ctx.can('data_list:recommend') ? (
            <HubCard href="/workspace/romantik" title={m('hub.romantik')} lead={m('hub.romantikLead')} />
          ) : (
            ''
          )}
          <HubCard href="/workspace/worksheet" title={m('hub.worksheet')} lead={m('hub.worksheetLead')} />
          {ctx.can('data_request:read', { agencyId: ctx.actor.agencyId }) ? (
            <HubCard
              href="/kerja/permintaan-data"
              id="hub-requests"
              title={m('hub.requests')}
              lead={m('hub.requestsLead')}
            />
          ) : (
            ''
          )}
        </ul>
      </section>
    </Layout>
  );
}
