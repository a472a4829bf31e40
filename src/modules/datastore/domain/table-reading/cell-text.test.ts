import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isDateFormat } from './cell-text.js';
import { readXlsx } from './read-xlsx.js';

describe(isDateFormat.name, () => {
  it.each(['dd/mm/yyyy', 'd mmmm yyyy', 'mmm-yy', '[$-421]dd mmmm yyyy', 'h:mm', 'yyyy-mm-dd hh:mm:ss'])(
    'takes %j for a date or time format',
    (format) => {
      expect(isDateFormat(format)).toBe(true);
    },
  );

  it.each(['General', '0.00', '#,##0', '0.0%', '"Rp"#,##0', '[Red]#,##0', '_-* #,##0_-', '@', undefined])(
    'takes %j for a number or text format',
    (format) => {
      expect(isDateFormat(format)).toBe(false);
    },
  );
});

describe('XLSX cell values as text', () => {
  it('gives formulas their result, rich text and hyperlinks their text, errors and booleans as Excel shows them', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Data');
    sheet.addRow(['rumus', 'teks', 'tautan', 'galat', 'logika', 'tanggal rumus', 'kecil', 'waktu']);
    sheet.addRow([
      { formula: '1+1', result: 2 },
      { richText: [{ text: 'Magetan ' }, { text: 'Kota', font: { bold: true } }] },
      { text: 'portal', hyperlink: 'https://data.magetan.go.id' },
      { error: '#N/A' },
      true,
      { formula: 'DATE(2024,12,31)', result: 45657 },
      0.1 + 0.2,
      new Date(Date.UTC(2024, 11, 31, 8, 30)),
    ]);
    sheet.getCell('F2').numFmt = 'dd/mm/yyyy';
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const reading = await readXlsx(Readable.from([bytes]));
    const rows = [];
    for await (const row of reading.rows) rows.push(row.cells);
    expect(rows).toEqual([
      ['2', 'Magetan Kota', 'portal', '#N/A', 'TRUE', '2024-12-31', '0,3', '2024-12-31T08:30:00'],
    ]);
  });
});
