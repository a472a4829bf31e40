import type { ActionContext } from '../../kernel/actions/context.js';
import { mutate } from '../../kernel/actions/context.js';
import { insertDemoCollection, insertDemoFeatured } from './demo.repository.js';

/**
 * The demo region's curated portal (issue 18): two themed collections and three featured
 * datasets, as a custodian would put them on the home page.
 */
const DEMO_COLLECTIONS = [
  {
    collection: {
      name: 'kemiskinan-dan-pembangunan-manusia',
      title: 'Kemiskinan dan Pembangunan Manusia',
      title_en: 'Poverty and Human Development',
      description: 'Angka kemiskinan, indeks pembangunan manusia dan partisipasi sekolah Kabupaten Magetan.',
      description_en: 'Poverty, the human development index and school participation in Magetan Regency.',
      position: 0,
    },
    datasets: [
      'kemiskinan-kabupaten-magetan-2019-2024',
      'indeks-pembangunan-manusia-2019-2024',
      'angka-partisipasi-sekolah-2019-2024',
    ],
  },
  {
    collection: {
      name: 'kesehatan-ibu-dan-anak',
      title: 'Kesehatan Ibu dan Anak',
      title_en: 'Maternal and Child Health',
      description: 'Imunisasi, kematian ibu dan bayi, dan akta kelahiran anak.',
      description_en: 'Immunisation, maternal and infant deaths, and children’s birth certificates.',
      position: 1,
    },
    datasets: [
      'cakupan-imunisasi-dasar-lengkap-kecamatan-2024',
      'kematian-ibu-dan-bayi-2019-2024',
      'kepemilikan-akta-kelahiran-anak-2024',
    ],
  },
];

const DEMO_FEATURED = [
  'indeks-pembangunan-manusia-2019-2024',
  'jumlah-penduduk-kecamatan-jenis-kelamin-2024',
  'kemiskinan-kabupaten-magetan-2019-2024',
];

export async function seedDemoCuration(system: ActionContext): Promise<void> {
  await mutate(system, async (trx, audit) => {
    for (const { collection, datasets } of DEMO_COLLECTIONS) {
      const id = await insertDemoCollection(trx, collection, datasets);
      if (id)
        await audit({
          action: 'collection_save',
          subjectType: 'collection',
          subjectId: id,
          summary: { name: collection.name },
        });
    }
    const featured = await insertDemoFeatured(trx, DEMO_FEATURED);
    await audit({
      action: 'featured_datasets_save',
      subjectType: 'featured_dataset',
      subjectId: null,
      summary: { datasets: featured ? DEMO_FEATURED : [] },
    });
  });
}
