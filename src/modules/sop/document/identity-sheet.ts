import type { SopIdentity } from '../../workflows/index.js';
import { FONT, MARGIN, PAD, PAGE } from './layout.js';
import { pdfSafe } from './pdf-text.js';

type Doc = PDFKit.PDFDocument;

const WIDTH = PAGE.width - 2 * MARGIN;
const HALF = WIDTH / 2;
const BOTTOM = PAGE.height - MARGIN - 24;

const numbered = (items: string[]) => (items.length ? items.map((x, i) => `${i + 1}. ${x}`).join('\n') : '-');

function box(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  w: number,
  h: number,
  bold = false,
  fill?: string,
) {
  if (fill) doc.rect(x, y, w, h).fill(fill);
  doc.lineWidth(0.5).strokeColor('#000').rect(x, y, w, h).stroke();
  doc
    .font(bold ? 'Helvetica-Bold' : 'Helvetica')
    .fontSize(FONT.body + 1)
    .fillColor('#000');
  doc.text(pdfSafe(text), x + PAD, y + PAD, { width: w - 2 * PAD });
}

function heightOf(doc: Doc, text: string, w: number, bold = false): number {
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT.body + 1);
  return doc.heightOfString(pdfSafe(text), { width: w - 2 * PAD }) + 2 * PAD;
}

/** The header block: the agency on the left, the SOP's number, dates and signatory on the right. */
function drawHeaderBlock(doc: Doc, id: SopIdentity): number {
  const fields: [string, string][] = [
    ['Nomor SOP', id.number ?? '-'],
    ['Tanggal Pembuatan', id.madeOn ?? '-'],
    ['Tanggal Revisi', id.revisedOn ?? '-'],
    ['Tanggal Pengesahan', id.ratifiedOn ?? '-'],
    ['Tanggal Efektif', id.effectiveOn ?? '-'],
    ['Disahkan Oleh', id.ratifiedBy.join('\n') || '-'],
    ['Nama SOP', id.name],
  ];
  const labelW = 110;
  const valueW = HALF - labelW;
  const heights = fields.map(([l, v]) =>
    Math.max(heightOf(doc, l, labelW), heightOf(doc, v, valueW, l === 'Nama SOP')),
  );
  const total = heights.reduce((a, b) => a + b, 0);
  let y = MARGIN;
  doc.lineWidth(0.5).rect(MARGIN, y, HALF, total).stroke();
  doc.font('Helvetica-Bold').fontSize(FONT.title + 1);
  const header = pdfSafe(id.header.join('\n'));
  const hh = doc.heightOfString(header, { width: HALF - 20, align: 'center' });
  doc.text(header, MARGIN + 10, y + Math.max(6, (total - hh) / 2), { width: HALF - 20, align: 'center' });
  fields.forEach(([label, value], i) => {
    const h = heights[i] ?? 0;
    box(doc, label, MARGIN + HALF, y, labelW, h, true);
    box(doc, value, MARGIN + HALF + labelW, y, valueW, h, label === 'Nama SOP');
    y += h;
  });
  return y;
}

/**
 * The identity sheet (PermenPAN-RB 35/2012): the header block, then Dasar Hukum | Kualifikasi
 * Pelaksana, Keterkaitan | Peralatan/Perlengkapan, Peringatan | Pencatatan dan Pendataan.
 * Draws on the current page, continuing on new pages when a pair does not fit.
 */
export function drawIdentitySheet(doc: Doc, id: SopIdentity): void {
  let y = drawHeaderBlock(doc, id) + 6;
  const pairs: [string, string[], string, string[]][] = [
    ['Dasar Hukum', id.legalBasis, 'Kualifikasi Pelaksana', id.qualifications],
    ['Keterkaitan', id.relatedSops, 'Peralatan/Perlengkapan', id.equipment],
    ['Peringatan', id.warnings, 'Pencatatan dan Pendataan', id.records],
  ];
  for (const [leftTitle, left, rightTitle, right] of pairs) {
    const th = heightOf(doc, leftTitle, HALF, true);
    const bh = Math.max(heightOf(doc, numbered(left), HALF), heightOf(doc, numbered(right), HALF));
    if (y + th + bh > BOTTOM) {
      doc.addPage({
        size: PAGE.size,
        layout: PAGE.layout,
        margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: 10 },
      });
      y = MARGIN;
    }
    box(doc, leftTitle, MARGIN, y, HALF, th, true, '#e6e6e6');
    box(doc, rightTitle, MARGIN + HALF, y, HALF, th, true, '#e6e6e6');
    box(doc, numbered(left), MARGIN, y + th, HALF, bh);
    box(doc, numbered(right), MARGIN + HALF, y + th, HALF, bh);
    y += th + bh;
  }
}
