/**
 * The PDF uses pdfkit's standard Helvetica, whose encoding is WinAnsi: typographic quotes,
 * dashes and arrows outside it are written as their ASCII look-alikes, anything else as '?'.
 * Indonesian text is Latin, so what an SOP says survives unchanged.
 */
const REPLACEMENTS: Record<string, string> = {
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '–': '-',
  '—': '-',
  '…': '...',
  '→': '->',
  '≥': '>=',
  '≤': '<=',
};

export function pdfSafe(text: string): string {
  return text.replace(/[^\x20-\x7e\u00a0-\u00ff\n]/g, (c) => REPLACEMENTS[c] ?? '?');
}
