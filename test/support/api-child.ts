import { ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { API_NODE_FLAGS } from './api-node-flags';
import { TEST_PASSWORD } from './test-app';
import { createTestDatabase, TestDatabase } from './test-database';

const ROOT = join(__dirname, '../..');
const ADMIN = 'child.admin';

/** The API as production runs it (256 MB heap), in a process of its own, on a database of its own. */
export interface ApiChild {
  url: string;
  /** What the process wrote to stderr (a heap-out-of-memory trace, say). */
  stderr(): string;
  alive(): boolean;
  /** Milliseconds /api/health took to answer 200, or null when it did not. */
  health(): Promise<number | null>;
  login(): Promise<string>;
  /** Posts one file as multipart field `file`, on a connection of its own. */
  upload(path: string, token: string, file: Buffer, name: string): Promise<Answer>;
  stop(): Promise<void>;
}

export interface Answer {
  /** 0 when the connection failed before any answer. */
  status: number;
  body: any;
}

/**
 * A multipart upload on a fresh connection: an API that answers 413 while the file is still
 * being sent closes the socket, which a pooled keep-alive connection would turn into a failure.
 */
function postFile(url: string, token: string, file: Buffer, name: string): Promise<Answer> {
  const boundary = `----thidua${Date.now().toString(16)}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return new Promise((resolve) => {
    let answered = false;
    const req = request(
      url,
      {
        method: 'POST',
        agent: false,
        timeout: 25_000,
        headers: {
          authorization: token,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': body.length,
        },
      },
      (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: response.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (error) => {
      if (!answered) resolve({ status: 0, body: { error: String(error) } });
    });
    req.end(body);
  });
}

/** A port nobody uses now: the system picks it, we let it go and hand it to the API. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts apps/api/src/main.ts with the heap flags `npm run start:prod` uses,
 * compiled on the fly by @swc-node/register so that no build is needed first.
 */
export async function startApiChild(): Promise<ApiChild> {
  const database: TestDatabase = await createTestDatabase();
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [...API_NODE_FLAGS, '--require', '@swc-node/register', 'apps/api/src/main.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: database.url,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'silent',
        JWT_SECRET: 'child-secret-that-is-long-enough-for-hs256-signing',
        ADMIN_USERNAME: ADMIN,
        ADMIN_PASSWORD: TEST_PASSWORD,
        ROLLUP_CATCH_UP: 'false',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on(
    'data',
    (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)),
  );
  const url = `http://127.0.0.1:${port}`;
  const alive = () => child.exitCode === null && child.signalCode === null;
  const health = async (): Promise<number | null> => {
    const started = Date.now();
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
      return response.ok ? Date.now() - started : null;
    } catch {
      return null;
    }
  };
  const stop = async () => {
    if (alive()) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await database.drop();
  };
  for (let waited = 0; (await health()) === null; waited += 500) {
    if (!alive() || waited > 120_000) {
      await stop();
      throw new Error(`the API did not start: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
    stderr: () => stderr,
    alive,
    health,
    async login() {
      const response = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: ADMIN, password: TEST_PASSWORD }),
      });
      const body = (await response.json()) as { accessToken: string };
      return `Bearer ${body.accessToken}`;
    },
    upload: (path, token, file, name) => postFile(`${url}${path}`, token, file, name),
    stop,
  };
}
