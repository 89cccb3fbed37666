import type { Identifier } from 'react-admin';
import type {
    AssessmentProgress,
    AssessmentResult,
    AssessmentSchedule,
    AssessmentScheduleBody,
    ObjectionBody,
    StartAssessmentBody,
    StartAssessmentResult,
} from './annual-assessment/types';
import { httpClient } from './http';
import type { BulkPairingResult, ProcessDefinition, ProcessHistory, StartedProcess } from './processes/types';
import type { BatchApproveBody, BatchApproveResult, TaskActionBody } from './tasks/types';
import type { BulkAction, BulkOperation, BulkPreview, BulkRunBody } from './processes/bulk/bulk-types';

const API = '/api';

const post = async <T>(path: string, body: unknown = {}): Promise<T> => {
    const { json } = await httpClient(`${API}${path}`, { method: 'POST', body: JSON.stringify(body) });
    return json as T;
};

const get = async <T>(path: string): Promise<T> => (await httpClient(`${API}${path}`)).json as T;

const put = async <T>(path: string, body: unknown): Promise<T> => {
    const { json } = await httpClient(`${API}${path}`, { method: 'PUT', body: JSON.stringify(body) });
    return json as T;
};

const ASSESSMENT = '/processes/annual-assessment';

/** `?year=2025&townshipId=5`, leaving out what is not chosen. */
export const assessmentQuery = (year: number, townshipId?: Identifier | null): string => {
    const query = new URLSearchParams({ year: String(year) });
    if (townshipId != null && townshipId !== '') query.set('townshipId', String(townshipId));
    return query.toString();
};

/** Where the results spreadsheet of a year (and township) is downloaded from. */
export const assessmentResultsXlsxUrl = (year: number, townshipId?: Identifier | null): string =>
    `${API}${ASSESSMENT}/results.xlsx?${assessmentQuery(year, townshipId)}`;

const processPath = (id: Identifier) => `/processes/${encodeURIComponent(String(id))}`;

/** Where the raw history is downloaded as Temporal's JSON. */
export const processHistoryDownloadUrl = (id: Identifier) => `${API}${processPath(id)}/history.json`;

/** The workflow calls beyond react-admin's CRUD: task actions, process operations, the bell. */
export interface WorkflowApi {
    actOnTask: (
        taskId: Identifier,
        body: TaskActionBody,
    ) => Promise<{ taskKey: string; action: string; stepOpen: boolean }>;
    batchApprove: (body: BatchApproveBody) => Promise<BatchApproveResult>;
    getProcessDefinitions: () => Promise<ProcessDefinition[]>;
    getProcessHistory: (processId: Identifier) => Promise<ProcessHistory>;
    cancelProcess: (processId: Identifier, reason: string) => Promise<{ id: string; status: string }>;
    terminateProcess: (processId: Identifier, reason: string) => Promise<{ id: string; status: string }>;
    getIncidents: () => Promise<{ total: number; byTownship: { townshipName: string | null; count: number }[] }>;
    retryIncident: (processId: Identifier) => Promise<{ id: string; status: string }>;
    cancelIncident: (processId: Identifier, reason: string) => Promise<{ id: string; status: string }>;
    urgeOverdue: (townshipId: Identifier) => Promise<{ urged: number; failed: number }>;
    /** 批量操作 over the process list's filter: what it would do, run it, and read its progress. */
    previewBulk: (action: BulkAction, filter: Record<string, unknown>) => Promise<BulkPreview>;
    runBulk: (body: BulkRunBody) => Promise<BulkOperation>;
    getBulkOperation: (id: number) => Promise<BulkOperation>;
    startMentorPairing: (body: {
        menteePersonId: Identifier;
        mentorPersonId: Identifier;
        reason?: string;
    }) => Promise<StartedProcess>;
    startPairingsForTownship: (townshipId: Identifier) => Promise<BulkPairingResult>;
    reassignMentor: (processId: Identifier, mentorPersonId: Identifier, reason: string) => Promise<{ moved: number }>;
    endPairingEarly: (processId: Identifier, reason: string) => Promise<{ id: string }>;
    getUnreadNotificationCount: () => Promise<number>;
    markNotificationRead: (id: Identifier) => Promise<unknown>;
    markAllNotificationsRead: () => Promise<{ count: number }>;
    startAssessment: (body: StartAssessmentBody) => Promise<StartAssessmentResult>;
    getAssessmentProgress: (year: number) => Promise<AssessmentProgress[]>;
    /** The years the bundled holiday calendar knows (节假日调整). */
    getBundledCalendarYears: () => Promise<{ first: number; last: number }>;
    getAssessmentResults: (year: number, townshipId?: Identifier | null) => Promise<AssessmentResult[]>;
    fileObjection: (body: ObjectionBody) => Promise<{ objection: number }>;
    getAssessmentSchedule: () => Promise<AssessmentSchedule>;
    setAssessmentSchedule: (body: AssessmentScheduleBody) => Promise<AssessmentSchedule>;
    pauseAssessmentSchedule: (note: string) => Promise<AssessmentSchedule>;
    unpauseAssessmentSchedule: () => Promise<AssessmentSchedule>;
    triggerAssessmentSchedule: () => Promise<{ triggeredAt: string }>;
    backfillAssessment: (year: number) => Promise<{ year: number; scheduledAt: string }>;
}

export const workflowApi: WorkflowApi = {
    actOnTask: (taskId, body) => post(`/tasks/${encodeURIComponent(String(taskId))}/actions`, body),
    batchApprove: (body) => post('/tasks/batch-decide', { ...body, decision: 'approve' }),
    getProcessDefinitions: () => get('/processes/definitions'),
    getProcessHistory: (processId) => get(`${processPath(processId)}/history`),
    cancelProcess: (processId, reason) => post(`${processPath(processId)}/cancel`, { reason }),
    terminateProcess: (processId, reason) => post(`${processPath(processId)}/terminate`, { reason }),
    getIncidents: () => get('/processes/incidents'),
    retryIncident: (processId) => post(`${processPath(processId)}/incident/retry`, {}),
    cancelIncident: (processId, reason) => post(`${processPath(processId)}/incident/cancel`, { reason }),
    urgeOverdue: (townshipId) => post('/processes/urge-overdue', { townshipId: Number(townshipId) }),
    previewBulk: (action, filter) => post('/processes/bulk-operations/preview', { action, filter }),
    runBulk: (body) => post('/processes/bulk-operations', body),
    getBulkOperation: (id) => get(`/processes/bulk-operations/${id}`),
    startMentorPairing: (body) => post('/processes/mentor-pairing', body),
    startPairingsForTownship: (townshipId) =>
        post('/processes/mentor-pairing/bulk', { townshipId: Number(townshipId) }),
    reassignMentor: (processId, mentorPersonId, reason) =>
        post(`/processes/mentor-pairing/${encodeURIComponent(String(processId))}/reassign-mentor`, {
            mentorPersonId: Number(mentorPersonId),
            reason,
        }),
    endPairingEarly: (processId, reason) =>
        post(`/processes/mentor-pairing/${encodeURIComponent(String(processId))}/end-early`, { reason }),
    getUnreadNotificationCount: async () => (await get<{ count: number }>('/notifications/unread-count')).count,
    markNotificationRead: (id) => post(`/notifications/${encodeURIComponent(String(id))}/read`),
    markAllNotificationsRead: () => post('/notifications/read-all'),
    startAssessment: (body) => post(`${ASSESSMENT}/start`, body),
    getAssessmentProgress: (year) => get(`${ASSESSMENT}/progress?${assessmentQuery(year)}`),
    getBundledCalendarYears: () => get('/calendar-overrides/bundled-years'),
    getAssessmentResults: (year, townshipId) => get(`${ASSESSMENT}/results?${assessmentQuery(year, townshipId)}`),
    fileObjection: (body) => post(`${ASSESSMENT}/objections`, body),
    getAssessmentSchedule: () => get(`${ASSESSMENT}/schedule`),
    setAssessmentSchedule: (body) => put(`${ASSESSMENT}/schedule`, body),
    pauseAssessmentSchedule: (note) => post(`${ASSESSMENT}/schedule/pause`, { note }),
    unpauseAssessmentSchedule: () => post(`${ASSESSMENT}/schedule/unpause`),
    triggerAssessmentSchedule: () => post(`${ASSESSMENT}/schedule/trigger`),
    backfillAssessment: (year) => post(`${ASSESSMENT}/schedule/backfill`, { year }),
};
