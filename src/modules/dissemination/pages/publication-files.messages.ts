import { defineMessages } from '../../../kernel/i18n/i18n.js';

/** Messages of a publication's files: uploads and the generated infographic. */
const id = {
  'files.title': 'Berkas',
  'files.none': 'Versi ini belum punya berkas.',
  'files.imageAlt': 'Gambar publikasi "{title}" ({file})',
  'files.generatedAlt': 'Infografis "{title}"; isi grafiknya dijelaskan dalam teks di bawah',
  'files.download': 'Unduh {file} ({size})',
  'files.remove': 'Hapus {file}',
  'files.upload': 'Unggah gambar atau PDF',
  'files.uploadField': 'Berkas (PNG, JPEG, WebP atau PDF, paling besar {mb} MB)',
  'files.uploadButton': 'Unggah berkas',
  'files.generate': 'Buat infografis dari grafik',
  'files.generateLead':
    'Server menggambar infografis dari grafik yang dipilih, judul dan narasi publikasi ini, lalu menyimpannya sebagai PNG dan SVG versi baru.',
  'files.charts': 'Grafik yang dimuat',
  'files.template': 'Templat',
  'files.template.portrait': 'Potret (satu kolom)',
  'files.template.landscape': 'Lanskap (dua kolom)',
  'files.generateButton': 'Buat infografis',
  'files.noCharts':
    'Publikasi ini belum memuat grafik. Buat grafik dulu, lalu buat publikasi dari halamannya.',
  'files.saved': 'Berkas disimpan sebagai versi baru.',
  'files.generated': 'Infografis dibuat sebagai versi baru.',
};
const en: Record<keyof typeof id, string> = {
  'files.title': 'Files',
  'files.none': 'This version has no files yet.',
  'files.imageAlt': 'Image of publication "{title}" ({file})',
  'files.generatedAlt': 'Infographic "{title}"; its charts are described in the text below',
  'files.download': 'Download {file} ({size})',
  'files.remove': 'Remove {file}',
  'files.upload': 'Upload an image or PDF',
  'files.uploadField': 'File (PNG, JPEG, WebP or PDF, at most {mb} MB)',
  'files.uploadButton': 'Upload file',
  'files.generate': 'Make an infographic from charts',
  'files.generateLead':
    'The server draws an infographic from the chosen charts and this publication’s title and narrative, and keeps it as the new version’s PNG and SVG.',
  'files.charts': 'Charts it shows',
  'files.template': 'Template',
  'files.template.portrait': 'Portrait (one column)',
  'files.template.landscape': 'Landscape (two columns)',
  'files.generateButton': 'Make infographic',
  'files.noCharts':
    'This publication shows no chart yet. Make a chart first, then a publication from its page.',
  'files.saved': 'File saved as a new version.',
  'files.generated': 'Infographic made as a new version.',
};
export const ft = defineMessages({ id, en });
export type FtKey = keyof typeof id;
