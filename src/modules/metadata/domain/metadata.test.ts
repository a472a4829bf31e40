import { describe, expect, it } from 'vitest';
import type { TableSchema } from '../../../kernel/table-schema/table-schema.js';
import { SDSN_CODE } from './data-standard.js';
import type { FormDefinition } from './form.js';
import { checkFormValues, displayValue, formCompleteness, missingRequired } from './form-values.js';
import { MS_IND } from './ms-ind.js';
import { MS_KEG } from './ms-keg.js';
import { MS_VAR } from './ms-var.js';
import { variableValues } from './variables.js';

const FORMS: FormDefinition[] = [MS_KEG, MS_VAR, MS_IND];

describe('BPS form catalogues', () => {
  for (const def of FORMS)
    it(`${def.key}: unique keys, known blocks, choices where a vocabulary is asked, both languages`, () => {
      const keys = def.fields.map((f) => f.key);
      expect(new Set(keys).size).toBe(keys.length);
      const blocks = new Set(def.blocks.map((b) => b.key));
      for (const f of def.fields) {
        expect(blocks.has(f.block), f.key).toBe(true);
        expect(f.key).toMatch(/^[a-z0-9_]+$/);
        expect(f.label.id && f.label.en, f.key).toBeTruthy();
        if (f.kind === 'choice' || f.kind === 'multi') expect(f.choices?.length, f.key).toBeGreaterThan(1);
        expect(Boolean(f.help.id)).toBe(Boolean(f.help.en));
      }
      // Fields appear block by block, in the blocks' order.
      const order = def.fields.map((f) => def.blocks.findIndex((b) => b.key === f.block));
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    });

  it("MS-Keg has BPS's blocks in BPS's order", () => {
    expect(MS_KEG.blocks.map((b) => `${b.no} ${b.label.id}`.trim())).toEqual([
      'Identitas Kegiatan',
      'I Penyelenggara',
      'II Penanggung Jawab',
      'III Perencanaan dan Persiapan',
      'IV Desain Kegiatan',
      'V Desain Sampel',
      'VI Penjaminan Kualitas',
      'VII Pengolahan dan Analisis',
      'VIII Diseminasi Hasil',
    ]);
  });

  it("MS-Ind asks BPS's sixteen questions in order, then Satu Data's additions", () => {
    const bps = MS_IND.fields.filter((f) => !f.extension);
    expect(bps.map((f) => f.no)).toEqual(Array.from({ length: 16 }, (_, i) => String(i + 1)));
    expect(bps[8]?.label.id).toBe('Apakah Indikator Komposit?');
    expect(MS_IND.fields.filter((f) => f.extension).map((f) => f.key)).toEqual(['periodisitas']);
  });

  it("MS-Var keeps BPS's order and reads name, type, definition and unit from the Table Schema", () => {
    expect(MS_VAR.fields.map((f) => f.label.id).slice(0, 6)).toEqual([
      'Referensi Pemilihan',
      'Identitas Kegiatan Statistik',
      'Referensi Waktu',
      'Penyelenggara',
      'Tipe Data',
      'Nama Variabel',
    ]);
    const fromSchema = MS_VAR.fields.filter((f) => f.source === 'table_schema').map((f) => f.key);
    expect(fromSchema).toEqual([
      'tipe_data',
      'nama_variabel',
      'klasifikasi_isian',
      'alias',
      'aturan_validasi',
      'definisi',
      'satuan',
    ]);
  });
});

describe(checkFormValues.name, () => {
  it('normalises lists and checkbox groups and drops empty answers', () => {
    const { values, errors } = checkFormValues(MS_KEG, {
      variabel_dikumpulkan: ' Kecamatan \r\n\nJumlah ',
      metode_pengumpulan: ['wawancara', 'wawancara', 'pengamatan'],
      unit_pengumpulan: 'individu',
      tujuan: '   ',
      tidak_dikenal: 'x',
    });
    expect(errors).toEqual({});
    expect(values).toEqual({
      variabel_dikumpulkan: ['Kecamatan', 'Jumlah'],
      metode_pengumpulan: ['wawancara', 'pengamatan'],
      unit_pengumpulan: ['individu'],
    });
  });

  it('names each malformed answer in both languages', () => {
    const { errors } = checkFormValues(MS_KEG, {
      tahun_kegiatan: '25',
      jadwal_desain_mulai: '2025-02-30',
      pj_email: 'bukan surel',
      cara_pengumpulan: 'telepati',
      metode_pengumpulan: ['wawancara', 'sihir'],
      jumlah_supervisor: 'lima',
    });
    expect(Object.keys(errors).sort()).toEqual(
      [
        'cara_pengumpulan',
        'jadwal_desain_mulai',
        'jumlah_supervisor',
        'metode_pengumpulan',
        'pj_email',
        'tahun_kegiatan',
      ].sort(),
    );
    expect(errors.metode_pengumpulan?.en).toContain('sihir');
    expect(errors.cara_pengumpulan?.id).toContain('telepati');
  });

  it('ignores answers to fields read from elsewhere (the Table Schema is the one source)', () => {
    expect(checkFormValues(MS_VAR, { definisi: 'ketik ulang', konsep: 'Wilayah' }).values).toEqual({
      konsep: 'Wilayah',
    });
  });
});

describe(formCompleteness.name, () => {
  it('reports the required answers missing per block', () => {
    const blocks = formCompleteness(MS_IND, { nama_indikator: 'IPM', konsep: 'x' });
    expect(blocks[0]?.complete).toBe(false);
    expect(missingRequired(MS_IND, { nama_indikator: 'IPM' }).map((f) => f.key)).toContain('interpretasi');
    const full = Object.fromEntries(
      MS_IND.fields
        .filter((f) => f.required)
        .map((f) => [
          f.key,
          f.kind === 'multi' ? [f.choices?.[0]?.code ?? ''] : (f.choices?.[0]?.code ?? 'x'),
        ]),
    );
    expect(formCompleteness(MS_IND, full).every((b) => b.complete)).toBe(true);
  });
});

describe(variableValues.name, () => {
  const schema: TableSchema = {
    fields: [
      {
        name: 'kode_kec',
        type: 'string',
        title: 'Kode Kecamatan',
        description: 'Kode Kemendagri',
        constraints: { required: true, pattern: '\\d{2}\\.\\d{2}\\.\\d{2}' },
      },
      {
        name: 'jenjang',
        type: 'string',
        constraints: { enum: ['SD', 'SMP'] },
        'x-classification': 'restricted',
      },
      { name: 'jumlah', type: 'number', unit: 'jiwa', constraints: { minimum: 0, maximum: 1000 } },
    ],
    foreignKeys: [{ fields: 'kode_kec', reference: { resource: 'region:district', fields: 'code' } }],
  };
  const [kec, jenjang, jumlah] = schema.fields;

  it('takes name, alias, type, definition, unit and valid values from the field, the rest as typed', () => {
    if (!kec || !jumlah) throw new Error('fixture');
    const v = variableValues(
      schema,
      kec,
      { konsep: 'Wilayah', definisi: 'diabaikan' },
      { title: 'Survei', activity_code: 'K1', organiser: 'Dinkes' },
    );
    expect(v).toEqual({
      konsep: 'Wilayah',
      definisi: 'Kode Kemendagri',
      nama_variabel: 'Kode Kecamatan',
      alias: 'kode_kec',
      tipe_data: 'karakter',
      klasifikasi_isian: 'region:district',
      aturan_validasi: 'wajib diisi; pola \\d{2}\\.\\d{2}\\.\\d{2}',
      identitas_kegiatan: 'Survei – K1',
      penyelenggara: 'Dinkes',
    });
    expect(variableValues(schema, jumlah, {}, null)).toMatchObject({
      satuan: 'jiwa',
      tipe_data: 'numerik',
      aturan_validasi: '≥ 0; ≤ 1000',
    });
  });

  it('never calls a restricted or closed column publicly accessible', () => {
    if (!jenjang) throw new Error('fixture');
    const v = variableValues(schema, jenjang, { aksesibilitas_publik: 'ya' }, null);
    expect(v.aksesibilitas_publik).toBe('tidak');
    expect(v.klasifikasi_isian).toBe('SD; SMP');
  });
});

describe('Kode SDSN', () => {
  it.each(['SD00001.00.00', 'SP00055.00.00', 'UL12345.99.01'])('accepts %s', (code) =>
    expect(SDSN_CODE.test(code)).toBe(true),
  );
  it.each(['SP55.00.00', 'sp00055.00.00', 'SP00055.0.00', 'SPX00055.00.00', 'SP00055.00.00 '])(
    'refuses %s',
    (code) => expect(SDSN_CODE.test(code)).toBe(false),
  );
});

describe(displayValue.name, () => {
  it('shows choice labels in the reader language and joins lists', () => {
    const f = MS_KEG.fields.find((x) => x.key === 'metode_pengumpulan');
    if (!f) throw new Error('field');
    expect(displayValue(f, ['wawancara', 'lainnya'], 'en')).toBe('Interview; Other');
    expect(displayValue(f, ['wawancara'], 'id')).toBe('Wawancara');
  });
});
