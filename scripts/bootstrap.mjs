// Plain Node, no dependencies: runs before node_modules exists. Installs what is missing
// and builds the console when its sources changed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
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

const SERVER_ENTRIES = { start: 'runtime/start.ts', api: 'api/main.ts' };
const SERVER_META = path.join(ROOT, 'dist', 'server-inputs.json');

/** True when dist/ holds a bundle built after every source file it was built from last changed. */
function serverBundleIsCurrent() {
  if (!fs.existsSync(SERVER_META)) return false;
  const { inputs, builtAt } = JSON.parse(fs.readFileSync(SERVER_META, 'utf8'));
  const outputs = Object.keys(SERVER_ENTRIES).map((name) => path.join(ROOT, 'dist', `${name}.mjs`));
  return (
    outputs.every((file) => fs.existsSync(file)) &&
    inputs.every((input) => {
      const file = path.join(ROOT, input);
      return fs.existsSync(file) && fs.statSync(file).mtimeMs <= builtAt;
    })
  );
}

/**
 * Bundles the start command and the API into dist/ (packages stay in node_modules), so they
 * start on plain Node: loading ~300 TypeScript modules through tsx's hooks cost the API about
 * 3 s of CPU at every start; the bundle loads in about one. Rebuilt only when one of the
 * files it was built from changed. (dist/ sits one level below the root, like runtime/, so
 * paths computed from import.meta.url stay the same.)
 */
export async function ensureServerBundled() {
  if (serverBundleIsCurrent()) return;
  step('打包服务端 Bundling the server (esbuild)…');
  const started = Date.now();
  const { build } = await import('esbuild');
  const builtAt = Date.now();
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: SERVER_ENTRIES,
    outdir: path.join(ROOT, 'dist'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Data files of packages (the holiday calendar) go into the bundle: an external JSON import
    // would lose its `with { type: 'json' }` attribute, which Node requires.
    plugins: [
      {
        name: 'bundle-package-json',
        setup(b) {
          b.onResolve({ filter: /^[^./].*\.json$/ }, (args) => ({
            path: createRequire(path.join(args.resolveDir, 'noop.js')).resolve(args.path),
          }));
        },
      },
    ],
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith('node_modules/'));
  fs.writeFileSync(SERVER_META, JSON.stringify({ builtAt, inputs }));
  done(started);
}
