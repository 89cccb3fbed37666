// Plain Node, no dependencies: runs before node_modules exists. Installs what is missing
// and builds the console when its sources changed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function step(message) {
  console.log(`\x1b[36m▸\x1b[0m ${message}`);
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`\x1b[31m✗\x1b[0m ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`✗ qinglan needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
    process.exit(1);
  }
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** `npm ci` when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const marker = path.join(ROOT, 'node_modules', '.package-lock.json');
  const lock = path.join(ROOT, 'package-lock.json');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  step('安装依赖 Installing dependencies (npm ci)…');
  const started = Date.now();
  run('npm', ['ci', '--no-audit', '--no-fund']);
  done(started);
}

function done(started) {
  console.log(`      \x1b[2m(${((Date.now() - started) / 1000).toFixed(1)} s)\x1b[0m`);
}

/** Builds the console when admin/dist is missing or older than its sources. */
export function ensureConsoleBuilt() {
  const built = path.join(ROOT, 'admin', 'dist', 'index.html');
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'admin', 'src')),
    fs.statSync(path.join(ROOT, 'admin', 'index.html')).mtimeMs,
  );
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return;
  step('构建管理台 Building the console (vite build)…');
  const started = Date.now();
  run('npm', ['run', 'build:admin', '--silent']);
  done(started);
}
