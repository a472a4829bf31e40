import pg from 'pg';

/** A client on the server of `url` (its own database), for CREATE/DROP DATABASE. */
export async function adminUrl(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** The same server URL pointing at another database. */
export function databaseUrlFor(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  const admin = await adminUrl(url);
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}
