// Stopping a part we started: SIGTERM, time to finish what it is doing, then SIGKILL.
import type { ChildProcess } from 'node:child_process';

/** Resolves once the child has exited; a child that ignores SIGTERM is killed after `graceMs`. */
export function stopChild(child: ChildProcess, graceMs = 15_000): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
