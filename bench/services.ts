// The servers the benchmark runs against: embedded PostgreSQL and the Temporal dev server, both
// in a fresh temporary folder on free ports, each registered for stopping as soon as it runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../runtime/embedded-database.js';
import { ensureTemporalCli } from '../runtime/temporal-cli.js';
import { startTemporalDevServer, type DevServer } from '../runtime/temporal-dev-server.js';
import { freePort } from '../test/support/free-port.js';
import { NAMESPACE, TEMPORAL_STORE, log } from './bench-run.js';
import { addCleanup, addLastResort } from './cleanup.js';
import { temporalVersion, type Pids } from './process-accounting.js';

export async function startServices() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinglan-bench-'));
  // When run as root, PostgreSQL runs as the postgres user and must reach its folder.
  fs.chmodSync(dataDir, 0o755);
  addCleanup('the temporary folder', async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  addLastResort(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  log(`temporary data folder ${dataDir}`);

  const cli = await ensureTemporalCli(log);
  const temporalCli = temporalVersion(cli);

  const [pgPort, temporalPort] = [await freePort(), await freePort()];
  const storeName =
    TEMPORAL_STORE === 'sqlite' ? 'SQLite file with journal_mode=wal, as npm start keeps it' : 'in memory';
  log(
    `starting PostgreSQL on 127.0.0.1:${pgPort} and the Temporal dev server on 127.0.0.1:${temporalPort} (headless, ${storeName})`,
  );
  const [database, temporal] = await Promise.all([
    (async () => {
      const db: EmbeddedDatabase = await startEmbeddedDatabase({ dataDir, port: pgPort, log });
      addCleanup('PostgreSQL', () => db.stop());
      return db;
    })(),
    (async () => {
      const server: DevServer = await startTemporalDevServer({
        cli,
        dataDir: TEMPORAL_STORE === 'sqlite' ? dataDir : undefined,
        port: temporalPort,
        uiPort: undefined,
        namespace: NAMESPACE,
      });
      addCleanup('the Temporal dev server', () => server.stop());
      addLastResort(() => server.process.kill('SIGKILL'));
      return server;
    })(),
  ]);
  const pids: Pids = {
    temporal: temporal.process.pid,
    postmaster:
      Number(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]) || undefined,
  };
  return { database, temporal, pids, storeName, temporalCli };
}
