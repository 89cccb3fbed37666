import { Connection } from '@temporalio/client';
import { setTimeout as sleep } from 'node:timers/promises';

/** Waits until the frontend answers for the namespace; for a server just started. */
export async function waitForTemporal(
  address: string,
  namespace: string,
  options: { timeoutMs: number; isDead?: () => string | undefined },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const dead = options.isDead?.();
    if (dead) throw new Error(dead);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.describeNamespace({ namespace });
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      lastError = error;
      await sleep(250);
    }
  }
  throw new Error(
    `no answer within ${options.timeoutMs / 1000}s (${String((lastError as Error)?.message ?? lastError)})`,
  );
}
