import type { Identifier, RaRecord } from 'react-admin';
import type { StepView } from '../../../workflows/human-step/step-catalogue';

export type ProcessStatus =
    | 'running'
    | 'incident'
    | 'completed'
    | 'rejected'
    | 'ended_early'
    | 'cancelled'
    | 'terminated'
    | 'failed'
    | 'timed_out';

/** A started process (流程) as the list shows it. */
export interface Process extends RaRecord<string> {
    type: string;
    title: string;
    townshipId: Identifier | null;
    townshipName: string | null;
    villageId: Identifier | null;
    subjectPersonId: Identifier | null;
    subjectName: string | null;
    status: ProcessStatus;
    currentStep: string | null;
    startedBy: Identifier | null;
    startedAt: string;
    endedAt: string | null;
    params: Record<string, unknown>;
    outcome: Record<string, unknown> | null;
    overdueTasks: number;
    openTasks: number;
}

/** One line of the business timeline. */
export interface TimelineEntry {
    id: number;
    at: string;
    action: string;
    comment: string | null;
    detail: Record<string, unknown>;
    actorUserId: Identifier | null;
    actorName: string | null;
    taskId: Identifier | null;
    stepKey: string | null;
    stepName: string | null;
}

/** `GET /api/processes/{id}`: the process with its timeline and the diagram's highlights. */
export interface ProcessDetail extends Process {
    timeline: TimelineEntry[];
    /** Step families the run has been through. */
    path: string[];
    /** Step families open now. */
    current: string[];
    /** The failed activity the process waits on (状态 异常); null when there is none. */
    incident: ProcessIncident | null;
}

export interface ProcessIncident {
    id: number;
    activity: string;
    step: string | null;
    errorType: string;
    errorMessage: string;
    nonRetryable: boolean;
    attempts: number | null;
    firstFailedAt: string;
    failedAt: string;
}

/** One step of a process type's catalogue (`workflows/<process>/<process>-steps.ts`), as the API serves it. */
export type StepDefinition = StepView;

/** `GET /api/processes/definitions`. */
export interface ProcessDefinition {
    type: string;
    name: string;
    nameEn: string;
    steps: StepDefinition[];
}

/** `GET /api/processes/{id}/history`: one raw Temporal event. */
export interface HistoryEvent {
    eventId: string;
    eventType: string;
    eventTime: string | null;
    /** The event's attributes with payloads decoded (personal data masked unless the role sees it). */
    attributes: unknown;
}

/** `GET /api/processes/{id}/history`. */
export interface ProcessHistory {
    events: HistoryEvent[];
    masked: boolean;
    /** The workflow in the Temporal UI, when its address is configured. */
    temporalUiUrl: string | null;
}

export interface StartedProcess {
    id: string;
    title: string;
}

export interface BulkPairingResult {
    started: StartedProcess[];
    skipped: { personId: Identifier; name: string; reason: string }[];
}
