// The last resort for the Temporal CLI: build it from source with Go (about seven minutes on a
// 2-core machine). `go` is whatever the PATH holds, so a test can put its own first.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { TEMPORAL_CLI_PIN } from './temporal-cli-pin.js';

type Env = NodeJS.ProcessEnv;

export const TEMPORAL_CLI_MODULE = `${TEMPORAL_CLI_PIN.goModule}@v${TEMPORAL_CLI_PIN.version}`;

export function hasGo(env: Env): boolean {
  return spawnSync('go', ['version'], { env, stdio: 'ignore' }).status === 0;
}

/** `go install` into a private GOBIN beside `target`, then moved to `target`. */
export async function buildCliWithGo(target: string, env: Env, log: (line: string) => void): Promise<string> {
  const gobin = path.join(path.dirname(target), `.go-build-${process.pid}`);
  fs.mkdirSync(gobin, { recursive: true });
  log(`  go install ${TEMPORAL_CLI_MODULE}; this takes a few minutes, once`);
  const started = Date.now();
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn('go', ['install', '-v', TEMPORAL_CLI_MODULE], {
        env: { ...env, GOBIN: gobin, GOFLAGS: env.GOFLAGS ? `${env.GOFLAGS} -mod=mod` : '-mod=mod' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let lines = 0;
      let tail = '';
      const elapsed = () => Math.round((Date.now() - started) / 1000);
      const ticker = setInterval(() => log(`  go: still building (${elapsed()} s, ${lines} packages)…`), 30_000);
      const onData = (chunk: Buffer) => {
        const text = chunk.toString();
        tail = (tail + text).slice(-4000);
        for (const line of text.split('\n')) {
          if (!line.trim()) continue;
          lines++;
          if (lines % 100 === 0) log(`  go: ${lines} packages fetched or compiled…`);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('error', (error) => {
        clearInterval(ticker);
        reject(error);
      });
      child.on('close', (code) => {
        clearInterval(ticker);
        if (code === 0) resolve();
        else reject(new Error(`go install ${TEMPORAL_CLI_MODULE} failed (exit ${code}):\n${tail}`));
      });
    });
    const built = path.join(gobin, 'temporal');
    if (!fs.existsSync(built)) throw new Error(`go install ${TEMPORAL_CLI_MODULE} finished but ${built} is missing`);
    fs.renameSync(built, target);
    return target;
  } finally {
    fs.rmSync(gobin, { recursive: true, force: true });
  }
}
