import type { Shape } from './procedure-model.js';

/**
 * The flowchart symbols of PermenPAN-RB 35/2012 drawn in an executor's cell: terminator
 * (rounded rectangle, start and end), process (rectangle), decision (diamond), the arrows
 * between consecutive steps, and the off-page connector (a pentagon pointing down) where the
 * table breaks across pages.
 */
type Doc = PDFKit.PDFDocument;

export interface Box {
  cx: number;
  top: number;
  bottom: number;
}

export function shapeSize(shape: Shape, columnWidth: number): { w: number; h: number } {
  const w = Math.min(columnWidth - 8, shape === 'decision' ? 34 : 44);
  return { w, h: shape === 'decision' ? 22 : 16 };
}

/** Draw `shape` centred at (cx, cy); returns its top and bottom for the connectors. */
export function drawShape(doc: Doc, shape: Shape, cx: number, cy: number, columnWidth: number): Box {
  const { w, h } = shapeSize(shape, columnWidth);
  const x = cx - w / 2;
  const y = cy - h / 2;
  doc.lineWidth(0.8).strokeColor('#000');
  if (shape === 'terminator') doc.roundedRect(x, y, w, h, h / 2).stroke();
  else if (shape === 'process') doc.rect(x, y, w, h).stroke();
  else doc.polygon([cx, y], [x + w, cy], [cx, y + h], [x, cy]).stroke();
  return { cx, top: y, bottom: y + h };
}

function arrowHead(doc: Doc, x: number, y: number): void {
  doc.polygon([x - 2.5, y - 4], [x + 2.5, y - 4], [x, y]).fill('#000');
}

/**
 * An arrow from the bottom of one shape to the top of the next: straight down in one column,
 * else down to `elbowY` (the row boundary), across, and down.
 */
export function drawConnector(doc: Doc, from: Box, to: Box, elbowY: number): void {
  doc.lineWidth(0.6).strokeColor('#000');
  if (Math.abs(from.cx - to.cx) < 0.5) {
    doc.moveTo(from.cx, from.bottom).lineTo(to.cx, to.top).stroke();
  } else {
    doc
      .moveTo(from.cx, from.bottom)
      .lineTo(from.cx, elbowY)
      .lineTo(to.cx, elbowY)
      .lineTo(to.cx, to.top)
      .stroke();
  }
  arrowHead(doc, to.cx, to.top);
}

/** An off-page connector labelled `label` whose top is at `top`; returns its box. */
export function drawOffPage(doc: Doc, cx: number, top: number, label: string): Box {
  const w = 14;
  const h = 14;
  doc
    .lineWidth(0.8)
    .polygon(
      [cx - w / 2, top],
      [cx + w / 2, top],
      [cx + w / 2, top + h * 0.6],
      [cx, top + h],
      [cx - w / 2, top + h * 0.6],
    )
    .stroke();
  doc
    .font('Helvetica')
    .fontSize(6)
    .fillColor('#000')
    .text(label, cx - w / 2, top + 2.5, { width: w, align: 'center' });
  return { cx, top, bottom: top + h };
}
