import type { Identifier, RaRecord } from 'react-admin';
import type { Deadline } from '../../../workflows/human-step/types';

export type TaskStatus = 'open' | 'done' | 'cancelled';
export type TaskDecision = 'submit' | 'approve' | 'reject' | 'return';
export type TaskOperation = 'transfer' | 'add_signer' | 'urge' | 'cc' | 'comment' | 'change_deadline';
export type TaskAction = TaskDecision | TaskOperation;

/** What the step shows its assignee: the people, the month, the grade, where it may go back to. */
export interface TaskContext {
    mentee?: string;
    mentor?: string;
    month?: number;
    grade?: string;
    reason?: string;
    processTitle?: string;
    returnTo?: string[];
    /** 年度考核: the cadre assessed, the year, an objection's reason, the ranking's total and rank. */
    cadre?: string;
    year?: number;
    objection?: string;
    total?: number;
    rank?: number;
    [key: string]: unknown;
}

/** A human step's task (待办). */
export interface Task extends RaRecord {
    taskKey: string;
    processId: string;
    processType: string;
    processTitle: string;
    stepKey: string;
    stepName: string;
    round: number;
    form: string;
    actions: TaskDecision[];
    assigneeUserId: Identifier | null;
    assigneeName: string | null;
    assigneeRole: string | null;
    townshipId: Identifier | null;
    villageId: Identifier | null;
    status: TaskStatus;
    dueAt: string;
    overdue: boolean;
    escalationLevel: number;
    context: TaskContext;
    decision: Record<string, unknown> | null;
    decidedBy: Identifier | null;
    decidedAt: string | null;
    createdAt: string;
    canAct: boolean;
    /** 同意 needs no form: 批量同意 may take it. */
    quickApprove: boolean;
}

/** Body of `POST /api/tasks/{id}/actions`. */
export interface TaskActionBody {
    action: TaskAction;
    form?: Record<string, unknown>;
    comment?: string;
    returnTo?: string;
    userIds?: Identifier[];
    deadline?: Deadline;
    requestId?: string;
}

/** Body of `POST /api/tasks/batch-decide` (批量同意), the decision added by the call. */
export interface BatchApproveBody {
    ids: Identifier[];
    comment?: string;
    requestId: string;
}

/** One task's outcome in a 批量同意. */
export interface BatchApproveItem {
    id: Identifier;
    ok: boolean;
    stepName: string | null;
    processTitle: string | null;
    code: string | null;
    message: string | null;
    messageEn: string | null;
}

export interface BatchApproveResult {
    requestId: string;
    succeeded: number;
    failed: number;
    results: BatchApproveItem[];
}
