import { loadConfig } from '../../kernel/config.js';
import { startServer } from '../../main.js';

/** `satudata serve`: the portal, stopped cleanly on SIGINT/SIGTERM. */
export async function serve(): Promise<void> {
  const config = loadConfig();
  const { app, stop } = await startServer(config);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(
    `Satu Data portal on http://localhost:${port} (database: ${config.databaseUrl ? 'PostgreSQL' : 'PGlite'})`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      void stop().then(() => process.exit(0));
    });
}
