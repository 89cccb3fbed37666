// The README's start command as a test drives it: on free ports, in a given data folder,
// its output read as it comes, stopped as a terminal's Ctrl-C stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { expect, vi } from 'vitest';
import { freePort } from './free-port.js';

export type ProductRun = Awaited<ReturnType<typeof startProduct>>;

/**
 * Free ports are only free when asked: another test's server (or the dev server's own internal
 * listeners) may take one before the product binds it. The product then refuses plainly and
 * stops; that refusal, and only it, is retried on new ports.
 */
export async function startProduct(dataDir: string, { firstStart }: { firstStart: boolean }) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startProductOnce(dataDir);
    } catch (error) {
      if (attempt >= 3 || !/port \d+ is in use/.test(String(error))) throw error;
      // a first start is retried from an empty folder, so it is still a first start
      if (firstStart) {
        fs.rmSync(dataDir, { recursive: true, force: true });
        fs.mkdirSync(dataDir, { mode: 0o755 });
      }
    }
  }
}

async function startProductOnce(dataDir: string) {
  const ports = {
    PORT: await freePort(),
    QINGLAN_PG_PORT: await freePort(),
    QINGLAN_TEMPORAL_PORT: await freePort(),
    QINGLAN_TEMPORAL_UI_PORT: await freePort(),
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
    QINGLAN_DATA_DIR: dataDir,
  };
  delete env.DATABASE_URL;
  delete env.TEMPORAL_ADDRESS;
  delete env.NODE_ENV; // vitest sets 'test'; the product runs as a developer would run it
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('is running')) {
        clearInterval(timer);
        resolve();
      }
      if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`start exited early:\n${output}`));
      }
    }, 100);
  });
  return { child, ports, exited, output: () => output };
}

/** Waits until the running product prints a line matching `pattern` (or fails when it exits first). */
export async function waitForOutput(
  run: { child: ChildProcess; output: () => string },
  pattern: RegExp,
  timeout = 300_000,
) {
  await vi.waitFor(
    () => {
      if (pattern.test(run.output())) return;
      if (run.child.exitCode !== null) throw new Error(`start exited before ${pattern}:\n${run.output()}`);
      throw new Error(`not yet: ${pattern}`);
    },
    { timeout, interval: 200 },
  );
}

/** Ctrl-C in a terminal signals the whole process group. */
export async function pressCtrlC(run: { child: ChildProcess; exited: Promise<number | null> }) {
  process.kill(-run.child.pid!, 'SIGINT');
  return run.exited;
}

export async function portsClosed(ports: Record<string, number>) {
  for (const port of Object.values(ports)) {
    const open = await fetch(`http://127.0.0.1:${port}/`).then(
      () => true,
      () => false,
    );
    expect(open, `port ${port} still answers`).toBe(false);
  }
}

/**
 * The pid of the running product's part whose command line contains `marker` and whose
 * environment or arguments name `dataDir` (other tests may run parts of their own).
 */
export function partPid(dataDir: string, marker: string): number | undefined {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (!cmdline.includes(marker)) continue;
      const environ = fs.readFileSync(`/proc/${entry}/environ`, 'utf8');
      if (cmdline.includes(dataDir) || environ.includes(`QINGLAN_DATA_DIR=${dataDir}\0`)) return Number(entry);
    } catch {
      /* the process ended while we looked */
    }
  }
  return undefined;
}
