import type { ProcessStatus } from '../types';

/** 撤销, 强制终止 (county admin), 重试异常, 催办: the actions a bulk operation runs. */
export type BulkAction = 'cancel' | 'terminate' | 'retry' | 'urge';

export const BULK_ACTIONS: readonly BulkAction[] = ['cancel', 'terminate', 'retry', 'urge'];

/** 撤销 and 强制终止 are written on each timeline with their reason. */
export const needsReason = (action: BulkAction) => action === 'cancel' || action === 'terminate';

/** Who may use which action: the single actions' own rules (the API enforces them too). */
export const bulkActionsFor = (role: unknown): BulkAction[] =>
    role === 'county_admin'
        ? [...BULK_ACTIONS]
        : role === 'township_officer'
          ? BULK_ACTIONS.filter((a) => a !== 'terminate')
          : [];

export interface BulkPreview {
    total: number;
    acting: number;
    skipping: number;
    truncated: boolean;
    items: {
        id: string;
        type: string;
        title: string;
        subjectName: string | null;
        townshipName: string | null;
        currentStep: string | null;
        status: ProcessStatus;
        skip: string | null;
    }[];
}

export type BulkItemStatus = 'pending' | 'succeeded' | 'skipped' | 'failed';

export interface BulkOperation {
    id: number;
    action: BulkAction;
    reason: string | null;
    status: 'running' | 'done';
    total: number;
    done: number;
    succeeded: number;
    skipped: number;
    failed: number;
    items: {
        processId: string;
        title: string | null;
        type: string | null;
        townshipName: string | null;
        status: BulkItemStatus;
        message: string | null;
    }[];
}

export interface BulkRunBody {
    action: BulkAction;
    filter: Record<string, unknown>;
    reason?: string;
    requestId: string;
}
