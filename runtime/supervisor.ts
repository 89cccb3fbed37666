// Keeps a part of the product up: a part that dies is started again after a growing pause,
// the other parts keep running, and a part that keeps dying is reported with its last error.
// Only the start command's own stop (Ctrl-C) ends a supervised part for good.

/** One life of a part: resolves `exited` with a description of how it ended. */
export interface PartRun {
  exited: Promise<string>;
  stop(): Promise<void>;
  /** The last lines the part wrote to stderr, for the report when it keeps dying. */
  lastError(): string;
}

export interface SupervisorOptions {
  name: string;
  start: () => Promise<PartRun>;
  log: (line: string) => void;
  /** First pause before a restart; doubled each time up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** A part that ran this long is healthy again: the pause starts small. */
  healthyAfterMs?: number;
  /** This many deaths in a row without a healthy run: say plainly that the part keeps dying. */
  keepsDyingAfter?: number;
  /**
   * Whether the whole product is stopping. Ctrl-C reaches every part at once (the terminal
   * signals the process group): a part that ends on it before its own stop() is called has not
   * died, and is neither reported nor started again.
   */
  stopping?: () => boolean;
}

export interface SupervisedPart {
  readonly name: string;
  /** Whether the part is running now. */
  up(): boolean;
  restarts(): number;
  stop(): Promise<void>;
}

/** Starts the part (the first start's failure is thrown to the caller) and keeps it up. */
export async function supervise(options: SupervisorOptions): Promise<SupervisedPart> {
  const { name, log } = options;
  const initialDelayMs = options.initialDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const healthyAfterMs = options.healthyAfterMs ?? 60_000;
  const keepsDyingAfter = options.keepsDyingAfter ?? 5;

  let current: PartRun | undefined = await options.start();
  let stopped = false;
  let restarts = 0;
  let deathsInARow = 0;
  let wake: (() => void) | undefined;

  async function watch(run: PartRun, startedAt: number) {
    const how = await run.exited;
    if (stopped || options.stopping?.()) return;
    current = undefined;
    deathsInARow = Date.now() - startedAt >= healthyAfterMs ? 1 : deathsInARow + 1;
    const delay = Math.min(maxDelayMs, initialDelayMs * 2 ** (deathsInARow - 1));
    if (deathsInARow >= keepsDyingAfter) {
      const last = run.lastError().trim();
      log(
        `✗ ${name} keeps dying (${deathsInARow} times in a row, last: ${how})` +
          `${last ? `; its last error:\n${indent(last)}\n` : '; '}` +
          `starting it again in ${seconds(delay)}; Ctrl-C stops everything`,
      );
    } else {
      log(
        `✗ ${name} exited unexpectedly (${how}); starting it again in ${seconds(delay)} (the other parts keep running)`,
      );
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, delay);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    wake = undefined;
    while (!stopped && !options.stopping?.()) {
      try {
        const next = await options.start();
        if (stopped) return void (await next.stop());
        current = next;
        restarts++;
        log(`✓ ${name} is running again (restart ${restarts})`);
        void watch(next, Date.now());
        return;
      } catch (error) {
        deathsInARow++;
        const retry = Math.min(maxDelayMs, initialDelayMs * 2 ** (deathsInARow - 1));
        log(`✗ ${name} did not start: ${(error as Error).message}; trying again in ${seconds(retry)}`);
        await new Promise((resolve) => setTimeout(resolve, retry));
      }
    }
  }
  void watch(current, Date.now());

  return {
    name,
    up: () => current !== undefined,
    restarts: () => restarts,
    stop: async () => {
      stopped = true;
      wake?.();
      const last = current;
      current = undefined;
      await last?.stop();
    },
  };
}

function seconds(ms: number) {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

function indent(text: string) {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
