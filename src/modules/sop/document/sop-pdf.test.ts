import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WORKFLOW_PRESETS } from '../../workflows/domain/presets/index.js';
import type { WorkflowDefinition } from '../../workflows/index.js';
import { columnsFor } from './layout.js';
import { pdfSafe } from './pdf-text.js';
import { identityOf, procedureModel } from './procedure-model.js';
import { renderSopDocument } from './sop-pdf.js';

/**
 * Each preset's SOP document read back with poppler (pdftotext, pdftoppm): every row of its
 * procedure table carries the step's number, text, time and output, in the definition's order,
 * and page 1 renders to an image with real content.
 */
const POPPLER = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm');
if (!POPPLER) console.warn('Skipping SOP PDF read-back: install poppler-utils (pdftotext, pdftoppm)');
const dir = mkdtempSync(path.join(tmpdir(), 'sop-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Word {
  page: number;
  x: number;
  y: number;
  text: string;
}

/** pdftotext -bbox: every word with its page and top-left corner. */
function wordsOf(file: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const words: Word[] = [];
  html
    .split('<page ')
    .slice(1)
    .forEach((pageHtml, page) => {
      for (const m of pageHtml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)) {
        const text = (m[3] ?? '')
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'");
        words.push({ page, x: Number(m[1]), y: Number(m[2]), text });
      }
    });
  return words;
}

const squeeze = (s: string) =>
  pdfSafe(s)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

async function render(def: WorkflowDefinition) {
  const doc = await renderSopDocument(def);
  const file = path.join(dir, `${def.key}.pdf`);
  writeFileSync(file, doc.pdf);
  return { ...doc, file };
}

describe.skipIf(!POPPLER).each(WORKFLOW_PRESETS.map((p) => [p.key, p] as const))(
  'SOP document of %s',
  (_key, def) => {
    it("its procedure table equals the preset's steps: number, text, time and output, in order", async () => {
      const { rows, file } = await render(def);
      const words = wordsOf(file);
      const model = procedureModel(def);
      const c = columnsFor(model.executors.length);
      const inCell = (band: (typeof rows)[number], col: { x: number; w: number }) =>
        words
          .filter(
            (w) =>
              w.page === band.page &&
              w.y >= band.top &&
              w.y < band.bottom &&
              w.x >= col.x &&
              w.x < col.x + col.w,
          )
          .map((w) => w.text)
          .join(' ');
      expect(rows.map((r) => r.stepId)).toEqual(def.steps.map((s) => s.id));
      let added = 0;
      rows.forEach((band, i) => {
        const step = def.steps[i];
        if (!step) throw new Error('row without step');
        // A step the SOP has no row for (Magetan's fix and review) is numbered +1, +2, …
        expect(inCell(band, c.no)).toBe(step.sopNo ?? `+${++added}`);
        expect(squeeze(inCell(band, c.text))).toBe(squeeze(step.title.id));
        expect(inCell(band, c.time)).toBe(step.duration ?? '-');
        expect(squeeze(inCell(band, c.output))).toBe(squeeze(step.outputs.map((o) => o.title.id).join(' ')));
        expect(squeeze(inCell(band, c.requirements))).toBe(squeeze(step.inputs.map((x) => x.id).join(' ')));
      });
    });

    it("draws one executor column per SOP executor and the identity sheet's number, name and legal basis", async () => {
      const { file } = await render(def);
      expect(procedureModel(def).executors).toEqual(identityOf(def).executors);
      const text = squeeze(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }));
      const identity = identityOf(def);
      expect(text).toContain(squeeze(identity.name));
      if (identity.number) expect(text).toContain(squeeze(identity.number));
      for (const law of identity.legalBasis) expect(text).toContain(squeeze(law));
      for (const e of identity.executors) expect(text).toContain(squeeze(e));
    });

    it('renders page 1 to an image with content', async () => {
      const { file } = await render(def);
      const out = path.join(dir, `${def.key}-p1`);
      execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '40', '-gray', '-singlefile', file, out]);
      const pgm = readFileSync(`${out}.pgm`);
      // P5 header: magic, width, height, maxval, each followed by whitespace.
      const header = pgm
        .subarray(0, 40)
        .toString('latin1')
        .match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
      expect(header).not.toBeNull();
      const pixels = pgm.subarray(header?.[0].length ?? 0);
      const dark = pixels.filter((v) => v < 128).length;
      expect(Number(header?.[1])).toBeGreaterThan(Number(header?.[2])); // landscape
      expect(dark / pixels.length).toBeGreaterThan(0.01);
    });
  },
);
