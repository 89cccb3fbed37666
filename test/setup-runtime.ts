// Workers started by tests log the SDK's warnings only: its info lines (bundler statistics,
// worker state changes) would bury a failing test's output.
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { afterEach } from 'vitest';
import { diagnoseEngine } from './support/engine-diagnosis.js';
import { runningEnvironments } from './support/time-skipping.js';

try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // Already installed in this process by an earlier test file.
}

// A failed test on the time-skipping server reports where its workflows and the server stood.
afterEach(async (context) => {
  if (context.task.result?.state !== 'fail') return;
  for (const env of runningEnvironments()) console.error(await diagnoseEngine(env));
}, 30_000);
