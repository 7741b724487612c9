import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema/index.js';

/**
 * The only file that knows whether the database is the embedded PGlite or a PostgreSQL server.
 * Everything else sees `Database`, a Drizzle handle over the same schema.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Database = PgDatabase<PgQueryResultHKT, typeof schema, any>;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Where the data lives: a directory for PGlite, the URL without password for PostgreSQL. */
  location: string;
  close(): Promise<void>;
}

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface OpenOptions {
  /** PostgreSQL URL; when absent the embedded database under `dataDir` is used. */
  databaseUrl?: string;
  /** Data directory; the PGlite files live in `<dataDir>/pglite`. `memory://` keeps it in memory. */
  dataDir: string;
  /** Told when the server drops an idle connection (logged by the caller). */
  onIdleError?: (err: Error) => void;
}

/** Opens the database and brings its schema up to date. `await openDatabase({dataDir:'./data'})`. */
export async function openDatabase(opts: OpenOptions): Promise<DatabaseHandle> {
  if (opts.databaseUrl) {
    const { default: pg } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    // numeric → JS number; the amounts we keep fit comfortably in a double.
    pg.types.setTypeParser(1700, (v: string) => Number(v));
    pg.types.setTypeParser(20, (v: string) => Number(v));
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next query.
    pool.on('error', (err) => opts.onIdleError?.(err));
    const db = drizzle(pool, { schema }) as unknown as Database;
    await migrate(db as never, { migrationsFolder });
    return {
      db,
      kind: 'postgres',
      location: opts.databaseUrl.replace(/:[^:@/]*@/, ':***@'),
      close: () => pool.end(),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  let location = opts.dataDir;
  if (!opts.dataDir.startsWith('memory://')) {
    location = path.join(opts.dataDir, 'pglite');
    fs.mkdirSync(location, { recursive: true });
  }
  const client = await PGlite.create(location);
  const db = drizzle(client, { schema }) as unknown as Database;
  await migrate(db as never, { migrationsFolder });
  return { db, kind: 'pglite', location, close: () => client.close() };
}
