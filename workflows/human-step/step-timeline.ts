// What a process's steps write on its timeline and send as notices. Every event and notice has
// a key of its own (`<process>:e12`, `<process>:n13`), counted here in the workflow, so an
// activity retried or replayed writes its row once.
import { workflowInfo } from '@temporalio/workflow';
import { stepNoticeBody } from '../../domain/step-notice.js';
import type { FormRegistry } from './forms.js';
import type { OpenStep, Signer } from './open-step.js';
import type { ProcessEvent } from './process-events.js';
import { acts } from './step-activity-proxies.js';
import { recipientOf, type NotifyRequest } from './step-activities.js';
import type { Actor, Assignee } from './types.js';

export interface ProcessContext {
  type: string;
  title: string;
  forms: FormRegistry;
  /** Who started the process: may urge and comment. */
  startedBy: number | null;
  /**
   * Events and notifications already keyed in earlier runs of the same workflow id: a process
   * that continues as new starts counting from here, so its keys do not meet the old ones.
   */
  eventSeqFrom?: number;
}

/** An event of a step on the timeline: by whom, on which task, with what detail. */
export type EventArgs = [
  step: OpenStep,
  signer: Signer | null,
  action: string,
  actor: Actor | null,
  detail: Record<string, unknown>,
  comment?: string,
];

export class StepTimeline {
  private eventSeq: number;

  constructor(readonly process: ProcessContext) {
    this.eventSeq = process.eventSeqFrom ?? 0;
  }

  /** How many event and notification keys this workflow id has used, to carry into a next run. */
  get eventsKeyed(): number {
    return this.eventSeq;
  }

  get processId(): string {
    return workflowInfo().workflowId;
  }

  async event(...args: EventArgs): Promise<void> {
    await acts.recordEvent(this.eventInput(...args));
  }

  eventInput(...[step, signer, action, actor, detail, comment]: EventArgs) {
    return {
      eventKey: `${this.processId}:e${++this.eventSeq}`,
      processId: this.processId,
      taskKey: signer?.taskKey,
      at: new Date().toISOString(),
      actorUserId: actor?.userId ?? null,
      action,
      comment: comment ?? null,
      detail: { step: step.spec.key, stepName: step.spec.name, round: step.round, ...detail },
    };
  }

  /** An event of the process as a whole (mentor replaced, term extended …) on its timeline. */
  async recordProcessEvent(
    action: ProcessEvent,
    actor: Actor | null,
    detail: Record<string, unknown>,
    comment?: string,
  ): Promise<void> {
    await acts.recordEvent({
      eventKey: `${this.processId}:e${++this.eventSeq}`,
      processId: this.processId,
      at: new Date().toISOString(),
      actorUserId: actor?.userId ?? null,
      action,
      comment: comment ?? null,
      detail,
    });
  }

  async notify(
    step: OpenStep,
    kind: NotifyRequest['kind'],
    to: Assignee[],
    title: string,
    signer?: Signer,
  ): Promise<void> {
    if (to.length === 0) return;
    await acts.notify({
      ...this.notifyInput(step, kind, to, title),
      link: signer ? `/tasks/${signer.taskId}/show` : `/processes/${encodeURIComponent(this.processId)}/show`,
      taskId: signer?.taskId,
    });
  }

  notifyInput(step: OpenStep, kind: NotifyRequest['kind'], to: Assignee[], title: string) {
    const head = this.noticeHead(step, kind, to, title);
    return { ...head, body: stepNoticeBody(this.process.title, step.spec.name, step.schedule.dueAt) };
  }

  /** A notice but its body, which names the deadline: for a step whose schedule is not known yet. */
  noticeHead(step: OpenStep, kind: NotifyRequest['kind'], to: Assignee[], title: string) {
    return {
      key: `${this.processId}:n${++this.eventSeq}`,
      kind,
      recipients: to.map(recipientOf),
      title,
      townshipId: step.spec.townshipId,
    };
  }
}
