import { defineMessages } from '../../../kernel/i18n/i18n.js';

/**
 * Text of the API documentation page (GET /api): Indonesian first, English with the same keys.
 * `{siteUrl}` and similar placeholders are filled in by the page. Code samples are not here:
 * they are the same in both languages.
 */
const id = {
  title: 'API Data',
  lead: 'Semua dataset publik portal ini dapat dibaca mesin melalui API yang kompatibel dengan CKAN Action API versi 3, sehingga aplikasi, portal Satu Data lain (misalnya data.go.id) dan pemanen ckanext-harvest dapat memakainya tanpa penyesuaian.',
  toc: 'Daftar isi',
  'base.title': 'Alamat dasar',
  'openapi.body':
    'Deskripsi OpenAPI 3.1 semua aksi, dibuat dari skema masukannya, untuk membangkitkan kode klien:',
  'base.body':
    'Setiap aksi dipanggil di {base}/nama_aksi (alamat {alt}/nama_aksi juga diterima). Aksi baca menerima GET dengan parameter di query string atau POST dengan badan JSON; aksi tulis hanya menerima POST.',
  'auth.title': 'Autentikasi',
  'auth.body':
    'Aksi baca terbuka untuk umum dan hanya menampilkan dataset publik. Untuk menulis, atau untuk melihat dataset belum publik milik perangkat daerah Anda, kirim token API pada header Authorization, persis seperti CKAN. Token dibuat di halaman Akun › Token API dan hanya ditampilkan sekali; simpan sebagai rahasia.',
  'auth.cookie':
    'API tidak pernah membaca cookie sesi peramban. Token yang tidak dikenal atau sudah dicabut ditolak dengan 403, bukan diperlakukan sebagai anonim.',
  'auth.rules':
    'Produsen data hanya dapat membuat dan mengubah dataset perangkat daerahnya sendiri, dan dataset barunya tetap belum publik; hanya wali data yang dapat mempublikasikan (private: false).',
  'envelope.title': 'Amplop jawaban',
  'envelope.body':
    'Setiap jawaban adalah objek JSON dengan help (tautan bantuan aksi), success dan result. Periksa success, bukan hanya kode HTTP.',
  'errors.title': 'Galat',
  'errors.body':
    'Jika gagal, success bernilai false dan error berisi __type. Kode HTTP dan __type sama dengan CKAN:',
  'errors.colStatus': 'HTTP',
  'errors.colType': '__type',
  'errors.colWhen': 'Kapan',
  'errors.403': 'Tidak berhak, tanpa token, atau token tidak sah.',
  'errors.404': 'Tidak ada, atau tidak boleh Anda lihat (dataset belum publik juga menjawab 404).',
  'errors.409':
    'Masukan tidak valid. Nama kolom yang salah menjadi kunci di samping __type, masing-masing berisi daftar pesan.',
  'errors.400search': 'q, fq, sort atau facet.field tidak dapat dipahami.',
  'errors.400bad':
    'Nama aksi tidak dikenal atau aksi tulis dipanggil dengan GET: jawabannya berupa string JSON, bukan objek.',
  'errors.500': 'Kesalahan server; pesan tidak memuat rincian internal.',
  'errors.503':
    'Koneksi basis data terputus; kirim ulang permintaan yang sama setelah detik pada header Retry-After.',
  'paging.title': 'Halaman dan batas',
  'paging.body':
    'package_search memakai rows (bawaan 10, paling banyak 1000; nilai lebih besar dipotong menjadi 1000) dan start. Daftar lain memakai limit dan offset. Hasil selalu berurutan stabil (urutan terakhir berdasarkan id), jadi menambah start sebesar rows tidak melewatkan atau mengulang dataset.',
  'paging.harvest':
    'Pemanen CKAN (ckanext-harvest) memanggil package_search dengan rows=100, sort=id asc dan fq seperti di bawah, lalu menambah start sampai halaman kosong. Portal ini mendukung pola tersebut, termasuk rentang metadata_modified dengan akhiran Z.',
  'search.title': 'Sintaks pencarian',
  'search.body':
    'q adalah teks bebas (bahasa Indonesia, dengan stemming) dan boleh memuat istilah kolom. fq menyaring tanpa memengaruhi peringkat. Kolom yang dikenal: organization, groups, tags, res_format, license_id, name, id, title, text, capacity, metadata_modified dan metadata_created. Nilai boleh diberi tanda petik ("air bersih"), digabung dengan OR, dinegasikan dengan -, atau berupa rentang [dari TO sampai] dengan * dan NOW. facet.field adalah daftar JSON, misalnya ["organization","tags"].',
  'datastore.title': 'Batas data tabel (datastore)',
  'datastore.body':
    'datastore_search mengembalikan paling banyak 32.000 baris per panggilan (limit lebih besar dipotong; pakai offset untuk halaman berikutnya). q paling panjang 1.000 karakter dan dicari lewat indeks teks penuh _full_text yang dibangun di latar belakang sesaat setelah data dimuat; sebelum indeks siap, q tetap dijawab dengan membaca baris satu per satu, lebih lambat (konfigurasi bahasa Indonesia, seperti CKAN; language hanya mengubah cara q dibaca). Di PostgreSQL setiap pembacaan dihentikan setelah 10 detik dengan galat Validation Error pada kunci query; persempit dengan filters atau q.',
  'datastore.sql':
    'datastore_search_sql hanya tersedia bila server menyalakan DATASTORE_SQL (bawaan: mati pada basis data bawaan PGlite, yang tidak dapat menghentikan kueri, dan nyala pada PostgreSQL). Di server ini: {state}. Kueri berupa satu SELECT atas tabel publik (id sumber daya dalam tanda kutip ganda), dijalankan hanya-baca sebagai peran basis data tersendiri yang hanya dapat membaca tabel data, dihentikan setelah 5 detik, ditolak bila perkiraan biayanya terlalu besar, dan paling banyak 32.000 baris (records_truncated menandai sisanya). Fungsi yang dapat membuat teks raksasa dibatasi: argumen panjang lpad dan rpad harus konstanta paling besar 1.000, teks pengganti replace dan pemisah string_agg harus konstanta paling panjang 100 karakter, dan format, repeat serta generate_series tidak diizinkan.',
  'datastore.on': 'nyala',
  'datastore.off': 'mati',
  'actions.title': 'Aksi',
  'actions.read': 'Aksi baca',
  'actions.write': 'Aksi tulis (perlu token)',
  'actions.account': 'Akun dan administrasi (perlu token)',
  'actions.other': 'Aksi lain',
  'actions.otherBody': 'Aksi berikut juga tersedia; parameternya mengikuti nama kolom di formulir terkait.',
  'actions.method': 'Metode',
  'actions.params': 'Parameter',
  'actions.example': 'Contoh',
  'actions.none': 'tidak ada',
  'action.status_show': 'Keterangan situs: judul, alamat, bahasa bawaan dan versi CKAN yang diikuti.',
  'action.package_list': 'Nama semua dataset publik, urut abjad.',
  'action.current_package_list_with_resources':
    'Dataset publik lengkap dengan sumber dayanya, yang terakhir diubah lebih dulu.',
  'action.package_search': 'Cari dataset dengan teks, saringan dan faset.',
  'action.package_show': 'Satu dataset lengkap, menurut id atau nama.',
  'action.package_autocomplete': 'Saran dataset dari awal judul atau nama, untuk kotak pencarian.',
  'action.resource_show': 'Satu sumber daya (berkas atau tautan) menurut id.',
  'action.organization_list': 'Perangkat daerah (organisasi CKAN).',
  'action.organization_show': 'Satu perangkat daerah; dengan include_datasets, 10 dataset pertamanya.',
  'action.group_list': 'Topik (grup CKAN).',
  'action.group_show': 'Satu topik; dengan include_datasets, 10 dataset pertamanya.',
  'action.tag_list': 'Tag bebas yang dipakai dataset publik.',
  'action.license_list': 'Lisensi yang dapat dipilih untuk dataset.',
  'action.package_create':
    'Buat dataset untuk perangkat daerah (owner_org). Dataset produsen tetap belum publik.',
  'action.package_update':
    'Ganti seluruh isian dataset. Isian yang tidak dikirim (tag, grup, deskripsi) dikosongkan.',
  'action.package_patch': 'Ubah hanya isian yang dikirim; sisanya tetap.',
  'action.package_delete': 'Hapus dataset secara lunak: datanya tetap tersimpan, tetapi tidak lagi tampil.',
  'action.resource_create':
    'Tambah sumber daya: tautan (url) atau unggahan berkas multipart pada kolom upload. Jawaban memuat ukuran dan hash sha256.',
  'action.resource_update':
    'Ubah sumber daya. Berkas baru disimpan sebagai versi baru; berkas lama tetap tersimpan.',
  'action.resource_delete': 'Hapus sumber daya secara lunak.',
  'action.user_show': 'Akun pemilik token.',
  'action.api_token_create': 'Buat token API baru untuk akun Anda (ditampilkan sekali).',
  'action.api_token_revoke': 'Cabut salah satu token Anda.',
  'action.user_create': 'Buat akun (administrator).',
  'action.user_update': 'Ubah akun, peran atau status (administrator).',
  'action.user_password_change': 'Ganti kata sandi sendiri.',
  'action.agency_create': 'Tambah perangkat daerah (administrator).',
  'action.agency_update': 'Ubah perangkat daerah (administrator).',
  'action.agency_import': 'Impor perangkat daerah dari CSV (administrator).',
  'params.status_show': 'tidak ada',
  'params.package_list': 'limit, offset',
  'params.current_package_list_with_resources': 'limit (bawaan 10, maks. 1000), offset, page',
  'params.package_search':
    'q, fq, fq_list, sort (bawaan "score desc, metadata_modified desc"; juga id asc, metadata_modified desc, title_string asc), rows, start, facet, facet.field, facet.limit (bawaan 50, -1 = semua), facet.mincount, include_private, include_drafts',
  'params.package_show': 'id (id atau nama)',
  'params.package_autocomplete': 'q, limit',
  'params.resource_show': 'id',
  'params.organization_list':
    'all_fields, sort (title asc, name, package_count), limit (maks. 1000; 25 dengan all_fields), offset, organizations, q',
  'params.organization_show': 'id (kode atau id), include_datasets, include_dataset_count',
  'params.group_list': 'all_fields, sort, limit, offset, groups, q',
  'params.group_show': 'id, include_datasets, include_dataset_count',
  'params.tag_list': 'query (atau q), all_fields',
  'params.license_list': 'tidak ada',
  'params.package_create':
    'name, title, owner_org, notes, private (bawaan true), state (active/draft), license_id, tags, groups, extras, update_frequency, temporal_start, temporal_end, spatial, resources',
  'params.package_update':
    'id ditambah semua isian package_create; if_unmodified_since untuk penguncian optimistis',
  'params.package_patch': 'id ditambah isian yang ingin diubah',
  'params.package_delete': 'id',
  'params.resource_create': 'package_id, name, description, format, url atau upload (berkas multipart)',
  'params.resource_update': 'id, name, description, format, url atau upload',
  'params.resource_delete': 'id',
  'params.user_show': 'id (opsional; bawaan akun Anda)',
  'params.api_token_create': 'name',
  'params.api_token_revoke': 'id',
  'params.user_create': 'username, fullName, email, password, roles, agencyId',
  'params.user_update': 'id dan isian yang diubah',
  'params.user_password_change': 'currentPassword, newPassword',
  'params.agency_create': 'code, name, shortName, kind, regionCode',
  'params.agency_update': 'id dan isian perangkat daerah',
  'params.agency_import': 'csv (teks CSV), fileName',
};

const en: Record<keyof typeof id, string> = {
  title: 'Data API',
  lead: "Every public dataset of this portal can be read by machines through an API compatible with CKAN's Action API version 3, so applications, other One Data portals (such as data.go.id) and ckanext-harvest harvesters can use it unchanged.",
  toc: 'Contents',
  'base.title': 'Base URL',
  'openapi.body':
    'An OpenAPI 3.1 description of every action, generated from its input schema, to generate client code:',
  'base.body':
    'Each action is called at {base}/action_name ({alt}/action_name is accepted too). Read actions take GET with query-string parameters or POST with a JSON body; write actions take POST only.',
  'auth.title': 'Authentication',
  'auth.body':
    "Read actions are open to everyone and show public datasets only. To write, or to see your agency's datasets that are not yet public, send an API token in the Authorization header, exactly as in CKAN. Tokens are made on the Account › API tokens page and shown only once; keep them secret.",
  'auth.cookie':
    'The API never reads the browser session cookie. An unknown or revoked token is refused with 403, not treated as anonymous.',
  'auth.rules':
    "Data producers may create and change their own agency's datasets only, and their new datasets stay non-public; only the data custodian publishes (private: false).",
  'envelope.title': 'Response envelope',
  'envelope.body':
    'Every response is a JSON object with help (a link to the action help), success and result. Check success, not only the HTTP status.',
  'errors.title': 'Errors',
  'errors.body':
    'On failure, success is false and error holds __type. HTTP status and __type are those of CKAN:',
  'errors.colStatus': 'HTTP',
  'errors.colType': '__type',
  'errors.colWhen': 'When',
  'errors.403': 'Not allowed, no token, or an invalid token.',
  'errors.404': 'Does not exist, or you may not see it (a non-public dataset also answers 404).',
  'errors.409': 'Invalid input. Each bad field becomes a key beside __type, holding a list of messages.',
  'errors.400search': 'q, fq, sort or facet.field could not be understood.',
  'errors.400bad':
    'Unknown action name, or a write action called with GET: the body is a JSON string, not an object.',
  'errors.500': 'Server error; the message carries no internal details.',
  'errors.503':
    'The database connection was lost; send the same request again after the Retry-After seconds.',
  'paging.title': 'Paging and limits',
  'paging.body':
    'package_search takes rows (default 10, at most 1000; larger values are cut to 1000) and start. Other lists take limit and offset. Results always come in a stable order (ending with the id), so adding rows to start never skips or repeats a dataset.',
  'paging.harvest':
    'A CKAN harvester (ckanext-harvest) calls package_search with rows=100, sort=id asc and an fq like the ones below, then adds to start until a page is empty. This portal supports that pattern, including metadata_modified ranges with a Z suffix.',
  'search.title': 'Search syntax',
  'search.body':
    'q is free text (Indonesian, with stemming) and may hold field terms. fq filters without affecting the ranking. Known fields: organization, groups, tags, res_format, license_id, name, id, title, text, capacity, metadata_modified and metadata_created. Values may be quoted ("air bersih"), joined with OR, negated with -, or a range [from TO to] with * and NOW. facet.field is a JSON list, e.g. ["organization","tags"].',
  'datastore.title': 'Table data limits (datastore)',
  'datastore.body':
    'datastore_search returns at most 32,000 rows per call (a larger limit is cut; use offset for the next page). q is at most 1,000 characters and is searched through the _full_text index, built in the background shortly after the data is loaded; until it is ready q still answers by reading row by row, more slowly (Indonesian configuration, as CKAN does; language only changes how q is read). On PostgreSQL every read is stopped after 10 seconds with a Validation Error on the query key; narrow it with filters or q.',
  'datastore.sql':
    'datastore_search_sql is only available when the server turns DATASTORE_SQL on (default: off on the embedded PGlite database, which cannot stop a query, and on with PostgreSQL). On this server: {state}. A query is one SELECT over public tables (the resource id in double quotes), run read-only as a separate database role that can read the data tables only, stopped after 5 seconds, refused when its estimated cost is too high, and cut at 32,000 rows (records_truncated marks the rest). Functions that can build huge text are bounded: the length argument of lpad and rpad must be a constant of at most 1,000, the replacement of replace and the separator of string_agg constants of at most 100 characters, and format, repeat and generate_series are not allowed.',
  'datastore.on': 'on',
  'datastore.off': 'off',
  'actions.title': 'Actions',
  'actions.read': 'Read actions',
  'actions.write': 'Write actions (token required)',
  'actions.account': 'Accounts and administration (token required)',
  'actions.other': 'Other actions',
  'actions.otherBody':
    'These actions are available too; their parameters follow the field names of the matching forms.',
  'actions.method': 'Method',
  'actions.params': 'Parameters',
  'actions.example': 'Example',
  'actions.none': 'none',
  'action.status_show': 'About the site: title, URL, default language and the CKAN version it follows.',
  'action.package_list': 'Names of all public datasets, alphabetically.',
  'action.current_package_list_with_resources':
    'Whole public datasets with their resources, most recently changed first.',
  'action.package_search': 'Search datasets by text, filters and facets.',
  'action.package_show': 'One whole dataset, by id or name.',
  'action.package_autocomplete': 'Dataset suggestions from the start of a title or name, for search boxes.',
  'action.resource_show': 'One resource (file or link) by id.',
  'action.organization_list': 'Agencies (CKAN organizations).',
  'action.organization_show': 'One agency; with include_datasets, its first 10 datasets.',
  'action.group_list': 'Topics (CKAN groups).',
  'action.group_show': 'One topic; with include_datasets, its first 10 datasets.',
  'action.tag_list': 'Free tags used by public datasets.',
  'action.license_list': 'Licenses a dataset may carry.',
  'action.package_create':
    "Create a dataset of an agency (owner_org). A producer's dataset stays non-public.",
  'action.package_update':
    'Replace all fields of a dataset. Fields not sent (tags, groups, description) are cleared.',
  'action.package_patch': 'Change only the fields sent; the rest stays.',
  'action.package_delete': 'Soft-delete a dataset: its data is kept but no longer shown.',
  'action.resource_create':
    'Add a resource: a link (url) or a multipart file upload in the upload field. The response carries the size and sha256 hash.',
  'action.resource_update': 'Change a resource. A new file is stored as a new version; the old file is kept.',
  'action.resource_delete': 'Soft-delete a resource.',
  'action.user_show': "The token owner's account.",
  'action.api_token_create': 'Create a new API token for your account (shown once).',
  'action.api_token_revoke': 'Revoke one of your tokens.',
  'action.user_create': 'Create an account (administrators).',
  'action.user_update': 'Change an account, its roles or state (administrators).',
  'action.user_password_change': 'Change your own password.',
  'action.agency_create': 'Add an agency (administrators).',
  'action.agency_update': 'Change an agency (administrators).',
  'action.agency_import': 'Import agencies from CSV (administrators).',
  'params.status_show': 'none',
  'params.package_list': 'limit, offset',
  'params.current_package_list_with_resources': 'limit (default 10, max. 1000), offset, page',
  'params.package_search':
    'q, fq, fq_list, sort (default "score desc, metadata_modified desc"; also id asc, metadata_modified desc, title_string asc), rows, start, facet, facet.field, facet.limit (default 50, -1 = all), facet.mincount, include_private, include_drafts',
  'params.package_show': 'id (id or name)',
  'params.package_autocomplete': 'q, limit',
  'params.resource_show': 'id',
  'params.organization_list':
    'all_fields, sort (title asc, name, package_count), limit (max. 1000; 25 with all_fields), offset, organizations, q',
  'params.organization_show': 'id (code or id), include_datasets, include_dataset_count',
  'params.group_list': 'all_fields, sort, limit, offset, groups, q',
  'params.group_show': 'id, include_datasets, include_dataset_count',
  'params.tag_list': 'query (or q), all_fields',
  'params.license_list': 'none',
  'params.package_create':
    'name, title, owner_org, notes, private (default true), state (active/draft), license_id, tags, groups, extras, update_frequency, temporal_start, temporal_end, spatial, resources',
  'params.package_update': 'id plus every package_create field; if_unmodified_since for optimistic locking',
  'params.package_patch': 'id plus the fields to change',
  'params.package_delete': 'id',
  'params.resource_create': 'package_id, name, description, format, url or upload (a multipart file)',
  'params.resource_update': 'id, name, description, format, url or upload',
  'params.resource_delete': 'id',
  'params.user_show': 'id (optional; your own account by default)',
  'params.api_token_create': 'name',
  'params.api_token_revoke': 'id',
  'params.user_create': 'username, fullName, email, password, roles, agencyId',
  'params.user_update': 'id and the fields to change',
  'params.user_password_change': 'currentPassword, newPassword',
  'params.agency_create': 'code, name, shortName, kind, regionCode',
  'params.agency_update': 'id and the agency fields',
  'params.agency_import': 'csv (the CSV text), fileName',
};

export type ApiDocsKey = keyof typeof id;
export const at = defineMessages<ApiDocsKey>({ id, en });
