import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../server/config.js';
import { openPlatform, type Platform } from '../../server/platform.js';
import { buildApp, type App } from '../../server/http/app.js';
import { seedDemo } from '../../server/db/seed/seed-demo.js';
import { generateDemo } from '../../server/db/seed/demo/generate-demo.js';
import type { DemoUser } from '../../server/db/seed/demo/demo.types.js';
import { systemContext } from '../../server/auth/context.js';

/**
 * Data tests run against PGlite by default and against the PostgreSQL server when
 * TEST_DATABASE_URL (or DATABASE_URL) is set: each platform then gets a fresh database of its own.
 */
export const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
export const backend = serverUrl ? 'postgres' : 'pglite';

async function freshDatabaseUrl(base: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: pg } = await import('pg');
  const name = `shanhai_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export type TestPlatform = Platform;

/** A migrated platform on an empty database (optionally with the demo data set). */
export async function openTestPlatform(opts: { demo?: boolean } = {}): Promise<TestPlatform> {
  let dropDb: (() => Promise<void>) | undefined;
  let env: Record<string, string | undefined> = { SHANHAI_DATA_DIR: 'memory://', LOG_LEVEL: 'silent', DATABASE_URL: undefined };
  if (serverUrl) {
    const fresh = await freshDatabaseUrl(serverUrl);
    dropDb = fresh.drop;
    env = { ...env, DATABASE_URL: fresh.url };
  }
  const config = loadConfig(env);
  const platform = await openPlatform({ ...config, dataDir: 'memory://' });
  if (opts.demo) await seedDemo(platform.db, systemContext(), generateDemo());
  const closeDb = platform.close;
  platform.close = async () => {
    await closeDb();
    if (dropDb) await dropDb();
  };
  return platform;
}

/** A platform with its HTTP app (not listening): use `app.inject`. */
export async function openTestApp(opts: { demo?: boolean; config?: Partial<Record<string, string>> } = {}): Promise<{ app: App; platform: TestPlatform; close(): Promise<void> }> {
  const platform = await openTestPlatform(opts);
  const config = opts.config ? { ...platform.config, ...loadConfig({ SHANHAI_DATA_DIR: 'memory://', ...opts.config }) } : platform.config;
  const app = await buildApp({ platform, config, logger: false });
  await app.ready();
  return {
    app,
    platform,
    async close() {
      await app.close();
      await platform.close();
    },
  };
}

/**
 * The whole product as a user meets it: web app built, demo data seeded into a fresh database,
 * HTTP server on a free port. For browser tests.
 */
export async function startPlatform(): Promise<{ url: string; platform: Platform; accounts: DemoUser[]; close(): Promise<void> }> {
  const { buildWeb } = await import('../../scripts/build-web.mjs');
  if (!buildWeb()) throw new Error('web build failed');
  const platform = await openTestPlatform({ demo: true });
  const app = await buildApp({ platform, config: platform.config, logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    platform,
    accounts: generateDemo().users,
    async close() {
      await app.close();
      await platform.close();
    },
  };
}
