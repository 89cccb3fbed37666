// The county's decision on an incident (异常): 重试 reaches the waiting workflow as this Update.
// (取消流程 is the ordinary withdrawal, a cancellation.) Defined once for workflows and the API.
import { defineUpdate } from '@temporalio/workflow';

export interface RetryIncidentRequest {
  incidentId: number;
  actorUserId: number;
}

export interface RetryIncidentResult {
  incidentId: number;
  status: 'retrying';
}

export const retryIncidentUpdate = defineUpdate<RetryIncidentResult, [RetryIncidentRequest]>('retryIncident');
