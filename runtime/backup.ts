// Backs up both stores of the embedded default, while processes run, into one folder:
// the Temporal dev server's SQLite file, then PostgreSQL.
//
// The order is the consistency argument. Temporal is copied first, so PostgreSQL in the
// backup is never behind it: after a restore, Temporal may replay a step whose activity had
// already written its rows, and every activity is idempotent on its task or event key, so the
// replay finds them and writes nothing twice. The other order could leave Temporal believing
// a task was opened whose row the backup does not hold.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { copyTree, treeBytes } from './copy-tree.js';
import { EMBEDDED_PG_PASSWORD, EMBEDDED_PG_USER } from './embedded-database.js';

export interface BackupManifest {
  format: 1;
  createdAt: string;
  temporal: { file: 'temporal.db'; bytes: number };
  postgres: { folder: 'postgres'; mode: 'online' | 'stopped'; bytes: number };
}

/** Files PostgreSQL rebuilds itself and a base backup leaves out (see its manual, 26.3.3). */
const PG_SKIPPED = new Set(['postmaster.pid', 'postmaster.opts']);
const PG_EMPTIED = [
  'pg_wal',
  'pg_replslot',
  'pg_stat_tmp',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_subtrans',
];

export async function backupDataFolder(options: {
  temporalDb: string;
  pgDir: string;
  pgPort: number;
  out: string;
  log: (line: string) => void;
}): Promise<BackupManifest> {
  const { out, log } = options;
  if (fs.existsSync(out) && fs.readdirSync(out).length) throw new Error(`the backup folder ${out} is not empty`);
  if (!fs.existsSync(options.temporalDb)) throw new Error(`no Temporal data file at ${options.temporalDb}`);
  if (!fs.existsSync(path.join(options.pgDir, 'PG_VERSION'))) throw new Error(`no PostgreSQL data in ${options.pgDir}`);
  fs.mkdirSync(out, { recursive: true });

  log('1/2 Temporal: online copy of the SQLite file (SQLite backup API)');
  const temporalCopy = path.join(out, 'temporal.db');
  sqliteBackup(options.temporalDb, temporalCopy);

  const running = postgresRunning(options.pgDir);
  log(
    `2/2 PostgreSQL: ${running ? 'online base backup (pg_backup_start … pg_backup_stop)' : 'copy of the stopped cluster'}`,
  );
  const pgCopy = path.join(out, 'postgres');
  if (running) await onlineBaseBackup(options.pgDir, options.pgPort, pgCopy);
  else copyTree(options.pgDir, pgCopy, { skip: (rel) => PG_SKIPPED.has(rel) });

  const manifest: BackupManifest = {
    format: 1,
    createdAt: new Date().toISOString(),
    temporal: { file: 'temporal.db', bytes: fs.statSync(temporalCopy).size },
    postgres: { folder: 'postgres', mode: running ? 'online' : 'stopped', bytes: treeBytes(pgCopy) },
  };
  fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

function sqliteBackup(source: string, target: string) {
  try {
    // The online backup API copies a consistent snapshot, the write-ahead log included,
    // while the dev server keeps writing.
    execFileSync('sqlite3', [`file:${source}?mode=ro`, `.backup '${target.replaceAll("'", "''")}'`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing
        ? 'the sqlite3 command is needed to copy the Temporal data file while it runs (Debian: apt-get install sqlite3)'
        : `sqlite3 could not copy ${source}: ${String((error as { stderr?: Buffer }).stderr ?? error)}`,
    );
  }
}

function postgresRunning(pgDir: string): boolean {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * PostgreSQL's non-exclusive low-level backup: the files are copied between start and stop in
 * one session, and the write-ahead log written meanwhile goes with them, so the copy starts
 * as a consistent cluster (PostgreSQL replays that log from the backup label on first start).
 */
async function onlineBaseBackup(pgDir: string, port: number, target: string) {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: EMBEDDED_PG_USER,
    password: EMBEDDED_PG_PASSWORD,
    database: 'postgres',
  });
  await client.connect();
  try {
    await client.query(`select pg_backup_start('qinglan backup', true)`);
    copyTree(pgDir, target, {
      skip: (rel) => PG_SKIPPED.has(rel) || PG_EMPTIED.some((dir) => rel.startsWith(`${dir}/`)),
    });
    const { rows } = await client.query<{ labelfile: string; spcmapfile: string | null }>(
      'select labelfile, spcmapfile from pg_backup_stop(false)',
    );
    // PostgreSQL reads these as its own user, who must own them (it renames the label when done)
    const owner = fs.statSync(pgDir);
    const own = (file: string) => {
      if (process.getuid?.() === 0) fs.chownSync(file, owner.uid, owner.gid);
    };
    const writeOwn = (name: string, text: string) => {
      fs.writeFileSync(path.join(target, name), text, { mode: 0o600 });
      own(path.join(target, name));
    };
    writeOwn('backup_label', rows[0].labelfile);
    if (rows[0].spcmapfile) writeOwn('tablespace_map', rows[0].spcmapfile);
    // the log from the backup's start to its end, written after the stop returned
    copyTree(path.join(pgDir, 'pg_wal'), path.join(target, 'pg_wal'), {
      skip: (rel) => rel.startsWith('archive_status/'),
    });
    fs.mkdirSync(path.join(target, 'pg_wal', 'archive_status'), { recursive: true, mode: 0o700 });
    own(path.join(target, 'pg_wal', 'archive_status'));
  } finally {
    await client.end();
  }
}
