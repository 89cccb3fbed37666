// The four faults of the drill, each done to the running product as a server room would do it,
// and what the drill measures of each: whether the health probe showed the outage, how long
// until it said all was well again, and until a workflow went round the whole product again.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Product } from './product.js';
import { partPid } from './product.js';
import { allUp, outageOf, probeRoundTrip, sampleHealth, type HealthSample } from './health.js';

export interface Fault {
  key: 'worker' | 'temporal' | 'postgres' | 'api';
  /** what is done, as the drill prints it */
  what: string;
  /** the part's name in the start command's lines */
  part: string;
  /** found by this text in its command line */
  marker: string;
  signal: NodeJS.Signals;
  /** what the health probe can show of it: a killed worker's last poll counts for 90 s */
  healthShows: boolean;
}

export const FAULTS: Fault[] = [
  {
    key: 'worker',
    what: 'kill -9 worker',
    part: 'worker',
    marker: 'worker/main.ts',
    signal: 'SIGKILL',
    healthShows: false,
  },
  {
    key: 'temporal',
    what: 'kill -9 Temporal dev server',
    part: 'Temporal dev server',
    marker: 'server start-dev',
    signal: 'SIGKILL',
    healthShows: true,
  },
  // SIGQUIT is PostgreSQL's immediate shutdown (pg_ctl stop -m immediate): no checkpoint.
  {
    key: 'postgres',
    what: 'PostgreSQL stop -m immediate',
    part: 'PostgreSQL',
    marker: '/bin/postgres -D',
    signal: 'SIGQUIT',
    healthShows: true,
  },
  {
    key: 'api',
    what: 'kill -9 API, requests in flight',
    part: 'api',
    marker: 'dist/api.mjs',
    signal: 'SIGKILL',
    healthShows: true,
  },
];

export interface FaultResult {
  fault: Fault;
  /** what the health probe said while the part was down, each distinct answer once */
  healthSaid: string[];
  /** seconds from the kill until the start command said the part runs again */
  restartedSeconds: number;
  /** seconds from the kill until the health probe was all up again after the restart */
  healthOkSeconds: number;
  /** seconds from the kill until a probe workflow went through Temporal, the worker and PostgreSQL */
  roundTripSeconds: number;
  /** other parts that died and were started again meanwhile, as the start command said */
  alsoRestarted: string[];
}

const restartsOf = (output: string, part: string) =>
  output.split('\n').filter((line) => line.includes(`✓ ${part} is running again`)).length;

const RECOVERY_TIMEOUT_MS = 240_000;
const ROUND_TRIP_TIMEOUT_MS = 600_000;

/** Does the fault to the product in `dataDir` and waits until the product has recovered by itself. */
export async function inject(product: Product, dataDir: string, fault: Fault, apiUrl: string): Promise<FaultResult> {
  const pid = partPid(dataDir, fault.marker);
  if (!pid) throw new Error(`${fault.part} is not running (no process with "${fault.marker}")`);
  const restartsBefore = restartsOf(product.output(), fault.part);
  const outputBefore = product.output().length;
  const t0 = Date.now();
  process.kill(pid, fault.signal);
  const seconds = (at: number) => Math.round((at - t0) / 100) / 10;

  let restartedAt: number | undefined;
  const samples: HealthSample[] = [];
  for (;;) {
    if (Date.now() - t0 > RECOVERY_TIMEOUT_MS)
      throw new Error(`${fault.part} not recovered within ${RECOVERY_TIMEOUT_MS / 1000} s after "${fault.what}"`);
    if (product.child.exitCode !== null) throw new Error(`the start command exited after "${fault.what}"`);
    const sample = await sampleHealth(apiUrl);
    samples.push(sample);
    if (restartedAt === undefined && restartsOf(product.output(), fault.part) > restartsBefore)
      restartedAt = Date.now();
    if (restartedAt !== undefined && allUp(sample)) break;
    await sleep(200);
  }
  const healthOkAt = samples[samples.length - 1].at;
  // Behind a county's backlog on the same task queue, the probe waits its turn: minutes.
  await probeRoundTrip(product.ports.QINGLAN_TEMPORAL_PORT, fault.key, ROUND_TRIP_TIMEOUT_MS);
  return {
    fault,
    healthSaid: [...new Set(samples.map(outageOf).filter((s): s is string => s !== undefined))],
    restartedSeconds: seconds(restartedAt!),
    healthOkSeconds: seconds(healthOkAt),
    roundTripSeconds: seconds(Date.now()),
    alsoRestarted: [
      ...new Set(
        [
          ...product
            .output()
            .slice(outputBefore)
            .matchAll(/✗ (.+?) exited unexpectedly/g),
        ]
          .map((m) => m[1])
          .filter((part) => part !== fault.part),
      ),
    ],
  };
}
