/**
 * The module rules of .dependency-cruiser.cjs (run by `npm run lint`) hold for src/, and each
 * rule really fails when broken: a small tree with one deliberate violation per rule is cruised
 * with the same rules.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type IForbiddenRuleType } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const config = createRequire(import.meta.url)(path.join(ROOT, '.dependency-cruiser.cjs')) as {
  forbidden: IForbiddenRuleType[];
};

async function violations(baseDir: string): Promise<{ rule: string; from: string; to: string }[]> {
  {
    const result = await cruise(['src'], {
      baseDir,
      validate: true,
      ruleSet: { forbidden: config.forbidden },
      doNotFollow: { path: 'node_modules' },
      exclude: { path: '\\.test\\.tsx?$' },
      tsPreCompilationDeps: true,
      tsConfig: { fileName: path.join(ROOT, 'tsconfig.json') },
    });
    if (typeof result.output === 'string') throw new Error(result.output);
    return result.output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
  }
}

/** One deliberately broken import per rule, in a throwaway tree shaped like src/. */
const BROKEN: Record<string, Record<string, string>> = {
  'kernel-imports-no-module': {
    'src/kernel/http/x.ts': "import { a } from '../../modules/catalog/index.js';\nexport const x = a;",
    'src/modules/catalog/index.ts': 'export const a = 1;',
  },
  'module-order-catalog': {
    'src/modules/catalog/x.ts': "import { b } from '../metadata/index.js';\nexport const x = b;",
    'src/modules/metadata/index.ts': 'export const b = 1;',
  },
  'no-module-cycle': {
    'src/modules/catalog/index.ts': "import { b } from '../datastore/index.js';\nexport const a = b;",
    'src/modules/datastore/index.ts': "import { a } from '../catalog/index.js';\nexport const b = () => a;",
  },
  'modules-meet-through-index': {
    'src/modules/datastore/x.ts':
      "import { a } from '../catalog/dataset.repository.js';\nexport const x = a;",
    'src/modules/catalog/dataset.repository.ts': 'export const a = 1;',
  },
  'wiring-meets-modules-through-index': {
    'src/main.ts': "import { a } from './modules/catalog/dataset.repository.js';\nexport const x = a;",
    'src/modules/catalog/dataset.repository.ts': 'export const a = 1;',
  },
  'domain-is-pure': {
    'src/modules/catalog/domain/x.ts': "import { a } from '../dataset.repository.js';\nexport const x = a;",
    'src/modules/catalog/dataset.repository.ts': 'export const a = 1;',
  },
  'pages-get-view-models': {
    'src/modules/catalog/pages/x.page.tsx':
      "import type { Kysely } from 'kysely';\nexport type X = Kysely<object>;",
  },
  'pages-call-no-repository': {
    'src/modules/catalog/pages/x.page.tsx':
      "import { a } from '../dataset.repository.js';\nexport const x = a;",
    'src/modules/catalog/dataset.repository.ts': 'export const a = 1;',
  },
  'sql-only-in-repositories': {
    'src/modules/catalog/x.ts': "import { sql } from 'kysely';\nexport const x = sql`select 1`;",
  },
};

describe('module rules (dependency-cruiser)', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'module-rules-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('finds no violation in src/', async () => {
    expect(await violations(ROOT)).toEqual([]);
  }, 120_000);

  it('has a broken example for every rule', () => {
    const ruleNames = config.forbidden
      .map((r) => r.name)
      .filter((n) => !n?.startsWith('module-order-') || n === 'module-order-catalog');
    expect(Object.keys(BROKEN).sort()).toEqual([...ruleNames].sort());
  });

  for (const [rule, files] of Object.entries(BROKEN)) {
    it(`reports ${rule} when it is broken`, async () => {
      const dir = path.join(tmp, rule);
      for (const [file, text] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
        await writeFile(path.join(dir, file), text);
      }
      await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
      const found = await violations(dir);
      expect(found.map((v) => v.rule)).toContain(rule);
    }, 60_000);
  }
});
