/**
 * Page and column geometry of the SOP document (points; pdfkit's origin is the top left, as
 * pdftotext's bounding boxes are, so tests can find each cell's words by position).
 * A4 landscape, the paper most regions print SOPs on (F4 is a setting away: PAGE).
 */
export const PAGE = { size: 'A4' as const, layout: 'landscape' as const, width: 841.89, height: 595.28 };
export const MARGIN = 28;
export const FOOTER = 18;
export const FONT = { body: 7, head: 7, title: 10 };
export const PAD = 3;
export const MIN_ROW = 40;

/** Fixed columns; the executor columns share what is left. */
const FIXED = { no: 24, text: 168, requirements: 112, time: 46, output: 112, notes: 86 };

export interface Columns {
  no: { x: number; w: number };
  text: { x: number; w: number };
  executors: { x: number; w: number }[];
  requirements: { x: number; w: number };
  time: { x: number; w: number };
  output: { x: number; w: number };
  notes: { x: number; w: number };
  right: number;
}

export function columnsFor(executorCount: number): Columns {
  const usable = PAGE.width - 2 * MARGIN;
  const fixed = Object.values(FIXED).reduce((a, b) => a + b, 0);
  const ew = (usable - fixed) / Math.max(1, executorCount);
  let x = MARGIN;
  const take = (w: number) => {
    const c = { x, w };
    x += w;
    return c;
  };
  const no = take(FIXED.no);
  const text = take(FIXED.text);
  const executors = Array.from({ length: Math.max(1, executorCount) }, () => take(ew));
  const requirements = take(FIXED.requirements);
  const time = take(FIXED.time);
  const output = take(FIXED.output);
  const notes = take(FIXED.notes);
  return { no, text, executors, requirements, time, output, notes, right: x };
}
