// The README's start command as a drill or a test drives it: on free ports, in a given data
// folder, its output read as it comes, its parts found by their command lines.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../test/support/free-port.js';

export interface Product {
  child: ChildProcess;
  ports: { PORT: number; QINGLAN_PG_PORT: number; QINGLAN_TEMPORAL_PORT: number; QINGLAN_TEMPORAL_UI_PORT: number };
  exited: Promise<number | null>;
  output: () => string;
}

/**
 * Free ports are only free when asked: another server (or the dev server's own internal
 * listeners) may take one before the product binds it. The product then refuses plainly and
 * stops; that refusal, and only it, is retried on new ports.
 */
export async function launchProduct(
  dataDir: string,
  { firstStart, env = {} }: { firstStart: boolean; env?: NodeJS.ProcessEnv },
): Promise<Product> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await launchOnce(dataDir, env);
    } catch (error) {
      // the start command's own refusal, or the dev server's bind error when one of its
      // internal listeners drew the very port chosen for its gRPC
      if (attempt >= 3 || !/port \d+ is in use|address already in use/.test(String(error))) throw error;
      // a first start is retried from an empty folder, so it is still a first start
      if (firstStart) {
        fs.rmSync(dataDir, { recursive: true, force: true });
        fs.mkdirSync(dataDir, { mode: 0o755 });
      }
    }
  }
}

async function launchOnce(dataDir: string, extra: NodeJS.ProcessEnv): Promise<Product> {
  const ports = {
    PORT: await freePort(),
    QINGLAN_PG_PORT: await freePort(),
    QINGLAN_TEMPORAL_PORT: await freePort(),
    QINGLAN_TEMPORAL_UI_PORT: await freePort(),
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...extra,
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
  while (!output.includes('is running')) {
    if (child.exitCode !== null) throw new Error(`start exited early:\n${output}`);
    await sleep(100);
  }
  return { child, ports, exited, output: () => output };
}

/**
 * The pid of the running product's part whose command line contains `marker` and whose
 * environment or arguments name `dataDir` (other runs may have parts of their own).
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

/** Ctrl-C as a terminal sends it, to the whole process group; a group that will not stop is killed. */
export async function stopProduct(run: Product, graceMs = 60_000): Promise<number | null> {
  if (run.child.exitCode !== null) return run.child.exitCode;
  process.kill(-run.child.pid!, 'SIGINT');
  const timer = setTimeout(() => {
    try {
      process.kill(-run.child.pid!, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }, graceMs);
  const code = await run.exited;
  clearTimeout(timer);
  return code;
}
