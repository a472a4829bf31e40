/**
 * Several real app instances behind a real nginx, for the multi-instance test: each instance is
 * the compiled `satudata serve` started with the repo's systemd unit's ExecStart and the repo's
 * env example (docs/deploy/), and nginx runs the repo's site config. Nothing here waits a fixed
 * time: every wait is a poll with a generous limit.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEPLOY = path.join(ROOT, 'docs/deploy');
export const NGINX = '/usr/sbin/nginx';

/** A free TCP port on 127.0.0.1 (listen on 0, read it, close). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as net.AddressInfo).port;
  server.close();
  await once(server, 'close');
  return port;
}

/** Thrown by a `waitFor` check: stop waiting now, this will not get better. */
export class GiveUp extends Error {}

/** Poll `check` until it returns a value (not undefined/false), or fail naming `what`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  options: { limitMs?: number; everyMs?: number } = {},
): Promise<T> {
  const limit = Date.now() + (options.limitMs ?? 120_000);
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      if (err instanceof GiveUp) throw err;
      last = err;
    }
    if (Date.now() > limit)
      throw new Error(`gave up waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((done) => setTimeout(done, options.everyMs ?? 100));
  }
}

/** KEY=VALUE lines of an env file (comments and blank lines skipped), as systemd reads them. */
export async function readEnvFile(file: string): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const line of (await readFile(file, 'utf8')).split('\n')) {
    const m = line.match(/^\s*([A-Z][A-Z0-9_]*)=(.*)$/);
    if (m?.[1]) env[m[1]] = m[2] ?? '';
  }
  return env;
}

/** The [Service] settings of a systemd unit that the test uses. */
export async function readUnit(file: string) {
  const text = await readFile(file, 'utf8');
  const get = (key: string) => {
    const m = text.match(new RegExp(`^${key}=(.*)$`, 'm'));
    if (!m?.[1]) throw new Error(`${file} has no ${key}=`);
    return m[1].trim();
  };
  const [program, ...args] = get('ExecStart').split(/\s+/);
  return {
    program: program ?? '',
    args,
    workingDirectory: get('WorkingDirectory'),
    killSignal: get('KillSignal') as NodeJS.Signals,
    environmentFile: get('EnvironmentFile'),
  };
}

export interface Instance {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
  log: string;
}

/** Start one instance as the systemd unit would: its ExecStart, from the repo, with `env`. */
export async function startInstance(
  name: string,
  port: number,
  env: Record<string, string>,
  logDir: string,
): Promise<Instance> {
  const unit = await readUnit(path.join(DEPLOY, 'satudata.service'));
  // The unit runs /usr/bin/node; the test runs the same script with this Node.
  const log = path.join(logDir, `${name}-${Date.now()}.log`);
  const out = createWriteStream(log);
  await once(out, 'open');
  const child = spawn(unit.program.endsWith('/node') ? process.execPath : unit.program, unit.args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', out, out],
  });
  const exited = new Promise<number | string>((done) =>
    child.once('exit', (code, signal) => {
      out.end();
      done(code ?? signal ?? 'unknown');
    }),
  );
  return { name, port, url: `http://127.0.0.1:${port}`, child, exited, log };
}

/** An instance is ready when its /readyz says so (database, storage, schema). */
export function waitReady(instance: Instance, limitMs = 180_000): Promise<true> {
  let gone = false;
  void instance.exited.then(() => {
    gone = true;
  });
  return waitFor(
    `${instance.name} ready on ${instance.url}`,
    async () => {
      if (gone) throw new Error(`${instance.name} exited; see ${instance.log}`);
      const res = await fetch(`${instance.url}/readyz`);
      return res.status === 200;
    },
    { limitMs, everyMs: 200 },
  );
}

export interface LoadBalancer {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * nginx with the repo's site config (docs/deploy/nginx.conf), its upstream ports and listen
 * address replaced, inside a minimal main config whose pid, logs and temp files live in `dir`.
 */
export async function startNginx(
  dir: string,
  upstreamPorts: [number, number],
  port: number,
): Promise<LoadBalancer> {
  let site = await readFile(path.join(DEPLOY, 'nginx.conf'), 'utf8');
  const replace = (from: string, to: string) => {
    const parts = site.split(from);
    if (parts.length !== 2) throw new Error(`docs/deploy/nginx.conf should hold "${from}" once`);
    site = parts.join(to);
  };
  replace('server 127.0.0.1:3001 ', `server 127.0.0.1:${upstreamPorts[0]} `);
  replace('server 127.0.0.1:3002 ', `server 127.0.0.1:${upstreamPorts[1]} `);
  replace('listen 80;', `listen 127.0.0.1:${port};`);
  await mkdir(path.join(dir, 'temp'), { recursive: true });
  await writeFile(path.join(dir, 'satudata.conf'), site);
  const temp = (what: string) => `${what}_temp_path ${path.join(dir, 'temp', what)};`;
  await writeFile(
    path.join(dir, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      // Run as root (CI), the workers would switch to `nobody` and could not use the temp folder.
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      `pid ${path.join(dir, 'nginx.pid')};`,
      `error_log ${path.join(dir, 'error.log')} warn;`,
      'events { worker_connections 128; }',
      'http {',
      `  access_log ${path.join(dir, 'access.log')};`,
      `  ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}`,
      `  include ${path.join(dir, 'satudata.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  const child = spawn(
    NGINX,
    ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${port}`;
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  await waitFor(
    `nginx on ${url}`,
    async () => {
      if (gone) throw new Error(`nginx exited: ${stderr}`);
      return (await fetch(`${url}/healthz`)).status === 200;
    },
    { limitMs: 60_000, everyMs: 200 },
  );
  return {
    url,
    child,
    stop: async () => {
      if (gone) return;
      child.kill('SIGQUIT');
      await exited;
    },
  };
}

/** Cookies from a fetch response's Set-Cookie headers merged into a `cookie` header value. */
export function mergeCookies(res: Response, previous = ''): string {
  const jar = new Map<string, string>();
  for (const part of previous.split(/;\s*/).filter(Boolean)) {
    const [k, ...v] = part.split('=');
    if (k) jar.set(k, v.join('='));
  }
  for (const header of res.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const [k, ...v] = (pair ?? '').split('=');
    if (k) jar.set(k.trim(), v.join('='));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}
