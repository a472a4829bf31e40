#!/usr/bin/env node
// `npm run dev`: the `satudata` command from the TypeScript sources through tsx's loader (a dev
// dependency), with no build step; `node --watch` restarts it when a source file changes.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
await runCli(process.argv);
