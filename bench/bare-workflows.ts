// The bare-Temporal baselines of the scenarios: a workflow that does nothing but wait on one
// Update. Run by a second worker in the benchmark's worker process, on the same server.
import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

export const bareDecide = defineUpdate<string, [string]>('bareDecide');

export async function bareWaiter(): Promise<string> {
  let decided: string | undefined;
  setHandler(bareDecide, (decision) => (decided = decision));
  await condition(() => decided !== undefined);
  return decided!;
}
