// The supervisor over real child processes: one killed is started again, one that keeps
// dying is reported with its last error, a stopped part stays stopped, and one that ends on
// the product's own Ctrl-C is not taken for a death.
import { spawn } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { childPart } from './child-part.js';
import { supervise } from './supervisor.js';

function nodePart(script: string) {
  const pids: number[] = [];
  const start = async () => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
    pids.push(child.pid!);
    return childPart(child);
  };
  return { start, pids };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('supervise', () => {
  it('starts a part killed with SIGKILL again, and stop() ends it for good', async () => {
    const lines: string[] = [];
    const { start, pids } = nodePart('setInterval(() => {}, 1000)');
    const part = await supervise({ name: 'worker', start, log: (l) => lines.push(l), initialDelayMs: 20 });
    expect(part.up()).toBe(true);
    process.kill(pids[0], 'SIGKILL');
    await vi.waitFor(() => expect(part.restarts()).toBe(1), { timeout: 10_000, interval: 20 });
    expect(part.up()).toBe(true);
    expect(pids).toHaveLength(2);
    expect(lines[0]).toMatch(/worker exited unexpectedly \(SIGKILL\); starting it again in 0\.0 s/);
    expect(lines[1]).toBe('✓ worker is running again (restart 1)');

    await part.stop();
    await vi.waitFor(() => expect(alive(pids[1])).toBe(false), { timeout: 10_000, interval: 20 });
    expect(part.up()).toBe(false);
    expect(pids).toHaveLength(2); // not started a third time
  });

  it('reports a part that keeps dying with its last error, pausing longer each time', async () => {
    const lines: string[] = [];
    const { start, pids } = nodePart('console.error("cannot reach the database: ECONNREFUSED"); process.exit(3)');
    const part = await supervise({
      name: 'api',
      start,
      log: (l) => lines.push(l),
      initialDelayMs: 10,
      keepsDyingAfter: 3,
    });
    await vi.waitFor(() => expect(lines.some((l) => l.includes('keeps dying'))).toBe(true), {
      timeout: 10_000,
      interval: 20,
    });
    await part.stop();
    const report = lines.find((l) => l.includes('keeps dying'))!;
    expect(report).toMatch(/✗ api keeps dying \(3 times in a row, last: code 3\)/);
    expect(report).toContain('cannot reach the database: ECONNREFUSED');
    // the pause doubles: 10 ms, 20 ms, then 40 ms
    expect(lines.filter((l) => l.includes('exited unexpectedly'))[1]).toContain('in 0.0 s');
    expect(report).toContain('starting it again in 0.0 s');
    expect(pids.length).toBeGreaterThanOrEqual(3);
  });

  it('says nothing and starts nothing when a part ends because the product is stopping', async () => {
    const lines: string[] = [];
    let stopping = false;
    const { start, pids } = nodePart('setInterval(() => {}, 1000)');
    const part = await supervise({
      name: 'PostgreSQL',
      start,
      log: (l) => lines.push(l),
      initialDelayMs: 10,
      stopping: () => stopping,
    });
    // Ctrl-C: the terminal's SIGINT reaches the part before the product stops it
    stopping = true;
    process.kill(pids[0], 'SIGINT');
    await vi.waitFor(() => expect(alive(pids[0])).toBe(false), { timeout: 10_000, interval: 20 });
    await part.stop();
    expect(lines).toEqual([]);
    expect(pids).toHaveLength(1);
  });
});
