/**
 * Which of `,` `;` tab `|` separates the fields of a CSV file. Indonesian Excel writes `;`
 * because the comma is its decimal mark, so a comma-separated guess would also "work" on such
 * a file (splitting `12,5` into two fields); the choice is therefore made on consistency:
 * the delimiter under which most lines have the same, largest number of fields.
 */
import Papa from 'papaparse';

export type Delimiter = ',' | ';' | '\t' | '|';

export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

const SAMPLE_ROWS = 200;

/** Score of one delimiter: rows sharing the modal field count × (that count − 1). */
function scoreDelimiter(sample: string, delimiter: Delimiter): number {
  const { data } = Papa.parse<string[]>(sample, { delimiter, preview: SAMPLE_ROWS, skipEmptyLines: true });
  const frequency = new Map<number, number>();
  for (const row of data) {
    if (row.length > 1) frequency.set(row.length, (frequency.get(row.length) ?? 0) + 1);
  }
  let best = 0;
  for (const [fields, rows] of frequency) best = Math.max(best, rows * (fields - 1));
  return best;
}

/**
 * Picks the delimiter for a sample of the file's text (its first few kilobytes; a cut last
 * line is dropped). Title rows above the table have one field under any delimiter, so they do
 * not vote. A file with one column has no delimiter to find; it gets `,`.
 */
export function detectDelimiter(sample: string): Delimiter {
  const lastNewline = sample.lastIndexOf('\n');
  const whole = lastNewline > 0 ? sample.slice(0, lastNewline) : sample;
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const score = scoreDelimiter(whole, delimiter);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}
