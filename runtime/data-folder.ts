// PostgreSQL runs as the `postgres` system user when qinglan runs as root, and that user
// must be able to reach its data folder. A clone under /root (mode 700) is not reachable,
// so the cluster then lives in /var/lib/qinglan, and the start command says so.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

function reachableByOthers(dir: string): boolean {
  let current = path.resolve(dir);
  while (true) {
    if (fs.existsSync(current) && (fs.statSync(current).mode & 0o001) === 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

export function postgresParentDir(dataDir: string): string {
  if (process.getuid?.() !== 0 || reachableByOthers(dataDir)) return dataDir;
  const key = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 12);
  const dir = path.join('/var/lib/qinglan', key);
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  fs.chmodSync('/var/lib/qinglan', 0o755);
  return dir;
}
