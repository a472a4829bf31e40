import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ReportModel, ReportTable } from './report-model.js';

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
    if (s.bars?.length)
      children.push(
        ...s.bars.map(
          (b) =>
            new Paragraph({
              children: [
                new TextRun(`${b.label}  `),
                new TextRun({
                  text: '█'.repeat(Math.round(Math.max(0, Math.min(1, b.value)) * 30)),
                  color: '1F5F8B',
                }),
                new TextRun(`  ${b.text}`),
              ],
            }),
        ),
      );
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
