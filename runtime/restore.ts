// Restores a backup made by runtime/backup.ts into a new data folder; the product then starts
// there as on any other day (QINGLAN_DATA_DIR=<folder> npm start).
import fs from 'node:fs';
import path from 'node:path';
import type { BackupManifest } from './backup.js';
import { copyTree } from './copy-tree.js';
import { postgresParentDir } from './data-folder.js';

export function restoreDataFolder(options: { backup: string; dataDir: string; log: (line: string) => void }) {
  const { backup, dataDir, log } = options;
  const manifestFile = path.join(backup, 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`${backup} is not a qinglan backup (no manifest.json)`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as BackupManifest;
  if (manifest.format !== 1) throw new Error(`backup format ${manifest.format} is not known to this version`);
  // Restoring over live data would mix two histories: only into a new or empty folder.
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length)
    throw new Error(`${dataDir} is not empty; restore into a new folder`);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });

  log(`Temporal data file (${mb(manifest.temporal.bytes)})`);
  fs.copyFileSync(path.join(backup, manifest.temporal.file), path.join(dataDir, 'temporal.db'));

  const pgParent = postgresParentDir(dataDir);
  const pgDir = path.join(pgParent, 'postgres');
  if (fs.existsSync(pgDir) && fs.readdirSync(pgDir).length)
    throw new Error(`${pgDir} already holds a PostgreSQL cluster; restore into a new folder`);
  log(`PostgreSQL cluster (${mb(manifest.postgres.bytes)}, taken ${manifest.postgres.mode}) into ${pgDir}`);
  copyTree(path.join(backup, manifest.postgres.folder), pgDir);
  fs.chmodSync(pgDir, 0o700);
  return manifest;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
