import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { BookContent, BookTable } from './book-spec.js';

/**
 * The data book as PDF, typeset with pdfkit (already the SOP documents' engine): it places every
 * line itself, so a table that runs past the page foot continues on the next page under a repeated
 * header, running heads and page numbers are written on each page after the body is laid out
 * (bufferPages), and the table of contents gets the real page numbers. Deterministic: the
 * standard Helvetica (no embedded font subset), a fixed creation date and a file ID derived from
 * the content hash, so the same edition gives the same bytes.
 */

const PAGE = { width: 595.28, height: 841.89 };
const M = { top: 64, bottom: 64, left: 56, right: 56 };
const BODY_W = PAGE.width - M.left - M.right;
const BOTTOM = PAGE.height - M.bottom;
const ROW_PAD = 3;
const FONT = 8;

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

export interface BookPdfInput {
  content: BookContent;
  hash: string;
  /** The verification page's address (in the QR code and the colophon). */
  verifyUrl: string;
}

interface TocEntry {
  level: 0 | 1;
  label: string;
  page: number;
}

type Doc = PDFKit.PDFDocument;

function columnWidths(doc: Doc, t: BookTable): number[] {
  doc.font('Helvetica').fontSize(FONT);
  const natural = t.header.map((h, i) => {
    let w = doc.widthOfString(pdfSafe(h)) * 0.6;
    for (const r of t.rows.slice(0, 200)) w = Math.max(w, doc.widthOfString(pdfSafe(r[i] ?? '')));
    return Math.min(Math.max(w + 2 * ROW_PAD, 36), 220);
  });
  const total = natural.reduce((a, b) => a + b, 0);
  return natural.map((w) => (w / total) * BODY_W);
}

function rowHeight(doc: Doc, cells: string[], widths: number[], bold: boolean): number {
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT);
  let h = 0;
  cells.forEach((c, i) => {
    h = Math.max(h, doc.heightOfString(pdfSafe(c), { width: (widths[i] ?? 40) - 2 * ROW_PAD }));
  });
  return h + 2 * ROW_PAD;
}

function drawRow(
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
function drawTable(doc: Doc, t: BookTable): number {
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

async function drawQr(doc: Doc, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / n;
  doc.save().fillColor('#000');
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) doc.rect(x + c * cell, y + r * cell, cell, cell);
  doc.fill().restore();
}

const TOC_LINES_PER_PAGE = 44;

/** Render the edition. Returns the PDF bytes. */
export async function renderBookPdf({ content, hash, verifyUrl }: BookPdfInput): Promise<Buffer> {
  const fixedDate = new Date(Date.UTC(content.year, 0, 1));
  const doc = new PDFDocument({
    size: 'A4',
    margins: M,
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: pdfSafe(`${content.title} ${content.year}`),
      Author: pdfSafe(content.publisher),
      Subject: `sha256:${hash}`,
      Creator: 'Satu Data',
      Producer: 'Satu Data (pdfkit)',
      CreationDate: fixedDate,
      ModDate: fixedDate,
    },
  });
  // pdfkit names the file by a hash of its info and the clock; the content hash names it instead.
  (doc as unknown as { _id: Buffer })._id = Buffer.from(hash.slice(0, 32), 'hex');
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  // Cover.
  doc.rect(0, 0, PAGE.width, PAGE.height * 0.45).fill('#0b3d62');
  doc.fillColor('#fff').font('Helvetica-Bold').fontSize(30);
  doc.text(pdfSafe(content.title), M.left, 150, { width: BODY_W });
  doc.font('Helvetica').fontSize(18).text(pdfSafe(content.titleEn), { width: BODY_W });
  doc.font('Helvetica-Bold').fontSize(48).text(String(content.year), { width: BODY_W });
  doc.fillColor('#000').font('Helvetica').fontSize(12);
  doc.text(pdfSafe(content.publisher), M.left, PAGE.height * 0.45 + 40, { width: BODY_W });

  // Foreword.
  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(16).text('Kata Pengantar / Foreword', M.left, M.top);
  doc.moveDown();
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(
      pdfSafe(
        content.foreword ||
          `${content.title} ${content.year} memuat data sektoral ${content.region} yang telah diperiksa dan diterbitkan melalui Satu Data.`,
      ),
      { width: BODY_W, align: 'justify' },
    );

  // Reserve the table of contents and list of tables (filled in once the pages are known).
  const tables = content.chapters.flatMap((c) => c.tables);
  const tocLines = content.chapters.length + tables.length + 4;
  const totPages = Math.max(1, Math.ceil(tocLines / TOC_LINES_PER_PAGE));
  const lotPages = Math.max(1, Math.ceil((tables.length + 2) / TOC_LINES_PER_PAGE));
  const tocStart = doc.bufferedPageRange().count;
  for (let i = 0; i < totPages + lotPages; i++) doc.addPage();

  const toc: TocEntry[] = [];
  const chapterOfPage: string[] = [];
  for (const ch of content.chapters) {
    doc.addPage();
    const page = doc.bufferedPageRange().count;
    toc.push({ level: 0, label: `Bab ${ch.number}  ${ch.title}`, page });
    doc.font('Helvetica-Bold').fontSize(22).fillColor('#0b3d62');
    doc.text(pdfSafe(`Bab ${ch.number}`), M.left, 260, { width: BODY_W });
    doc.text(pdfSafe(ch.title), { width: BODY_W });
    doc
      .font('Helvetica-Oblique')
      .fontSize(14)
      .text(pdfSafe(`Chapter ${ch.number}  ${ch.titleEn}`), { width: BODY_W });
    doc.fillColor('#000');
    doc.addPage();
    for (const t of ch.tables) {
      const start = drawTable(doc, t);
      toc.push({ level: 1, label: `Tabel ${t.code}  ${t.title}`, page: start });
    }
    const last = doc.bufferedPageRange().count;
    for (let p = page; p <= last; p++) chapterOfPage[p] = `Bab ${ch.number}  ${ch.title}`;
  }

  // Colophon: the edition's hash, its data versions and the QR code of the verification page.
  doc.addPage();
  const colophonPage = doc.bufferedPageRange().count;
  doc.font('Helvetica-Bold').fontSize(14).text('Kolofon / Colophon', M.left, M.top);
  doc.moveDown(0.5);
  doc.font('Helvetica').fontSize(9);
  doc.text(pdfSafe(`${content.title} ${content.year}. Penerbit / Publisher: ${content.publisher}.`), {
    width: BODY_W,
  });
  doc.text(
    pdfSafe(
      'Dibuat dari data terbitan Satu Data; setiap tabel menyebut versi data sumbernya. / Generated from published Satu Data tables; each names its source data version.',
    ),
    { width: BODY_W },
  );
  doc.moveDown(0.5);
  doc.font('Courier').fontSize(8).text(`Hash isi / Content hash (SHA-256): ${hash}`, { width: BODY_W });
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(pdfSafe(`Verifikasi / Verify: ${verifyUrl}`), { width: BODY_W });
  const qrY = doc.y + 10;
  await drawQr(doc, verifyUrl, M.left, qrY, 110);
  doc.y = qrY + 124;
  doc.font('Helvetica-Bold').fontSize(9).text('Versi data / Data versions', M.left, doc.y);
  doc.font('Helvetica').fontSize(8);
  for (const t of tables)
    doc.text(
      pdfSafe(`${t.code}  ${t.dataset.title} - versi ${t.versionNumber} (${t.dataSha.slice(0, 12)})`),
      { width: BODY_W },
    );
  toc.push({ level: 0, label: 'Kolofon / Colophon', page: colophonPage });

  // Table of contents and list of tables, now that the pages are known.
  const writeList = (first: number, pages: number, heading: string, entries: TocEntry[]) => {
    let i = 0;
    for (let p = 0; p < pages; p++) {
      doc.switchToPage(first + p);
      let y = M.top;
      if (p === 0) {
        doc.font('Helvetica-Bold').fontSize(16).fillColor('#000').text(heading, M.left, y);
        y = doc.y + 10;
      }
      for (; i < entries.length && y < BOTTOM - 14; i++) {
        const e = entries[i] as TocEntry;
        doc.font(e.level === 0 ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
        const indent = e.level === 0 ? 0 : 14;
        doc.text(pdfSafe(e.label), M.left + indent, y, {
          width: BODY_W - indent - 40,
          lineBreak: false,
          ellipsis: true,
        });
        doc.text(String(e.page), M.left + BODY_W - 36, y, { width: 36, align: 'right', lineBreak: false });
        y += 14;
      }
    }
  };
  writeList(tocStart, totPages, 'Daftar Isi / Contents', toc);
  writeList(
    tocStart + totPages,
    lotPages,
    'Daftar Tabel / List of Tables',
    toc.filter((e) => e.level === 1),
  );

  // Running heads and page numbers on every page after the cover.
  const { count } = doc.bufferedPageRange();
  for (let i = 1; i < count; i++) {
    doc.switchToPage(i);
    doc.font('Helvetica').fontSize(7.5).fillColor('#444');
    doc.text(pdfSafe(`${content.title} ${content.year}`), M.left, 30, {
      width: BODY_W / 2,
      lineBreak: false,
    });
    const chapter = chapterOfPage[i + 1];
    if (chapter)
      doc.text(pdfSafe(chapter), M.left + BODY_W / 2, 30, {
        width: BODY_W / 2,
        align: 'right',
        lineBreak: false,
      });
    doc.text(String(i + 1), M.left, PAGE.height - 40, { width: BODY_W, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}
