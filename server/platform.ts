import { sql } from 'drizzle-orm';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { ensureReferenceData, referenceFromDb } from './modules/reference/reference.service.js';
import type { ReferenceData } from './reference/reference.js';
import { MatchingIndex } from './modules/matching/matching.index.js';
import type { Kind } from './search/index.js';
import { JobRunner } from './modules/jobs/job.runner.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The composition root: the database and the long-lived parts built on it. Front doors (HTTP,
 * CLI, tests) open one Platform and hand it to services.
 */
export interface Platform {
  db: Database;
  kind: 'pglite' | 'postgres';
  location: string;
  config: Config;
  /** Reference schemes as stored, indexed; `reloadReference` after importing a scheme. */
  reference: ReferenceData;
  reloadReference(): Promise<void>;
  /** The matching engine over the registries, built on first use (the server builds it at start). */
  index(): Promise<MatchingIndex>;
  /** Keeps the engine in step after a write (no-op until the engine has been built). */
  syncIndex(kind: Kind, ids: number[]): Promise<void>;
  /** Long work (imports, exports, report batches) with progress kept in the database. */
  jobs: JobRunner;
  /** Where uploads and generated files live: `<data dir>/files` (a temporary folder for an in-memory database). */
  filesDir: string;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Opens the database, migrates it and makes sure the built-in reference data is there. */
export async function openPlatform(config: Config): Promise<Platform> {
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await ensureReferenceData(handle.db);
  let building: Promise<MatchingIndex> | undefined;
  const filesDir = config.dataDir.startsWith('memory://')
    ? fs.mkdtempSync(path.join(os.tmpdir(), 'shanhai-files-'))
    : path.join(config.dataDir, 'files');
  fs.mkdirSync(filesDir, { recursive: true });
  const platform: Platform = {
    db: handle.db,
    kind: handle.kind,
    location: handle.location,
    config,
    reference: await referenceFromDb(handle.db),
    jobs: new JobRunner(handle.db),
    filesDir,
    async reloadReference() {
      platform.reference = await referenceFromDb(handle.db);
    },
    index() {
      building ??= MatchingIndex.build(handle.db, platform.reference, config.lexicons);
      return building;
    },
    async syncIndex(kind, ids) {
      if (building) await (await building).sync(kind, ids);
    },
    async ping() {
      await handle.db.execute(sql`select 1`);
    },
    async close() {
      // Let running jobs finish (bounded) so they are not cut off mid-write.
      await Promise.race([platform.jobs.idle(), new Promise((r) => setTimeout(r, 15_000).unref())]);
      await handle.close();
    },
  };
  return platform;
}
