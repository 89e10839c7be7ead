import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { API_NODE_FLAGS } from '../support/api-node-flags';

export const BENCH_SERVER = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306';
export const ADMIN = { username: 'bench.admin', password: 'bench-password-123' };

/** A fresh MariaDB database for one benchmark; dropped by `drop()`. */
export async function freshDatabase(name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const at = (database: string) =>
    Object.assign(new URL(BENCH_SERVER), { pathname: `/${database}` }).toString();
  const connection = await createConnection({ uri: at('') });
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await connection.query(
    `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  await connection.end();
  return {
    url: at(name),
    drop: async () => {
      const again = await createConnection({ uri: at('') });
      await again.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await again.end();
    },
  };
}

/** The built API (`npm run build` first) as a child process, like production runs it. */
export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** Peak resident memory of the API process so far, in MB (VmHWM). */
  peakRssMb(): number;
  stop(): Promise<void>;
}

export async function startApi(
  databaseUrl: string,
  port: number,
  env: Record<string, string> = {},
): Promise<ApiProcess> {
  const main = join(__dirname, '../../dist/apps/api/src/main.js');
  // As `npm run start:prod` runs it: a 256 MB heap cap keeps V8 from growing its heap lazily, and
  // 8 MB semi-spaces (16 by default) keep the young generation from holding 30 MB more at peaks.
  const child = spawn(process.execPath, [...API_NODE_FLAGS, main], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256',
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_PASSWORD: ADMIN.password,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      ROLLUP_CATCH_UP: 'false',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 120; attempt++) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
    child,
    peakRssMb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A logged-in JSON client of the API. */
export async function apiClient(url: string) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const authorization = `Bearer ${accessToken}`;
  const call = async (method: string, path: string, body?: unknown): Promise<any> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json().catch(() => null);
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const upload = async (path: string, file: Buffer, name: string): Promise<any> => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), name);
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { authorization },
      body: form,
    });
    const json = await response.json();
    if (!response.ok)
      throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(json).slice(0, 500)}`);
    return json;
  };
  return { authorization, call, upload };
}
