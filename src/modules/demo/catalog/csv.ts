/** One CSV cell: numbers are written as-is (callers format decimals, with a dot). */
export type Cell = string | number;
export type CsvRow = Record<string, Cell>;

function quote(cell: Cell): string {
  const text = typeof cell === 'number' ? String(cell) : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * RFC 4180 CSV (comma, CRLF-free: `\n` line ends, trailing newline) with a header row taken from the
 * keys of the first row. Every row must have the same keys in the same order.
 */
export function toCsv(rows: readonly CsvRow[]): string {
  const first = rows[0];
  if (!first) throw new Error('toCsv: no rows');
  const header = Object.keys(first);
  const lines = [header.map(quote).join(',')];
  for (const row of rows) {
    const keys = Object.keys(row);
    if (keys.length !== header.length || keys.some((k, i) => k !== header[i]))
      throw new Error(`toCsv: row keys ${keys.join(',')} differ from header ${header.join(',')}`);
    lines.push(header.map((k) => quote(row[k] ?? '')).join(','));
  }
  return `${lines.join('\n')}\n`;
}
