// Starts the real parts once for the whole suite: embedded PostgreSQL with a migrated
// template database holding the demo county, and a Temporal dev server, on free ports.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { loadDemoCounty } from '../demo/load-demo-county.js';
import { startEmbeddedDatabase } from '../runtime/embedded-database.js';
import { ensureTemporalCli } from '../runtime/temporal-cli.js';
import { startTemporalDevServer } from '../runtime/temporal-dev-server.js';
import { freePort } from './support/free-port.js';

export const TEMPLATE_DATABASE = 'qinglan_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of the template database (demo county loaded); tests clone it. */
    templateDatabaseUrl: string;
    temporalAddress: string;
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  const log = (line: string) => console.log(`[test setup] ${line}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinglan-test-'));
  fs.chmodSync(dataDir, 0o755);

  const [database, temporal] = await Promise.all([
    (async () => {
      const db = await startEmbeddedDatabase({ dataDir, port: await freePort(), database: TEMPLATE_DATABASE, log });
      const kysely = createDatabase(db.url);
      try {
        await migrateToLatest(kysely);
        await loadDemoCounty(kysely);
      } finally {
        await kysely.destroy();
      }
      return db;
    })(),
    (async () => {
      const cli = await ensureTemporalCli(log);
      return startTemporalDevServer({
        cli,
        dataDir: undefined,
        port: await freePort(),
        uiPort: undefined,
        namespace: 'default',
      });
    })(),
  ]);
  log(`PostgreSQL and Temporal ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);

  project.provide('templateDatabaseUrl', database.url);
  project.provide('temporalAddress', temporal.address);

  return async () => {
    await temporal.stop();
    await database.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
