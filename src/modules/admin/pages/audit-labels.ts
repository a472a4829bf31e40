import type { Locale } from '../../../kernel/i18n/i18n.js';

/**
 * What an audit row did and to what, in the reader's words (issue #17 item 9): the audit log
 * stores action names and subject types as the API spells them (`package_update`, `dataset`);
 * the page shows "Ubah dataset" and keeps the name in the row's tooltip and the filter's value.
 */
type Words = readonly [id: string, en: string];

/** Things actions act on, by the prefix of their name (also the audit subject types). */
const NOUNS: Record<string, Words> = {
  agency: ['instansi', 'agency'],
  api_token: ['token API', 'API token'],
  calendar: ['kalender kerja', 'working calendar'],
  chart: ['grafik', 'chart'],
  code_list: ['daftar kode', 'code list'],
  code_list_items: ['isi daftar kode', 'code list items'],
  collection: ['koleksi', 'collection'],
  contact_message: ['pesan kontak', 'contact message'],
  data_book: ['buku data', 'data book'],
  data_book_edition: ['edisi buku data', 'data book edition'],
  data_list: ['daftar data', 'data list'],
  data_list_cycle: ['siklus daftar data', 'data list cycle'],
  data_list_item: ['baris daftar data', 'data list row'],
  data_proposal: ['usulan data', 'data proposal'],
  data_request: ['permintaan data', 'data request'],
  data_request_objection: ['keberatan permintaan data', 'data request objection'],
  data_request_settings: ['pengaturan permintaan data', 'data request settings'],
  data_standard: ['standar data', 'data standard'],
  dataset: ['dataset', 'dataset'],
  dataset_classification: ['klasifikasi dataset', 'dataset classification'],
  dataset_priority: ['prioritas dataset', 'dataset priority'],
  datastore: ['tabel data', 'data table'],
  epss_assessment: ['penilaian EPSS', 'EPSS assessment'],
  epss_indicator: ['indikator EPSS', 'EPSS indicator'],
  epss_structure: ['struktur EPSS', 'EPSS structure'],
  evaluation_report: ['laporan evaluasi', 'evaluation report'],
  featured_dataset: ['dataset unggulan', 'featured dataset'],
  featured_datasets: ['dataset unggulan', 'featured datasets'],
  follow: ['langganan', 'subscription'],
  follow_subscription: ['langganan', 'subscription'],
  forum_decision: ['keputusan forum', 'forum decision'],
  forum_meeting: ['rapat forum', 'forum meeting'],
  forum_minutes: ['notulensi forum', 'forum minutes'],
  group: ['topik', 'topic'],
  holiday: ['hari libur', 'holiday'],
  holiday_year: ['hari libur setahun', "a year's holidays"],
  indicator: ['indikator', 'indicator'],
  indicator_metadata: ['metadata indikator', 'indicator metadata'],
  key_indicator: ['indikator utama', 'key indicator'],
  metadata_worksheet: ['lembar kerja metadata', 'metadata worksheet'],
  organization: ['instansi', 'agency'],
  package: ['dataset', 'dataset'],
  package_activity: ['kegiatan statistik dataset', "dataset's statistical activity"],
  package_resource: ['urutan sumber daya', 'resource order'],
  package_standard: ['standar data dataset', "dataset's data standard"],
  planning_record: ['dokumen perencanaan', 'planning record'],
  portal_logo: ['logo portal', 'portal logo'],
  process: ['proses SOP', 'SOP process'],
  publication: ['publikasi', 'publication'],
  publication_file: ['berkas publikasi', 'publication file'],
  publication_infographic: ['infografis', 'infographic'],
  region_boundaries: ['batas wilayah', 'region boundaries'],
  region_workflow: ['SOP wilayah', "region's SOP"],
  resource: ['sumber daya', 'resource'],
  resource_schema: ['skema tabel', 'table schema'],
  site_page: ['halaman portal', 'portal page'],
  site_setting: ['pengaturan situs', 'site setting'],
  statistical_activity: ['kegiatan statistik', 'statistical activity'],
  statistical_activity_recommendation: [
    'rekomendasi kegiatan statistik',
    'statistical activity recommendation',
  ],
  submission: ['pengajuan pemeriksaan', 'submission'],
  topic: ['topik', 'topic'],
  user: ['pengguna', 'user'],
  user_password: ['kata sandi', 'password'],
  user_position: ['jabatan pengguna', "user's position"],
  variable_metadata: ['metadata variabel', 'variable metadata'],
  work_calendar: ['kalender kerja', 'working calendar'],
  workflow_cycle: ['siklus SOP', 'SOP cycle'],
  workflow_definition: ['SOP', 'SOP'],
  workflow_instance: ['proses SOP', 'SOP process'],
  workflow_task: ['tugas', 'task'],
};

const VERBS: Record<string, Words> = {
  add: ['Tambah', 'Add'],
  answer: ['Jawab', 'Answer'],
  approve: ['Setujui', 'Approve'],
  assign: ['Tugaskan', 'Assign'],
  change: ['Ganti', 'Change'],
  complete: ['Selesaikan', 'Complete'],
  confirm: ['Konfirmasi', 'Confirm'],
  copy: ['Salin', 'Copy'],
  create: ['Buat', 'Create'],
  decide: ['Putuskan', 'Decide'],
  delete: ['Hapus', 'Delete'],
  enact: ['Tetapkan', 'Enact'],
  extend: ['Perpanjang', 'Extend'],
  from_requests: ['Buat dari permintaan', 'Create from requests:'],
  generate: ['Buat', 'Generate'],
  import: ['Impor', 'Import'],
  import_needs: ['Impor kebutuhan', 'Import needs as'],
  link: ['Tautkan', 'Link'],
  moderate: ['Moderasi', 'Moderate'],
  object: ['Ajukan keberatan atas', 'Object to'],
  publish: ['Terbitkan', 'Publish'],
  rate: ['Nilai', 'Rate'],
  record: ['Catat', 'Record'],
  remove: ['Hapus', 'Remove'],
  reorder: ['Urutkan ulang', 'Reorder'],
  replace: ['Ganti', 'Replace'],
  reroute: ['Alihkan', 'Reroute'],
  respond: ['Tanggapi', 'Respond to'],
  return: ['Kembalikan', 'Return'],
  revoke: ['Cabut', 'Revoke'],
  route: ['Teruskan', 'Route'],
  save: ['Simpan', 'Save'],
  seed: ['Isi', 'Seed'],
  send: ['Kirim', 'Send'],
  set: ['Atur', 'Set'],
  start: ['Mulai', 'Start'],
  submit: ['Ajukan', 'Submit'],
  subscribe: ['Berlangganan', 'Subscribe:'],
  unsubscribe: ['Berhenti berlangganan', 'Unsubscribe:'],
  update: ['Ubah', 'Update'],
  upload: ['Unggah', 'Upload'],
  upsert: ['Tambah atau ubah baris', 'Upsert rows of'],
  verify: ['Verifikasi', 'Verify'],
};

/** Names that do not read as noun + verb. */
const WHOLE: Record<string, Words> = {
  user_login: ['Masuk ke akun', 'Sign in'],
  data_request_purge_personal: ['Hapus data pribadi pemohon', "Purge requesters' personal data"],
  objection_answer: ['Jawab keberatan', 'Answer objection'],
  data_request_objection_answer: ['Jawab keberatan permintaan data', 'Answer a data request objection'],
  demo_planning_seed: ['Isi data demo perencanaan', 'Seed the planning demo'],
  evaluation_demo_seed: ['Isi data demo evaluasi', 'Seed the evaluation demo'],
};

const pick = (w: Words, locale: Locale) => (locale === 'en' ? w[1] : w[0]);

/** "Ubah dataset" for `package_update`; the name with spaces when it is not known. */
export function actionLabel(action: string, locale: Locale): string {
  const whole = WHOLE[action];
  if (whole) return pick(whole, locale);
  const parts = action.split('_');
  for (let i = parts.length - 1; i >= 1; i--) {
    const noun = NOUNS[parts.slice(0, i).join('_')];
    const verb = VERBS[parts.slice(i).join('_')];
    if (noun && verb) return `${pick(verb, locale)} ${pick(noun, locale)}`;
  }
  return action.replace(/_/g, ' ');
}

/** "dataset", "rapat forum" for an audit subject type; the type with spaces when unknown. */
export function subjectTypeLabel(type: string, locale: Locale): string {
  const noun = NOUNS[type];
  return noun ? pick(noun, locale) : type.replace(/_/g, ' ');
}

/** Every action name and subject type the code audits has words (checked by a unit test). */
export const knownNoun = (type: string) => type in NOUNS;
