// The README's start command as a test drives it: on free ports, in a given data folder,
// its output read as it comes, stopped as a terminal's Ctrl-C stops it.
import type { ChildProcess } from 'node:child_process';
import { expect, vi } from 'vitest';
import { launchProduct, type Product } from '../../chaos/product.js';

export { partPid } from '../../chaos/product.js';

export type ProductRun = Product;

/** The product on free ports in `dataDir` (see chaos/product.ts). */
export const startProduct = (dataDir: string, { firstStart }: { firstStart: boolean }) =>
  launchProduct(dataDir, { firstStart });

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
