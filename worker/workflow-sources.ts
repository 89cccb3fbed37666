// What the worker bundles for its workflows, and which modules of the bundle it loads once.
//
// A worker evaluates the bundle's modules again for every workflow it creates (a start, or a
// replay after its cache let one go), so that no workflow sees another's module state. zod's
// own modules cost several milliseconds of CPU each time and hold no state of a workflow: they
// are loaded once and shared (frozen). Schemas are not shared: zod builds members of a schema on
// first use and stores them on it, which a frozen schema refuses.
import { createRequire } from 'node:module';
import type { WorkerOptions } from '@temporalio/worker';

const require = createRequire(import.meta.url);

export const workflowSources: Pick<WorkerOptions, 'workflowsPath' | 'bundlerOptions'> = {
  workflowsPath: require.resolve('../workflows/index.ts'),
  bundlerOptions: { preloadModules: [require.resolve('../workflows/shared-modules.ts')] },
};
