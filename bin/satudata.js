#!/usr/bin/env node
// The `satudata` command. The sources are TypeScript run through tsx's loader, so a fresh
// clone needs no build step (`npm ci && npm start`).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
await runCli(process.argv);
