// What the time-skipping server and its workflows were doing when a test failed: which
// workflows are still open and their last events, and whether the server's threads are
// deadlocked. A test that hangs once in many runs (a timeout, nothing else to go on) then says
// where it stood.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import { threadDumpOf } from './time-skipping.js';

const EventType = temporal.api.enums.v1.EventType;
const LAST_EVENTS = 6;

/** The lines of a JVM thread dump worth reading here: a deadlock whole, else the service threads at work. */
export function summariseThreadDump(dump: string): string {
  const deadlock = dump.indexOf('Found one Java-level deadlock');
  if (deadlock >= 0) return dump.slice(deadlock, deadlock + 6000);
  const threads = dump.split(/\n(?=")/);
  const blocked = threads.filter((t) => /java\.lang\.Thread\.State: BLOCKED/.test(t));
  // A poll waiting for a task, and the timer waiting for its next timer, are the idle state.
  const waiting = threads.filter(
    (t) => /io\.temporal\.internal\.testservice/.test(t) && !/pollTaskQueue|TimerPump\.runLocked/.test(t),
  );
  return [
    `${threads.length} threads, ${blocked.length} blocked; busy in the test service: ${waiting.length}`,
    ...waiting.map((t) => {
      const [name, state, ...frames] = t.split('\n');
      const ours = frames.filter((f) => /io\.temporal\./.test(f)).slice(0, 8);
      return [name.replace(/ (prio|os_prio|cpu|tid|nid)=\S+/g, ''), state, ...ours].join('\n');
    }),
  ].join('\n\n');
}

async function openWorkflows(env: TestWorkflowEnvironment): Promise<string[]> {
  const service = env.connection.workflowService;
  const namespace = env.namespace ?? 'default';
  const { executions } = await service.listOpenWorkflowExecutions({ namespace, maximumPageSize: 100 });
  const lines: string[] = [];
  for (const e of executions ?? []) {
    const { history } = await service.getWorkflowExecutionHistory({ namespace, execution: e.execution });
    const events = (history?.events ?? []).slice(-LAST_EVENTS).map((ev) => EventType[ev.eventType ?? 0]);
    lines.push(`${e.execution?.workflowId}: … ${events.map((t) => t?.replace('EVENT_TYPE_', '')).join(', ')}`);
  }
  return lines;
}

const within = <T>(ms: number, work: Promise<T>, fallback: T): Promise<T> =>
  Promise.race([work, new Promise<T>((r) => setTimeout(() => r(fallback), ms).unref())]);

/** A report of the environment's open workflows and the server's threads, for a failed test's output. */
export async function diagnoseEngine(env: TestWorkflowEnvironment): Promise<string> {
  const [workflows, dump] = await Promise.all([
    within(10_000, openWorkflows(env), ['(the server did not answer within 10 s)']).catch((e: Error) => [
      `(listing failed: ${e.message})`,
    ]),
    threadDumpOf(env),
  ]);
  return [
    '── time-skipping server at the failure ──',
    `open workflows (${workflows.length}):`,
    ...workflows,
    '',
    summariseThreadDump(dump),
  ].join('\n');
}
