// Copying a data folder file by file, keeping each file's mode and owner (PostgreSQL refuses
// a data folder readable by others, and runs as its own user when qinglan runs as root).
import fs from 'node:fs';
import path from 'node:path';

/** `skip` gets each path relative to `from`, with forward slashes. */
export function copyTree(from: string, to: string, options: { skip?: (rel: string) => boolean } = {}) {
  const root = fs.statSync(from);
  const walk = (rel: string) => {
    const source = path.join(from, rel);
    const target = path.join(to, rel);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(source);
    } catch (error) {
      // a running server may drop a file while it is copied; its log says so and replays it
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    if (stat.isDirectory()) {
      fs.mkdirSync(target, { recursive: true });
      for (const name of fs.readdirSync(source)) {
        const child = rel ? `${rel}/${name}` : name;
        if (!options.skip?.(child)) walk(child);
      }
    } else if (stat.isSymbolicLink()) {
      fs.symlinkSync(fs.readlinkSync(source), target);
    } else {
      try {
        fs.copyFileSync(source, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw error;
      }
    }
    fs.chmodSync(target, stat.mode & 0o7777);
    if (process.getuid?.() === 0) fs.lchownSync(target, stat.uid, stat.gid);
  };
  walk('');
  if (process.getuid?.() === 0) fs.chownSync(to, root.uid, root.gid);
}

export function treeBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}
