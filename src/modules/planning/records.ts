import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import PDFDocument from 'pdfkit';
import type { PlanningRecordKind, Signatory } from '../../kernel/db/schema/planning.js';

/**
 * The forum's records, generated from the agreed list: the agreement record (Berita Acara
 * Kesepakatan Daftar Data) with its signatories, and the draft decree (SK Daftar Data) with the
 * list as its annex. Each as DOCX (the `docx` library, for the region to edit and sign) and PDF.
 */

export interface RecordItem {
  idDdd: string;
  dataName: string;
  agency: string;
  kind: string;
  schedule: string;
  riskClass: string;
}

export interface RecordModel {
  kind: PlanningRecordKind;
  year: number;
  regionName: string;
  meeting: { title: string; heldOn: string; place: string } | null;
  items: RecordItem[];
  signatories: Signatory[];
}

export function recordTitle(m: Pick<RecordModel, 'kind' | 'year'>): string {
  return m.kind === 'berita_acara'
    ? `BERITA ACARA KESEPAKATAN DAFTAR DATA TAHUN ${m.year}`
    : `RANCANGAN KEPUTUSAN TENTANG DAFTAR DATA TAHUN ${m.year}`;
}

/** The paragraphs of the record, the same in both formats. */
export function recordParagraphs(m: RecordModel): string[] {
  const agencies = new Set(m.items.map((i) => i.agency)).size;
  if (m.kind === 'berita_acara') {
    const when = m.meeting
      ? `Pada tanggal ${m.meeting.heldOn} bertempat di ${m.meeting.place || '-'} telah dilaksanakan ${m.meeting.title}.`
      : `Forum Satu Data ${m.regionName} telah bersidang.`;
    return [
      when,
      `Forum Satu Data ${m.regionName} bersama Pembina Data (BPS), Bappeda, Walidata dan Produsen Data menyepakati Daftar Data tahun ${m.year} sebanyak ${m.items.length} data dari ${agencies} perangkat daerah sebagaimana tercantum dalam lampiran Berita Acara ini.`,
      'Demikian Berita Acara ini dibuat untuk dipergunakan sebagaimana mestinya.',
    ];
  }
  return [
    `Menimbang: bahwa untuk melaksanakan Peraturan Presiden Nomor 39 Tahun 2019 tentang Satu Data Indonesia perlu menetapkan Daftar Data ${m.regionName} tahun ${m.year}.`,
    'Mengingat: Peraturan Presiden Nomor 39 Tahun 2019 tentang Satu Data Indonesia.',
    'MEMUTUSKAN',
    `KESATU: Menetapkan Daftar Data ${m.regionName} tahun ${m.year} sebanyak ${m.items.length} data dari ${agencies} perangkat daerah sebagaimana tercantum dalam Lampiran Keputusan ini.`,
    'KEDUA: Produsen Data menyampaikan data sesuai jadwal pemutakhiran kepada Walidata.',
    'KETIGA: Keputusan ini mulai berlaku pada tanggal ditetapkan.',
  ];
}

const HEADERS = ['No', 'ID DDD', 'Nama Data', 'Produsen Data', 'Jenis Data', 'Jadwal Pemutakhiran'];

function rowCells(i: RecordItem, n: number): string[] {
  return [String(n + 1), i.idDdd, i.dataName, i.agency, i.kind, i.schedule];
}

export async function renderRecordDocx(m: RecordModel): Promise<Buffer> {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: HEADERS.map((h) => cell(h, true)) }),
      ...m.items.map((i, n) => new TableRow({ children: rowCells(i, n).map((c) => cell(c)) })),
    ],
  });
  const signatures = m.signatories.map(
    (s) =>
      new Paragraph({
        spacing: { before: 400 },
        children: [
          new TextRun({ text: s.role, break: 0 }),
          new TextRun({ text: s.name, break: 3, bold: true }),
        ],
      }),
  );
  const doc = new Document({
    title: recordTitle(m),
    creator: 'Satu Data',
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            alignment: AlignmentType.CENTER,
            text: recordTitle(m),
          }),
          new Paragraph({ alignment: AlignmentType.CENTER, text: m.regionName.toUpperCase() }),
          ...recordParagraphs(m).map((p) => new Paragraph({ spacing: { before: 200 }, text: p })),
          new Paragraph({
            heading: HeadingLevel.HEADING_2,
            spacing: { before: 300 },
            text: 'LAMPIRAN: DAFTAR DATA',
          }),
          table,
          ...(m.signatories.length
            ? [new Paragraph({ spacing: { before: 300 }, text: 'Yang menandatangani:' }), ...signatures]
            : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** Helvetica is WinAnsi: typographic characters become ASCII look-alikes. */
function safe(text: string): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/[^\x20-\x7e\u00a0-\u00ff\n]/g, '?');
}

export async function renderRecordPdf(m: RecordModel): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: safe(recordTitle(m)) } });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 100;
  doc
    .font('Helvetica-Bold')
    .fontSize(13)
    .text(safe(recordTitle(m)), { align: 'center', width });
  doc.font('Helvetica').fontSize(11).text(safe(m.regionName.toUpperCase()), { align: 'center', width });
  doc.moveDown();
  for (const p of recordParagraphs(m)) {
    doc.fontSize(10).text(safe(p), { width, align: 'justify' });
    doc.moveDown(0.5);
  }
  doc.moveDown();
  doc.font('Helvetica-Bold').fontSize(10).text('LAMPIRAN: DAFTAR DATA');
  const cols = [25, 55, 170, 130, 55, 60];
  const drawRow = (cells: string[], bold: boolean) => {
    const y = doc.y;
    let x = 50;
    let h = 0;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    cells.forEach((c, i) => {
      const w = cols[i] ?? 50;
      h = Math.max(h, doc.heightOfString(safe(c), { width: w - 4 }));
    });
    if (y + h + 6 > doc.page.height - 50) {
      doc.addPage();
      return drawRow(cells, bold);
    }
    cells.forEach((c, i) => {
      const w = cols[i] ?? 50;
      doc.rect(x, y, w, h + 6).stroke();
      doc.text(safe(c), x + 2, y + 3, { width: w - 4 });
      x += w;
    });
    doc.x = 50;
    doc.y = y + h + 6;
  };
  drawRow(HEADERS, true);
  m.items.forEach((i, n) => {
    drawRow(rowCells(i, n), false);
  });
  if (m.signatories.length) {
    doc.moveDown(2);
    doc.font('Helvetica').fontSize(10).text('Yang menandatangani:', 50, doc.y, { width });
    for (const s of m.signatories) {
      if (doc.y > doc.page.height - 120) doc.addPage();
      doc.moveDown();
      doc.font('Helvetica').text(safe(s.role), 50, doc.y, { width });
      doc.moveDown(2.5);
      doc.font('Helvetica-Bold').text(safe(s.name), { width });
    }
  }
  doc.end();
  return done;
}
