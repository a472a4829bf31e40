#!/usr/bin/env node
// The `satudata` command: the compiled JavaScript in dist/ (`npm run build`; `npm ci` and
// `npm start` build it when src/ changed). `npm run dev` runs the TypeScript sources instead.
let cli;
try {
  cli = await import('../dist/cli/main.js');
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !String(err.url ?? err.message).includes('/dist/cli/main.js'))
    throw err;
  console.error('dist/ is missing: run `npm run build` (or `npm ci`) first');
  process.exit(1);
}
await cli.runCli(process.argv);
