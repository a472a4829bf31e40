/**
 * An infographic composed on a template from saved charts' SVGs (ECharts SSR): a title band,
 * the narrative, the charts and a footer with their sources. Pure and deterministic: the same
 * charts and words give the same bytes (ids inside each chart are renamed by its position, so
 * neither the order charts were rendered in nor another chart's ids leak in).
 */
export const INFOGRAPHIC_TEMPLATES = ['portrait', 'landscape'] as const;
export type InfographicTemplate = (typeof INFOGRAPHIC_TEMPLATES)[number];

export interface InfographicChart {
  /** The chart's standalone SVG (chartSvg). */
  svg: string;
  title: string;
  source?: string | undefined;
  /** Its text alternative (describeChart). */
  description: string;
}

export interface InfographicInput {
  title: string;
  narrative: string;
  /** Who publishes it, printed in the footer ("Pemerintah Kabupaten Magetan"). */
  publisher: string;
  /** Where it lives (printed in the footer). */
  url: string;
  charts: InfographicChart[];
  template: InfographicTemplate;
}

const FONT = 'DejaVu Sans, Arial, sans-serif';
const INK = '#111111';
const BAND = '#08306B';
const MARGIN = 40;

const escapeXml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

/** Greedy word wrap by an average glyph width (DejaVu Sans is about 0.56 em wide, bold 0.66). */
export function wrapText(text: string, width: number, fontSize: number, maxLines = 12, em = 0.56): string[] {
  const perLine = Math.max(8, Math.floor(width / (fontSize * em)));
  const lines: string[] = [];
  for (const paragraph of text.split(/\n+/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > perLine) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
  }
  if (lines.length <= maxLines) return lines;
  return [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1]?.slice(0, perLine - 1)}…`];
}

function textBlock(lines: string[], x: number, y: number, size: number, fill: string, weight = 'normal') {
  return lines
    .map(
      (l, i) =>
        `<text x="${x}" y="${y + i * Math.round(size * 1.35)}" font-family="${FONT}" font-size="${size}" font-weight="${weight}" fill="${fill}">${escapeXml(l)}</text>`,
    )
    .join('');
}

/** One chart placed at (x, y) scaled to `width`: its outer <svg> replaced, its ids made unique. */
function placeChart(chart: InfographicChart, index: number, x: number, y: number, width: number) {
  const open = /^<svg\b[^>]*>/.exec(chart.svg)?.[0] ?? '<svg>';
  const vb = /viewBox="([\d.\s]+)"/.exec(open)?.[1] ?? '0 0 800 450';
  const [, , w = 800, h = 450] = vb.split(/\s+/).map(Number);
  const height = Math.round((width * h) / w);
  const inner = chart.svg
    .slice(open.length)
    .replace(/<\/svg>\s*$/, '')
    .replace(/zr\d+-/g, `ig${index}-`)
    .replace(/\bid="(title|desc)-[^"]*"/g, '');
  return {
    height,
    svg: `<svg x="${x}" y="${y}" width="${width}" height="${height}" viewBox="${vb}">${inner}</svg>`,
  };
}

/** The infographic as one SVG with its own title and description (the charts' text alternatives). */
export function infographicSvg(input: InfographicInput): string {
  const landscape = input.template === 'landscape';
  const width = landscape ? 1920 : 1080;
  const inner = width - 2 * MARGIN;
  const titleLines = wrapText(input.title, inner, 44, 3, 0.66);
  const bandHeight = 48 + titleLines.length * 59;
  const narrative = wrapText(input.narrative, inner, 24, landscape ? 6 : 10);
  let y = bandHeight + 44;
  const parts = [
    `<rect width="${width}" height="${bandHeight}" fill="${BAND}"/>`,
    textBlock(titleLines, MARGIN, 78, 44, '#ffffff', 'bold'),
    textBlock(narrative, MARGIN, y, 24, INK),
  ];
  y += narrative.length * 32 + (narrative.length ? 16 : 0);
  const columns = landscape && input.charts.length > 1 ? 2 : 1;
  const gap = 32;
  const chartWidth = Math.floor((inner - (columns - 1) * gap) / columns);
  let rowHeight = 0;
  input.charts.forEach((c, i) => {
    const col = i % columns;
    if (col === 0 && i > 0) {
      y += rowHeight + gap;
      rowHeight = 0;
    }
    const placed = placeChart(c, i, MARGIN + col * (chartWidth + gap), y, chartWidth);
    parts.push(
      `<rect x="${MARGIN + col * (chartWidth + gap)}" y="${y}" width="${chartWidth}" height="${placed.height}" fill="#ffffff" stroke="#d0d7de"/>`,
      placed.svg,
    );
    rowHeight = Math.max(rowHeight, placed.height);
  });
  y += rowHeight + 48;
  const sources = [...new Set(input.charts.map((c) => c.source).filter((s): s is string => Boolean(s)))];
  const footer = [
    ...(sources.length ? wrapText(`Sumber / Source: ${sources.join('; ')}`, inner, 18, 3) : []),
    `${input.publisher} · ${input.url}`,
  ];
  parts.push(
    `<line x1="${MARGIN}" y1="${y - 28}" x2="${width - MARGIN}" y2="${y - 28}" stroke="${BAND}" stroke-width="2"/>`,
    textBlock(footer, MARGIN, y, 18, '#333333'),
  );
  const height = y + footer.length * 24 + MARGIN;
  const desc = [input.narrative, ...input.charts.map((c) => c.description)].filter(Boolean).join(' ');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="ig-title ig-desc">`,
    `<title id="ig-title">${escapeXml(input.title)}</title><desc id="ig-desc">${escapeXml(desc)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#f7f9fc"/>`,
    ...parts,
    '</svg>',
  ].join('');
}
