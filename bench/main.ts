// `npm run bench -- <scenario>`: assessment-start (the default, bench/assessment-start.ts),
// approvals, bulk-start or inbox. Each scenario is a file beside this one; bench/README.md says
// what each measures and which settings size it.
import { BenchFailure, log, startClock } from './bench-run.js';
import { stopAll, stopOnExit, wasInterrupted } from './cleanup.js';
import type { Stack } from './stack.js';

const SCENARIOS: Record<string, { worker: boolean; run: () => Promise<(stack: Stack) => Promise<void>> }> = {
  approvals: { worker: true, run: async () => (await import('./approvals.js')).approvals },
  'bulk-start': { worker: true, run: async () => (await import('./bulk-start.js')).bulkStart },
  inbox: { worker: false, run: async () => (await import('./inbox.js')).inbox },
};

const name = process.argv[2] ?? 'assessment-start';
if (name === 'assessment-start') {
  await import('./assessment-start.js');
} else if (!SCENARIOS[name]) {
  console.error(`unknown scenario "${name}"; one of: assessment-start, ${Object.keys(SCENARIOS).join(', ')}`);
  process.exit(2);
} else {
  const scenario = SCENARIOS[name];
  const run = await scenario.run();
  const { startStack } = await import('./stack.js');
  startClock();
  stopOnExit();
  let exitCode = 0;
  try {
    await run(await startStack({ worker: scenario.worker }));
  } catch (error) {
    exitCode = 1;
    if (!wasInterrupted()) {
      const message = error instanceof BenchFailure ? error.message : String((error as Error).stack ?? error);
      console.error(`\n[bench] FAILED: ${message}`);
    }
  }
  log('stopping the worker, Temporal and PostgreSQL, removing the temporary folder');
  await stopAll();
  log(exitCode === 0 ? 'done' : 'stopped after a failure');
  process.exit(exitCode);
}
