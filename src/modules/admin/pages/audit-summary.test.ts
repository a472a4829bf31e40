import { describe, expect, it } from 'vitest';
import { summaryText } from './audit.page.js';

describe('the audit page summary (issue #17 item 9)', () => {
  it('reads as key: value pairs and never shows {}', () => {
    expect(summaryText({})).toBe('—');
    expect(summaryText('{}')).toBe('—');
    expect(summaryText(null)).toBe('—');
    expect(summaryText({ year: 2025, note: '', title: 'Daftar Data' })).toBe(
      'year: 2025 · title: Daftar Data',
    );
    expect(summaryText({ ids: [1, 2] })).toBe('ids: [1,2]');
  });
});
