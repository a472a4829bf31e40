import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACTION_REGISTRY } from '../actions/registry.js';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ROOT = path.resolve(SRC, '..');

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sourceFiles(p)));
    else if (/\.(ts|tsx|mjs)$/.test(entry.name)) out.push(p);
  }
  return out;
}

describe('coding standards', () => {
  it('checks roles only in the policy module, never ad hoc in routes or actions', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles(SRC)) {
      if (file.includes(`${path.sep}kernel${path.sep}access${path.sep}`) || file.endsWith('.test.ts'))
        continue;
      const text = await readFile(file, 'utf8');
      if (/actor\.roles\.(includes|some|every|find|indexOf)\(|role\s*===\s*'/.test(text))
        offenders.push(path.relative(SRC, file));
    }
    expect(offenders).toEqual([]);
  });

  it('reads process.env only in config.ts', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles(SRC)) {
      if (file.endsWith(`${path.sep}config.ts`) || file.endsWith('.test.ts')) continue;
      if ((await readFile(file, 'utf8')).includes('process.env')) offenders.push(path.relative(SRC, file));
    }
    expect(offenders).toEqual([]);
  });

  it('builds SQL only in repositories and the kernel database code', async () => {
    // dependency-cruiser sees imports; a query can also be built on a handle passed in as a
    // parameter, so the calls themselves are looked for here.
    const builder =
      /\.(selectFrom|insertInto|updateTable|deleteFrom|selectNoFrom|mergeInto)\(|(?<![`\w])sql(`|<)/;
    const offenders: string[] = [];
    for (const file of await sourceFiles(SRC)) {
      const rel = path.relative(SRC, file);
      // Test fixtures (`*.fixture.ts`, imported only by the tests beside them) set data up directly.
      if (
        /\.repository\.ts$|\.test\.tsx?$|\.fixture\.ts$/.test(rel) ||
        rel.startsWith(path.join('kernel', 'db'))
      )
        continue;
      const text = await readFile(file, 'utf8');
      if (builder.test(text)) offenders.push(rel);
      // ...and so may only be imported by tests.
      if (!rel.endsWith('.fixture.ts') && /from '[^']*\.fixture\.js'/.test(text))
        offenders.push(`${rel} (imports a fixture)`);
    }
    expect(offenders).toEqual([]);
  });

  it('gives every registered action a name, an input schema, a policy check and a test', async () => {
    const tests = [
      ...(await sourceFiles(SRC)).filter((f) => f.includes('.test.')),
      ...(await sourceFiles(path.join(ROOT, 'test'))).filter((f) => f.includes('.test.')),
    ];
    const testText = (await Promise.all(tests.map((f) => readFile(f, 'utf8')))).join('\n');
    for (const [name, action] of Object.entries(ACTION_REGISTRY)) {
      expect(action.name).toBe(name);
      expect(typeof action.input.safeParse).toBe('function');
      expect(typeof action.authorize).toBe('function');
      expect(testText.includes(name) || testText.includes(camel(name)), `action ${name} has no test`).toBe(
        true,
      );
    }
  });
});

function camel(name: string): string {
  return name.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase());
}
