import { Resvg } from '@resvg/resvg-js';

/** What a preview card shows: a kicker (site), the title, a line below (agency, format…), an optional series. */
export interface PreviewCard {
  site: string;
  title: string;
  subtitle: string;
  /** Values of a series drawn as a small line chart (a key indicator, a chart's data). */
  series?: number[];
}

function xml(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Break a title into at most `lines` lines of about `width` characters, the last cut with "…". */
export function wrapTitle(title: string, width = 34, lines = 3): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of title.split(/\s+/).filter(Boolean)) {
    if (line && `${line} ${word}`.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  if (out.length > lines) {
    const kept = out.slice(0, lines);
    kept[lines - 1] = `${(kept[lines - 1] ?? '').slice(0, width - 1)}…`;
    return kept;
  }
  return out;
}

function seriesPath(values: number[]): string {
  if (values.length < 2) return '';
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  const step = 1040 / (values.length - 1);
  return values
    .map((v, i) => `${(80 + i * step).toFixed(1)},${(560 - ((v - min) / span) * 80).toFixed(1)}`)
    .join(' ');
}

/** The card as SVG, 1200×630 (the size Open Graph and Twitter show large). */
export function previewSvg(card: PreviewCard): string {
  const lines = wrapTitle(card.title);
  const title = lines
    .map((l, i) => `<text x="80" y="${250 + i * 72}" font-size="60" font-weight="bold">${xml(l)}</text>`)
    .join('');
  const path = seriesPath(card.series ?? []);
  const chart = path
    ? `<polyline points="${path}" fill="none" stroke="#0b6e4f" stroke-width="6" stroke-linejoin="round"/>`
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif">
<rect width="1200" height="630" fill="#f7f9f8"/>
<rect width="1200" height="16" fill="#0b6e4f"/>
<text x="80" y="130" font-size="34" fill="#0b6e4f">${xml(card.site)}</text>
<g fill="#1a1a1a">${title}</g>
<text x="80" y="${250 + lines.length * 72 + 20}" font-size="32" fill="#444">${xml(card.subtitle)}</text>
${chart}
</svg>`;
}

/** Render a preview card to PNG with resvg (system fonts; no browser, no network). */
export function renderPreviewPng(card: PreviewCard): Buffer {
  const resvg = new Resvg(previewSvg(card), {
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'width', value: 1200 },
  });
  return resvg.render().asPng();
}
