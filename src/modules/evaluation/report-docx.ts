import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { barChartPng } from './chart.js';
import { barChartInput, type ReportModel, type ReportTable } from './report-model.js';

/** Width of a chart on the page (points of an A4 page's text column). */
const CHART_WIDTH = 600;

/** The same report as an editable Word document (docx), to be signed after the leader approves. */
export async function renderReportDocx(m: ReportModel): Promise<Buffer> {
  const table = (t: ReportTable) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          tableHeader: true,
          children: t.columns.map(
            (c) =>
              new TableCell({
                shading: { type: ShadingType.CLEAR, fill: 'DDE7F0', color: 'auto' },
                children: [new Paragraph({ children: [new TextRun({ text: c, bold: true })] })],
              }),
          ),
        }),
        ...t.rows.map(
          (r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) }),
        ),
      ],
    });
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun(m.title)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: m.subtitle, italics: true })],
    }),
  ];
  for (const s of m.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(s.heading)] }));
    for (const p of s.paragraphs) children.push(new Paragraph(p));
    if (s.table?.rows.length) children.push(table(s.table));
    if (s.bars?.length) {
      // The bars as a real chart image (echarts → SVG → PNG), the table above carries the numbers.
      const chart = barChartPng(barChartInput(s));
      children.push(
        new Paragraph({
          children: [
            new ImageRun({
              type: 'png',
              data: chart.png,
              transformation: {
                width: CHART_WIDTH,
                height: Math.round((CHART_WIDTH * chart.height) / chart.width),
              },
              altText: { title: s.heading, description: s.heading, name: s.heading },
            }),
          ],
        }),
      );
    }
  }
  children.push(
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Persetujuan / Approval')] }),
    new Paragraph(m.approval.line),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 800 },
      children: [new TextRun(m.approval.signer)],
    }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('(____________________)')] }),
  );
  const doc = new Document({ title: m.title, sections: [{ children }] });
  return Packer.toBuffer(doc);
}
