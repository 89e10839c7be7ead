import Database from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';

/**
 * The database the journeys' server runs on (playwright.config.ts sets it): for the few steps a
 * browser cannot cause on demand, such as a roll-up that another instance is running.
 */
export function journeyDatabaseUrl(): string {
  const url = process.env.BROWSER_DATABASE_URL;
  if (!url) throw new Error('BROWSER_DATABASE_URL is not set (playwright.config.ts sets it)');
  return url;
}

/** Runs one statement on the journeys' database; returns the id of an inserted row. */
export async function execute(sql: string, params: unknown[] = []): Promise<number> {
  const url = journeyDatabaseUrl();
  if (url.startsWith('sqlite:')) {
    const db = new Database(url.slice('sqlite:'.length));
    try {
      db.pragma('busy_timeout = 5000');
      return Number(db.prepare(sql).run(...params).lastInsertRowid);
    } finally {
      db.close();
    }
  }
  const connection = await createConnection(url);
  try {
    const [result] = await connection.execute(sql, params as never[]);
    return Number((result as { insertId?: number }).insertId ?? 0);
  } finally {
    await connection.end();
  }
}

/** A date as the API stores instants (UTC, no zone letter). */
export function instant(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}
