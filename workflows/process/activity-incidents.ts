// Every activity of every process retries on one bounded policy; a failure that outlives it
// (or one the activity marks non-retryable) becomes an incident (异常) instead of failing the
// workflow: the incident is recorded, the process shows 异常, the county admin and the
// township's officer are told, and the workflow waits for the county's decision. 重试 runs the
// activity again and the process goes on; 取消流程 is the ordinary withdrawal (撤销), whose
// cancellation ends the wait like any other. A database that cannot be reached is no incident:
// nobody can mend it from the console (nor could the incident be written), and every process
// busy at that moment would raise one; the workflow waits and tries again until it is back.
import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  condition,
  isCancellation,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  TemporalFailure,
  TimeoutFailure,
  type ActivityOptions,
  type LocalActivityOptions,
  type RetryPolicy,
} from '@temporalio/workflow';
import type { IncidentActivities, OpenIncidentInput } from '../../activities/process-status/incident-activities.js';
import { DATABASE_UNAVAILABLE } from '../../db/database-unavailable.js';
import { retryIncidentUpdate, type RetryIncidentRequest } from './incident-messages.js';

/** The patch of workflows whose failed activities wait as incidents instead of failing them. */
export const ACTIVITY_INCIDENTS = 'activity-incidents';

/** The patch of workflows that wait for an unreachable database instead of opening an incident. */
export const DATABASE_OUTAGE_WAITS = 'database-outage-waits';

/**
 * One policy for every activity: a short hiccup (a database restart, a lock) is absorbed in
 * about a quarter of a minute; after four tries, or five minutes, a person is asked (unless the
 * database itself could not be reached: then the workflow waits for it, below).
 */
export const BOUNDED_RETRY: RetryPolicy = {
  initialInterval: '1 second',
  backoffCoefficient: 3,
  maximumInterval: '1 minute',
  maximumAttempts: 4,
};
const BOUNDED_TIME = '5 minutes';

/**
 * Between two rounds of that policy while the database cannot be reached: soon at first, then
 * every five minutes, so a night-long outage costs a history a few events an hour.
 */
const OUTAGE_WAITS = ['1 minute', '2 minutes', '5 minutes'] as const;

/**
 * Recording the incident is the one write that keeps retrying (with the default, unbounded
 * policy): when the database itself is away there is nothing better to do than wait for it.
 */
const record = proxyActivities<IncidentActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Activities on the bounded policy whose failures become incidents. */
export function boundedActivities<T extends object>(options: Omit<ActivityOptions, 'retry'>): T {
  return guarded(proxyActivities<T>({ scheduleToCloseTimeout: BOUNDED_TIME, ...options, retry: BOUNDED_RETRY }) as T);
}

/** Local activities likewise (short writes run inside the workflow task). */
export function boundedLocalActivities<T extends object>(options: Omit<LocalActivityOptions, 'retry'>): T {
  return guarded(
    proxyLocalActivities<T>({ scheduleToCloseTimeout: BOUNDED_TIME, ...options, retry: BOUNDED_RETRY }) as T,
  );
}

function guarded<T extends object>(proxy: T): T {
  return new Proxy(proxy, {
    get(target, name) {
      const call = Reflect.get(target, name) as (...args: unknown[]) => Promise<unknown>;
      if (typeof name !== 'string' || typeof call !== 'function') return call;
      return (...args: unknown[]) => untilDone(name, () => call(...args));
    },
  });
}

async function untilDone<R>(activity: string, call: () => Promise<R>): Promise<R> {
  for (let outages = 0; ;) {
    const startedAt = Date.now();
    try {
      return await call();
    } catch (error) {
      // Histories recorded before the patch never got here: their activities retried for ever.
      if (!(error instanceof TemporalFailure) || isCancellation(error) || !patched(ACTIVITY_INCIDENTS)) throw error;
      // Histories recorded before this patch made an incident of an outage too.
      if (databaseUnreachable(error) && patched(DATABASE_OUTAGE_WAITS)) await waitForDatabase(activity, outages++);
      else await waitForRetry(describe(activity, error, startedAt));
    }
  }
}

function databaseUnreachable(failure: TemporalFailure): boolean {
  const cause = failure instanceof ActivityFailure ? failure.cause : failure;
  return cause instanceof ApplicationFailure && cause.type === DATABASE_UNAVAILABLE;
}

/** A durable pause before the next round; a withdrawal (撤销) ends it, as it ends an incident's wait. */
async function waitForDatabase(activity: string, outages: number): Promise<void> {
  const wait = OUTAGE_WAITS[Math.min(outages, OUTAGE_WAITS.length - 1)];
  log.warn('the database cannot be reached; trying again later', { activity, wait, outages: outages + 1 });
  const withdrawn = CancellationScope.current().cancelRequested;
  withdrawn.catch(() => undefined);
  await Promise.race([sleep(wait), withdrawn]);
}

/**
 * What the incident says about the failure: the last error, how it ended, tries and time. The
 * failure comes as an ActivityFailure around its cause, or (as some servers report it) as the
 * cause itself.
 */
function describe(activity: string, failure: TemporalFailure, startedAt: number): OpenIncidentInput {
  const cause = failure instanceof ActivityFailure ? (failure.cause ?? failure) : failure;
  const retryState = failure instanceof ActivityFailure ? failure.retryState : undefined;
  const nonRetryable =
    (cause instanceof ApplicationFailure && cause.nonRetryable === true) || retryState === 'NON_RETRYABLE_FAILURE';
  const timedOut = cause instanceof TimeoutFailure || retryState === 'TIMEOUT';
  return {
    activity,
    errorType: cause instanceof ApplicationFailure ? (cause.type ?? 'Error') : cause.name,
    errorMessage: cause.message,
    nonRetryable,
    timedOut,
    // Temporal does not say how many tries a failure took: a non-retryable error stops at its
    // first, an exhausted policy at its last; a time limit leaves it unknown.
    attempts: nonRetryable ? 1 : timedOut ? null : BOUNDED_RETRY.maximumAttempts!,
    firstFailedAt: new Date(startedAt).toISOString(),
    failedAt: new Date().toISOString(),
  };
}

const waiting = new Map<number, RetryIncidentRequest | null>();

async function waitForRetry(incident: OpenIncidentInput): Promise<void> {
  if (waiting.size === 0) listenForRetries();
  const id = await record.openIncident(incident);
  waiting.set(id, null);
  // A step's opening runs in a non-cancellable scope, yet a withdrawal (取消流程) must end the
  // wait: a cancellation request still reaches such a scope's `cancelRequested`.
  const withdrawn = CancellationScope.current().cancelRequested;
  withdrawn.catch(() => undefined);
  try {
    await Promise.race([condition(() => waiting.get(id) != null), withdrawn]);
    const decision = waiting.get(id)!;
    await record.resumeFromIncident({ incidentId: id, actorUserId: decision.actorUserId });
  } finally {
    waiting.delete(id);
  }
}

let listening = false;
function listenForRetries() {
  if (listening) return;
  listening = true;
  setHandler(
    retryIncidentUpdate,
    (request) => {
      waiting.set(request.incidentId, request);
      return { incidentId: request.incidentId, status: 'retrying' as const };
    },
    {
      validator: (request) => {
        if (waiting.get(request.incidentId) !== null) throw new Error(`incident ${request.incidentId} is not open`);
      },
    },
  );
}
