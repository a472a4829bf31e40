import { openDatabase } from './src/db/database.js';
import { migrateToLatest } from './src/db/migrate.js';
const t0 = Date.now();
const d = await openDatabase({ dataDir: '/tmp/sdtest1', databaseUrl: process.env.DATABASE_URL });
console.log('open', Date.now()-t0);
console.log(await migrateToLatest(d.db), Date.now()-t0);
console.log(await d.db.selectFrom('region').select((eb)=>eb.fn.countAll().as('n')).execute());
await d.close();
