// Finds the Temporal CLI, or builds it once from source with Go. Its release binaries
// cannot be downloaded on every machine, but the Go module proxy usually can be reached.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

/** Outside the repository, so fresh clones on one machine share one build. */
export function cliCacheDir(): string {
  return process.env.QINGLAN_CACHE_DIR || path.join(os.homedir(), '.cache', 'qinglan', 'bin');
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

export function findTemporalCli(): string | undefined {
  const fromEnv = process.env.TEMPORAL_CLI;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`TEMPORAL_CLI points to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const cached = path.join(cliCacheDir(), 'temporal');
  if (fs.existsSync(cached)) return cached;
  return onPath('temporal');
}

export async function ensureTemporalCli(log: (line: string) => void): Promise<string> {
  const found = findTemporalCli();
  if (found) return found;
  if (spawnSync('go', ['version']).status !== 0) {
    throw new Error(
      'No Temporal CLI found and no Go toolchain to build it. Install the CLI (https://docs.temporal.io/cli) ' +
        'and put it on PATH or set TEMPORAL_CLI, or install Go 1.23+ and start again.',
    );
  }
  const gobin = cliCacheDir();
  fs.mkdirSync(gobin, { recursive: true });
  log(`building the Temporal CLI with Go (${TEMPORAL_CLI_MODULE}) into ${gobin}; this takes a few minutes once`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn('go', ['install', '-v', TEMPORAL_CLI_MODULE], {
      env: { ...process.env, GOBIN: gobin, GOFLAGS: '-mod=mod' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let packages = 0;
    let tail = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-4000);
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        packages++;
        if (packages % 100 === 0) log(`  go: ${packages} packages fetched or compiled…`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`go install ${TEMPORAL_CLI_MODULE} failed (exit ${code}):\n${tail}`)),
    );
  });
  const built = path.join(gobin, 'temporal');
  if (!fs.existsSync(built)) throw new Error(`go install finished but ${built} is missing`);
  log('Temporal CLI built');
  return built;
}
