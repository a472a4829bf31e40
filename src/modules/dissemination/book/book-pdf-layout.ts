import QRCode from 'qrcode';
import type { BookTable } from './book-spec.js';

/**
 * The data book's page geometry and its drawing parts (pdfkit): table rows measured and drawn,
 * a table that runs past the page foot continued under its repeated header, the QR code.
 */

export const PAGE = { width: 595.28, height: 841.89 };
export const M = { top: 64, bottom: 64, left: 56, right: 56 };
export const BODY_W = PAGE.width - M.left - M.right;
export const BOTTOM = PAGE.height - M.bottom;
export const ROW_PAD = 3;
export const FONT = 8;

const REPLACEMENTS: Record<string, string> = {
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '–': '-',
  '—': '-',
  '…': '...',
};
/** Helvetica is WinAnsi: what lies outside it is written as its look-alike or '?'. */
export const pdfSafe = (text: string) =>
  text.replace(/[^\x20-\x7e\u00a0-\u00ff\n]/g, (c) => REPLACEMENTS[c] ?? '?');

export type Doc = PDFKit.PDFDocument;

export function columnWidths(doc: Doc, t: BookTable): number[] {
  doc.font('Helvetica').fontSize(FONT);
  const natural = t.header.map((h, i) => {
    let w = doc.widthOfString(pdfSafe(h)) * 0.6;
    for (const r of t.rows.slice(0, 200)) w = Math.max(w, doc.widthOfString(pdfSafe(r[i] ?? '')));
    return Math.min(Math.max(w + 2 * ROW_PAD, 36), 220);
  });
  const total = natural.reduce((a, b) => a + b, 0);
  return natural.map((w) => (w / total) * BODY_W);
}

export function rowHeight(doc: Doc, cells: string[], widths: number[], bold: boolean): number {
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT);
  let h = 0;
  cells.forEach((c, i) => {
    h = Math.max(h, doc.heightOfString(pdfSafe(c), { width: (widths[i] ?? 40) - 2 * ROW_PAD }));
  });
  return h + 2 * ROW_PAD;
}

export function drawRow(
  doc: Doc,
  cells: string[],
  widths: number[],
  y: number,
  opts: { header?: boolean; numeric?: boolean[] },
) {
  const h = rowHeight(doc, cells, widths, !!opts.header);
  let x = M.left;
  if (opts.header) doc.rect(M.left, y, BODY_W, h).fill('#dfe7ef');
  doc
    .fillColor('#000')
    .font(opts.header ? 'Helvetica-Bold' : 'Helvetica')
    .fontSize(FONT);
  cells.forEach((c, i) => {
    const w = widths[i] ?? 40;
    doc.text(pdfSafe(c), x + ROW_PAD, y + ROW_PAD, {
      width: w - 2 * ROW_PAD,
      align: !opts.header && opts.numeric?.[i] ? 'right' : 'left',
      lineBreak: true,
    });
    x += w;
  });
  doc
    .moveTo(M.left, y + h)
    .lineTo(M.left + BODY_W, y + h)
    .lineWidth(opts.header ? 0.8 : 0.3)
    .strokeColor('#555')
    .stroke();
  return h;
}

/** One table: code and titles, the header row repeated on each page it runs over, footnotes, source. */
export function drawTable(doc: Doc, t: BookTable): number {
  const widths = columnWidths(doc, t);
  const headH = rowHeight(doc, t.header, widths, true);
  const firstRowH = t.rows[0] ? rowHeight(doc, t.rows[0], widths, false) : 0;
  const titleH = 44;
  if (doc.y + titleH + headH + firstRowH > BOTTOM) doc.addPage();
  const startPage = doc.bufferedPageRange().count;
  doc.font('Helvetica-Bold').fontSize(10).fillColor('#000');
  doc.text(pdfSafe(`Tabel ${t.code}  ${t.title}`), M.left, doc.y, { width: BODY_W });
  doc.font('Helvetica-Oblique').fontSize(9);
  doc.text(pdfSafe(`Table ${t.code}  ${t.titleEn}`), M.left, doc.y, { width: BODY_W });
  let y = doc.y + 6;
  y += drawRow(doc, t.header, widths, y, { header: true });
  for (const r of t.rows) {
    const h = rowHeight(doc, r, widths, false);
    if (y + h > BOTTOM) {
      doc.addPage();
      y = M.top;
      doc.font('Helvetica-Oblique').fontSize(8).fillColor('#000');
      doc.text(pdfSafe(`Tabel ${t.code} (lanjutan / continued)`), M.left, y, { width: BODY_W });
      y = doc.y + 4;
      y += drawRow(doc, t.header, widths, y, { header: true });
    }
    y += drawRow(doc, r, widths, y, { numeric: t.numeric });
  }
  const tail = [...t.footnotes.map((f) => `Catatan / Note: ${f}`), `Sumber / Source: ${t.source}`];
  doc.font('Helvetica').fontSize(7.5).fillColor('#000');
  let ty = y + 4;
  for (const line of tail) {
    const h = doc.heightOfString(pdfSafe(line), { width: BODY_W });
    if (ty + h > BOTTOM) {
      doc.addPage();
      ty = M.top;
    }
    doc.text(pdfSafe(line), M.left, ty, { width: BODY_W });
    ty = doc.y + 1;
  }
  doc.y = ty + 18;
  doc.x = M.left;
  return startPage;
}

export async function drawQr(doc: Doc, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / n;
  doc.save().fillColor('#000');
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) doc.rect(x + c * cell, y + r * cell, cell, cell);
  doc.fill().restore();
}
