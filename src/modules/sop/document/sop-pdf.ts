import PDFDocument from 'pdfkit';
import type { WorkflowDefinition } from '../../workflows/index.js';
import { drawIdentitySheet } from './identity-sheet.js';
import { FOOTER, MARGIN, PAGE } from './layout.js';
import { pdfSafe } from './pdf-text.js';
import { identityOf } from './procedure-model.js';
import { drawProcedureTable, type RowBand } from './procedure-table.js';

export interface SopDocument {
  pdf: Buffer;
  /** Where each step's row was drawn (tests read the PDF back by these bands). */
  rows: RowBand[];
}

/**
 * The SOP document of a stored definition in the government's standard format (PermenPAN-RB
 * 35/2012, the format of the seed SOPs): the identity sheet, then the procedure table with its
 * flowchart. Made from the definition the region runs, so what is signed is what runs.
 */
export async function renderSopDocument(def: WorkflowDefinition): Promise<SopDocument> {
  const identity = identityOf(def);
  const doc = new PDFDocument({
    size: PAGE.size,
    layout: PAGE.layout,
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: 10 },
    bufferPages: true,
    info: {
      Title: pdfSafe(`SOP ${identity.name}`),
      Subject: pdfSafe(`${identity.number ?? ''} ${def.key} v${def.version}`.trim()),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  drawIdentitySheet(doc, identity);
  const rows = drawProcedureTable(doc, def, doc.bufferedPageRange().count);
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    doc.font('Helvetica').fontSize(6).fillColor('#000');
    doc.text(
      pdfSafe(`${def.key} versi ${def.version} - halaman ${i + 1} dari ${count}`),
      MARGIN,
      PAGE.height - MARGIN - FOOTER + 8,
      { width: PAGE.width - 2 * MARGIN, align: 'right', lineBreak: false },
    );
  }
  doc.end();
  return { pdf: await done, rows };
}
