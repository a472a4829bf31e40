import PDFDocument from 'pdfkit';
import { barChartPng } from './chart.js';
import { barChartInput, type ReportModel, type ReportTable } from './report-model.js';

/** pdfkit's Helvetica is WinAnsi: dashes and quotes become ASCII, anything else '?'. */
const safe = (s: string) =>
  s
    .replace(/[—–]/g, '-')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[^\x20-\x7e\u00a0-\u00ff\n]/g, '?');

const MARGIN = 50;

/** The report as an A4 PDF: headings, paragraphs, tables and bar charts, then the signature block. */
export async function renderReportPdf(m: ReportModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: safe(m.title) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;
  const ensure = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };

  doc.font('Helvetica-Bold').fontSize(15).text(safe(m.title), { align: 'center' });
  doc
    .moveDown(0.3)
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#444')
    .text(safe(m.subtitle), { align: 'center' });
  doc.fillColor('#000').moveDown(1);

  const table = (t: ReportTable) => {
    const colW = width / t.columns.length;
    const rowOf = (cells: string[], bold: boolean) => {
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
      const h = Math.max(...cells.map((c) => doc.heightOfString(safe(c), { width: colW - 6 }))) + 6;
      ensure(h);
      const y = doc.y;
      cells.forEach((c, i) => {
        doc.rect(MARGIN + i * colW, y, colW, h).stroke('#888');
        doc.fillColor('#000').text(safe(c), MARGIN + i * colW + 3, y + 3, { width: colW - 6 });
      });
      doc.x = MARGIN;
      doc.y = y + h;
    };
    rowOf(t.columns, true);
    for (const r of t.rows) rowOf(r, false);
    doc.moveDown(0.8);
  };

  for (const s of m.sections) {
    ensure(60);
    doc.font('Helvetica-Bold').fontSize(12).fillColor('#1f5f8b').text(safe(s.heading), MARGIN, doc.y);
    doc.fillColor('#000').moveDown(0.3);
    for (const p of s.paragraphs) doc.font('Helvetica').fontSize(10).text(safe(p), { width }).moveDown(0.3);
    if (s.table?.rows.length) table(s.table);
    if (s.bars?.length) {
      // The bars as a real chart image (echarts → SVG → PNG), as wide as the text column.
      const chart = barChartPng(barChartInput(s));
      const h = (width * chart.height) / chart.width;
      ensure(h + 10);
      doc.image(chart.png, MARGIN, doc.y, { width, height: h });
      doc.x = MARGIN;
      doc.y += h;
      doc.moveDown(0.8);
    }
  }
  ensure(120);
  doc
    .font('Helvetica-Bold')
    .fontSize(12)
    .fillColor('#1f5f8b')
    .text(safe('Persetujuan / Approval'), MARGIN, doc.y);
  doc.fillColor('#000').font('Helvetica').fontSize(10).moveDown(0.3).text(safe(m.approval.line));
  doc.moveDown(3).text(safe(m.approval.signer), { align: 'right' });
  doc.moveDown(0.2).text('(____________________)', { align: 'right' });
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    doc
      .font('Helvetica')
      .fontSize(7)
      .text(`${i + 1} / ${count}`, MARGIN, doc.page.height - MARGIN + 15, {
        width,
        align: 'right',
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}
