// npm run backup [-- <folder>]: both stores of the embedded default, while the product runs.
// npm run restore -- <backup folder> <new data folder>
import path from 'node:path';
import { loadSettings } from '../config/settings.js';
import { backupDataFolder } from './backup.js';
import { postgresParentDir } from './data-folder.js';
import { restoreDataFolder } from './restore.js';

const log = (line: string) => console.log(`  ${line}`);
const [command, ...args] = process.argv.slice(2);
const settings = loadSettings();

async function main() {
  if (command === 'backup') {
    if (settings.databaseUrl || settings.temporalAddress)
      throw new Error('DATABASE_URL or TEMPORAL_ADDRESS is set: back those servers up with their own tools');
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    const out = path.resolve(args[0] ?? path.join('backups', `qinglan-${stamp}`));
    console.log(`备份 Backing up ${settings.dataDir} into ${out}`);
    const started = Date.now();
    const manifest = await backupDataFolder({
      temporalDb: path.join(settings.dataDir, 'temporal.db'),
      pgDir: path.join(postgresParentDir(settings.dataDir), 'postgres'),
      pgPort: settings.embeddedPgPort,
      out,
      log,
    });
    const mb = (manifest.temporal.bytes + manifest.postgres.bytes) / 1024 / 1024;
    console.log(`✓ 备份完成 Backup done: ${mb.toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`  restore with: npm run restore -- ${out} <new data folder>`);
  } else if (command === 'restore') {
    const [backup, dataDir] = args;
    if (!backup || !dataDir) throw new Error('usage: npm run restore -- <backup folder> <new data folder>');
    console.log(`恢复 Restoring ${path.resolve(backup)} into ${path.resolve(dataDir)}`);
    restoreDataFolder({ backup: path.resolve(backup), dataDir: path.resolve(dataDir), log });
    console.log(`✓ 恢复完成 Restored. Start it with: QINGLAN_DATA_DIR=${path.resolve(dataDir)} npm start`);
  } else {
    throw new Error('usage: backup-cli.ts backup [folder] | restore <backup folder> <new data folder>');
  }
}

main().catch((error) => {
  console.error(`✗ ${(error as Error).message}`);
  process.exit(1);
});
