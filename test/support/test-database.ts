import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

/** A database of its own for one test file: a temp SQLite file, or a fresh MySQL database. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

let counter = 0;

export async function createTestDatabase(): Promise<TestDatabase> {
  const server = process.env.TEST_DATABASE_URL;
  if (server && /^(mysql|mariadb):/.test(server)) {
    const base = new URL(server.replace(/^mariadb:/, 'mysql:'));
    const name = `thidua_e2e_${process.pid}_${Date.now().toString(36)}_${++counter}`;
    const admin = await createConnection({
      uri: `${base.protocol}//${base.username ? `${base.username}${base.password ? `:${base.password}` : ''}@` : ''}${base.host}`,
    });
    await admin.query(
      `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    await admin.end();
    base.pathname = `/${name}`;
    return {
      url: base.toString(),
      drop: async () => {
        const connection = await createConnection({ uri: server.replace(/^mariadb:/, 'mysql:') });
        await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await connection.end();
      },
    };
  }
  const folder = mkdtempSync(join(tmpdir(), 'thidua-e2e-'));
  return {
    url: `sqlite:${join(folder, 'thidua.sqlite')}`,
    drop: async () => rmSync(folder, { recursive: true, force: true }),
  };
}
