import type { ActionContext } from '../../kernel/actions/context.js';
import { mutate } from '../../kernel/actions/context.js';
import { insertDemoKeyIndicator } from './demo.repository.js';

/**
 * The demo region's key indicators (issue 18): human development, poverty and the poor, as a
 * custodian would pick them from the published tables of the demo catalog, with MS-Ind style
 * definitions. The portal reads their values from the tables once the uploads are loaded.
 */
const DEMO_INDICATORS = [
  {
    dataset: 'indeks-pembangunan-manusia-2019-2024',
    name: 'ipm',
    title: 'Indeks Pembangunan Manusia',
    title_en: 'Human Development Index',
    period_field: 'tahun',
    value_field: 'ipm',
    unit: '',
    definition:
      'Rata-rata geometrik indeks umur harapan hidup, indeks pendidikan dan indeks pengeluaran (BPS, metode baru).',
  },
  {
    dataset: 'kemiskinan-kabupaten-magetan-2019-2024',
    name: 'persentase-penduduk-miskin',
    title: 'Persentase Penduduk Miskin (P0)',
    title_en: 'Poverty Rate (P0)',
    period_field: 'tahun',
    value_field: 'p0_persen',
    unit: '%',
    definition:
      'Persentase penduduk yang pengeluaran per kapita per bulannya di bawah garis kemiskinan (BPS, Susenas Maret).',
  },
  {
    dataset: 'kemiskinan-kabupaten-magetan-2019-2024',
    name: 'jumlah-penduduk-miskin',
    title: 'Jumlah Penduduk Miskin',
    title_en: 'Number of Poor People',
    period_field: 'tahun',
    value_field: 'jumlah_penduduk_miskin_ribu_jiwa',
    unit: 'ribu jiwa',
    definition: 'Banyaknya penduduk dengan pengeluaran per kapita per bulan di bawah garis kemiskinan (BPS).',
  },
];

export async function seedDemoIndicators(system: ActionContext): Promise<number> {
  return mutate(system, async (trx, audit) => {
    let n = 0;
    for (const [position, k] of DEMO_INDICATORS.entries()) {
      const id = await insertDemoKeyIndicator(trx, { ...k, position });
      if (!id) continue;
      n++;
      await audit({
        action: 'key_indicator_save',
        subjectType: 'key_indicator',
        subjectId: id,
        summary: { name: k.name },
      });
    }
    if (n === 0) await audit({ action: 'key_indicator_save', subjectType: 'key_indicator', subjectId: null });
    return n;
  });
}
