import type { WorkflowDefinition } from '../../workflows/index.js';
import { type Box, drawConnector, drawOffPage, drawShape } from './flowchart.js';
import { type Columns, columnsFor, FONT, FOOTER, MARGIN, MIN_ROW, PAD, PAGE } from './layout.js';
import { pdfSafe } from './pdf-text.js';
import { identityOf, type ProcedureRow, procedureModel } from './procedure-model.js';

type Doc = PDFKit.PDFDocument;

/** Where a step's row was drawn: its page (0-based) and vertical extent. */
export interface RowBand {
  stepId: string;
  no: string;
  page: number;
  top: number;
  bottom: number;
}

const BOTTOM = PAGE.height - MARGIN - FOOTER - 18;
const STRIP = 22;

const list = (items: string[]) => (items.length > 1 ? items.map((i) => `- ${i}`) : items).join('\n');

function cellTexts(row: ProcedureRow, c: Columns): [string, { x: number; w: number }][] {
  return [
    [row.no, c.no],
    [row.text, c.text],
    [list(row.requirements), c.requirements],
    [row.time, c.time],
    [list(row.outputs), c.output],
    [row.notes.join('\n'), c.notes],
  ];
}

function textHeight(doc: Doc, text: string, w: number): number {
  return text ? doc.heightOfString(pdfSafe(text), { width: w - 2 * PAD }) : 0;
}

function cell(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  w: number,
  h: number,
  opts: PDFKit.Mixins.TextOptions = {},
) {
  doc.lineWidth(0.5).strokeColor('#000').rect(x, y, w, h).stroke();
  if (text) doc.fillColor('#000').text(pdfSafe(text), x + PAD, y + PAD, { width: w - 2 * PAD, ...opts });
}

/** The two header rows; returns their bottom. */
function drawHeader(doc: Doc, c: Columns, executors: string[], y: number): number {
  doc.font('Helvetica-Bold').fontSize(FONT.head - 0.5);
  const eh = Math.max(14, ...executors.map((e, i) => textHeight(doc, e, c.executors[i]?.w ?? 40) + 2 * PAD));
  const top = 14;
  const all = top + eh;
  const center = { align: 'center' as const };
  cell(doc, 'No', c.no.x, y, c.no.w, all, center);
  cell(doc, 'Uraian Prosedur', c.text.x, y, c.text.w, all, center);
  const ex = c.executors[0]?.x ?? c.text.x + c.text.w;
  cell(doc, 'Pelaksana', ex, y, c.requirements.x - ex, top, center);
  executors.forEach((e, i) => {
    const col = c.executors[i];
    if (col) cell(doc, e, col.x, y + top, col.w, eh, center);
  });
  cell(doc, 'Mutu Baku', c.requirements.x, y, c.notes.x - c.requirements.x, top, center);
  cell(doc, 'Kelengkapan', c.requirements.x, y + top, c.requirements.w, eh, center);
  cell(doc, 'Waktu', c.time.x, y + top, c.time.w, eh, center);
  cell(doc, 'Output', c.output.x, y + top, c.output.w, eh, center);
  cell(doc, 'Keterangan', c.notes.x, y, c.notes.w, all, center);
  return y + all;
}

/**
 * Draw the procedure table of `def` from a new page on, breaking pages between rows with
 * off-page connectors (A, B, …) where the flow continues. Returns each row's band.
 */
export function drawProcedureTable(doc: Doc, def: WorkflowDefinition, firstPage: number): RowBand[] {
  const model = procedureModel(def);
  const c = columnsFor(model.executors.length);
  const name = identityOf(def).name;
  const bands: RowBand[] = [];
  let page = firstPage - 1;
  let y = 0;
  const newPage = () => {
    doc.addPage({
      size: PAGE.size,
      layout: PAGE.layout,
      margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: 10 },
    });
    page++;
    doc.font('Helvetica-Bold').fontSize(FONT.title).fillColor('#000');
    doc.text(pdfSafe(`Judul SOP: ${name}`), MARGIN, MARGIN, { width: PAGE.width - 2 * MARGIN });
    y = drawHeader(doc, c, model.executors, doc.y + 4);
  };
  newPage();
  let prev: Box | null = null;
  let connector = 0;
  model.rows.forEach((row, i) => {
    doc.font('Helvetica').fontSize(FONT.body);
    const h = Math.max(MIN_ROW, ...cellTexts(row, c).map(([t, col]) => textHeight(doc, t, col.w) + 2 * PAD));
    const col = c.executors[row.column] ?? c.executors[0] ?? c.text;
    const cx = col.x + col.w / 2;
    const linked = i > 0 && model.rows[i - 1]?.flowsToNext === true;
    if (y + h > BOTTOM) {
      const label = String.fromCharCode(65 + (connector % 26));
      if (linked && prev) drawConnector(doc, prev, drawOffPage(doc, prev.cx, y + 4, label), y + 2);
      newPage();
      if (linked) {
        doc
          .lineWidth(0.5)
          .moveTo(MARGIN, y)
          .lineTo(MARGIN, y + STRIP)
          .stroke();
        doc
          .moveTo(c.right, y)
          .lineTo(c.right, y + STRIP)
          .stroke();
        prev = drawOffPage(doc, cx, y + 3, label);
        y += STRIP;
        connector++;
      } else {
        prev = null;
      }
    }
    doc.font('Helvetica').fontSize(FONT.body);
    for (const [t, cc] of cellTexts(row, c)) cell(doc, t, cc.x, y, cc.w, h);
    for (const e of c.executors) doc.lineWidth(0.5).rect(e.x, y, e.w, h).stroke();
    const box = drawShape(doc, row.shape, cx, y + h / 2, col.w);
    if (row.shape === 'terminator') {
      const label = i === 0 ? 'Mulai' : 'Selesai';
      doc
        .font('Helvetica')
        .fontSize(5)
        .text(label, cx - 20, y + h / 2 - 2, { width: 40, align: 'center' });
    }
    if (linked && prev) drawConnector(doc, prev, box, y + 3);
    bands.push({ stepId: row.stepId, no: row.no, page, top: y, bottom: y + h });
    prev = box;
    y += h;
  });
  drawLegend(doc, y + 6);
  return bands;
}

function drawLegend(doc: Doc, y: number): void {
  if (y > BOTTOM) return;
  doc.font('Helvetica').fontSize(6).fillColor('#000');
  doc.text(
    'Simbol: persegi bersudut bulat = mulai/selesai; persegi = proses; belah ketupat = keputusan; segi lima = penghubung antarhalaman.',
    MARGIN,
    y,
    { width: PAGE.width - 2 * MARGIN },
  );
}
