import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

export interface LockInfo {
  pid: number;
  purpose: string;
  port?: number | undefined;
  startedAt: string;
}

/** Raised when another live process owns the embedded database. */
export class DataDirLockedError extends Error {
  constructor(
    readonly holder: LockInfo,
    dataDir: string,
  ) {
    const who =
      holder.purpose === 'serve'
        ? `server satudata (pid ${holder.pid}${holder.port ? `, port ${holder.port}` : ''})`
        : `perintah "${holder.purpose}" (pid ${holder.pid})`;
    const whoEn =
      holder.purpose === 'serve'
        ? `the satudata server (pid ${holder.pid}${holder.port ? `, port ${holder.port}` : ''})`
        : `the "${holder.purpose}" command (pid ${holder.pid})`;
    super(
      `Basis data tertanam di ${dataDir} sedang dipakai oleh ${who}. PGlite hanya boleh dibuka satu proses: ` +
        'hentikan server dulu (Ctrl+C) lalu jalankan perintah ini lagi, atau lakukan lewat halaman admin / API.\n' +
        `The embedded database in ${dataDir} is in use by ${whoEn}. PGlite must have one owner process: ` +
        'stop the server first (Ctrl+C) and run this command again, or do it through the admin pages / API.',
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Take the data folder's lock file for this process, or throw DataDirLockedError naming the
 * live holder. A lock left by a dead process is taken over. Returns the release function.
 */
export async function acquireDataLock(
  dataDir: string,
  purpose: string,
  port?: number,
): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, 'satudata.lock');
  const info: LockInfo = { pid: process.pid, purpose, port, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(JSON.stringify(info));
      await handle.close();
      return async () => {
        await rm(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = await readLock(file);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid))
        throw new DataDirLockedError(holder, dataDir);
      await rm(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Cannot take the lock ${file}`);
}

async function readLock(file: string): Promise<LockInfo | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
}
