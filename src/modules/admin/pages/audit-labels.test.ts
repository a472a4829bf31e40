import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionLabel, knownNoun, subjectTypeLabel } from './audit-labels.js';

/** Every `action: '…'` and `subjectType: '…'` the code writes to the audit log, read from the source. */
function audited(): { actions: Set<string>; types: Set<string> } {
  const actions = new Set<string>();
  const types = new Set<string>();
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = path.join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(f) && !f.includes('.test.')) {
        const src = readFileSync(p, 'utf8');
        for (const m of src.matchAll(/\baction: '([a-z_]+)'/g)) actions.add(m[1] as string);
        for (const m of src.matchAll(/\bsubjectType: '([a-z_]+)'/g)) types.add(m[1] as string);
      }
    }
  };
  walk(path.resolve('src'));
  return { actions, types };
}

describe('audit log words (issue #17 item 9)', () => {
  it('reads action names as what was done, in both languages', () => {
    expect(actionLabel('package_update', 'id')).toBe('Ubah dataset');
    expect(actionLabel('package_update', 'en')).toBe('Update dataset');
    expect(actionLabel('forum_minutes_record', 'id')).toBe('Catat notulensi forum');
    expect(actionLabel('data_request_purge_personal', 'en')).toBe("Purge requesters' personal data");
    expect(actionLabel('something_new_here', 'id')).toBe('something new here');
    expect(subjectTypeLabel('data_list_item', 'id')).toBe('baris daftar data');
  });

  it('has words for every action and subject type the code audits', () => {
    const { actions, types } = audited();
    expect(actions.size).toBeGreaterThan(50);
    const unread = [...actions].filter((a) => actionLabel(a, 'id') === a.replace(/_/g, ' '));
    expect(unread).toEqual([]);
    expect([...types].filter((t) => !knownNoun(t))).toEqual([]);
  });
});
