// A clerk's request waits for a workflow to take an Update (a decision, ending a pairing early)
// only so long: a worker answers in well under a second, but with no worker polling, Temporal
// keeps the call open for ever and the request with it. Past the deadline the API answers 503.
import type { TemporalHandle } from '../context.js';

export const UPDATE_DEADLINE_MS = 20_000;

export function withUpdateDeadline<T>(temporal: TemporalHandle, update: () => Promise<T>): Promise<T> {
  return temporal.connection.withDeadline(Date.now() + UPDATE_DEADLINE_MS, update);
}
