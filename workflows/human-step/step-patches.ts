// The versions of a step's commands. Each id names a change in the activities, timers or
// markers a step emits; runs recorded before it replay the commands they recorded, so every
// branch that reads one of these stays until no run recorded before it is left.

/**
 * Steps escalate along the catalogue's chain of several hops (township, then county). Runs
 * recorded before it escalated once at most, with fewer timers: they replay on the old chain.
 */
export const ESCALATION_CHAINS = 'escalation-chains';

/**
 * A step being opened finishes opening even when its scope is cancelled meanwhile (使用 while a
 * talk opens); only the wait is cut. Cancelling the opening's activities raced their completion
 * (the server refuses to cancel an activity that has just finished, and the task was retried for
 * ever) and could leave a task opened after the step had closed it. Runs recorded before
 * replay their cancelled activities as they were.
 */
export const WHOLE_OPENING = 'step-opening-not-cancelled';

/**
 * A transition is one write: a decision closes its task and records it in one local activity,
 * and a step opens (schedule, tasks, events, notifications owed, the process's current step)
 * in two, instead of a round trip through Temporal per row. Runs recorded before replay their
 * separate activities as they were.
 */
export const ONE_WRITE = 'one-write-transitions';

/**
 * A step opens in one local activity that resolves its schedule too, and a decision that ends
 * its step writes what the process waits on next in its own transaction, so the step's end
 * writes nothing more: an approval that opens the next step costs two local activities, not four.
 * Runs recorded before replay as they were.
 */
export const STEP_IN_ONE_ACTIVITY = 'step-opens-with-its-schedule';
