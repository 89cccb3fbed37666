// The clock of an open step: it waits for a decision, and between times reminds before the
// deadline, tells of it once passed, escalates along the chain, or closes the step at its
// window's end. One timer at a time, for the next alarm; an action on the step (a new deadline,
// a transfer) wakes the wait, which starts again with the alarm then due.
import { condition } from '@temporalio/workflow';
import { undecided, waitingOn, type OpenStep } from './open-step.js';
import { acts } from './step-activity-proxies.js';
import type { StepTimeline } from './step-timeline.js';
import type { Assignee, EscalationTarget } from './types.js';

interface Alarm {
  at: number;
  fire: () => Promise<void>;
}

/** Closes the open step `key` undecided (the engine's `close`). */
type CloseStep = (key: string, reason: string) => boolean;

/** The assignee a hop of the chain tells: a role of the step's township, or the county. */
export function escalationRecipient(target: EscalationTarget, townshipId: number | null): Assignee {
  if (target === 'county_admin' || townshipId == null) return { kind: 'role', role: 'county_admin' };
  return { kind: 'role', role: target, townshipId };
}

/** Until the step is decided or closed: each alarm fires when no action on the step came first. */
export async function waitForOutcome(timeline: StepTimeline, step: OpenStep, close: CloseStep): Promise<void> {
  while (!step.outcome && !step.closed) {
    const alarm = nextAlarm(timeline, step, close);
    const version = step.version;
    const woken = await condition(
      () => step.outcome !== undefined || step.version !== version,
      alarm ? Math.max(alarm.at - Date.now(), 1) : undefined,
    );
    if (step.outcome || step.closed) return;
    if (!woken && alarm) await alarm.fire();
  }
}

/** The next reminder, overdue notice or escalation, or the step's closing if that comes first. */
function nextAlarm(timeline: StepTimeline, step: OpenStep, close: CloseStep): Alarm | undefined {
  const alarm = nextNotice(timeline, step);
  const closes = step.spec.closes;
  if (!closes || (alarm && alarm.at < Date.parse(closes.at))) return alarm;
  return {
    at: Date.parse(closes.at),
    fire: async () => {
      close(step.spec.key, closes.reason);
    },
  };
}

function nextNotice(timeline: StepTimeline, step: OpenStep): Alarm | undefined {
  const { schedule, spec } = step;
  if (!step.reminded && schedule.remindAt) {
    return {
      at: Date.parse(schedule.remindAt),
      fire: async () => {
        step.reminded = true;
        await timeline.notify(step, 'task_reminder', waitingOn(step), `即将到期：${spec.name}`, undecided(step)[0]);
        await timeline.event(step, null, 'reminded', null, { dueAt: schedule.dueAt });
      },
    };
  }
  if (!step.overdue) {
    return {
      at: Date.parse(schedule.dueAt),
      fire: async () => {
        step.overdue = true;
        await timeline.notify(step, 'task_overdue', waitingOn(step), `已逾期：${spec.name}`, undecided(step)[0]);
        await timeline.event(step, null, 'overdue', null, { dueAt: schedule.dueAt });
      },
    };
  }
  const level = step.escalated;
  const rule = spec.escalate?.[level];
  if (rule && schedule.escalateAt[level]) {
    return {
      at: Date.parse(schedule.escalateAt[level]),
      fire: async () => {
        step.escalated = level + 1;
        const recipients = [escalationRecipient(rule.notify, spec.townshipId)];
        await timeline.notify(step, 'task_escalated', recipients, `逾期督办：${spec.name}`, undecided(step)[0]);
        for (const s of undecided(step))
          await acts.setTaskDue({ taskKey: s.taskKey, dueAt: schedule.dueAt, escalationLevel: level + 1 });
        await timeline.event(step, null, 'escalated', null, { level: level + 1, to: recipients });
      },
    };
  }
  return undefined;
}
