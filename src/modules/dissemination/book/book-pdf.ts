import PDFDocument from 'pdfkit';
import { BODY_W, BOTTOM, drawQr, drawTable, M, PAGE, pdfSafe } from './book-pdf-layout.js';
import type { BookContent } from './book-spec.js';

/**
 * The data book as PDF, typeset with pdfkit (already the SOP documents' engine): it places every
 * line itself, so a table that runs past the page foot continues on the next page under a repeated
 * header, running heads and page numbers are written on each page after the body is laid out
 * (bufferPages), and the table of contents gets the real page numbers. Deterministic: the
 * standard Helvetica (no embedded font subset), a fixed creation date and a file ID derived from
 * the content hash, so the same edition gives the same bytes.
 */

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
