// Writes of an incident (异常): opening it (the row, the process's status, the timeline and a
// notice to the county admin and the township's officer, in one transaction) and resuming
// from it when the county retries. See workflows/process/activity-incidents.ts.
import { Context } from '@temporalio/activity';
import type { DB } from '../../db/database.js';
import {
  notificationSending,
  recordNotification,
  sendOwed,
  type Recipient,
} from '../notifications/notification-activities.js';
import type { NotificationSettings } from '../notifications/notification-settings.js';
import { incidentMessage, type FailureFacts } from './incident-messages.js';

export interface OpenIncidentInput extends FailureFacts {
  firstFailedAt: string;
  failedAt: string;
}

export interface IncidentActivities {
  openIncident(input: OpenIncidentInput): Promise<number>;
  resumeFromIncident(input: { incidentId: number; actorUserId: number }): Promise<void>;
}

export function createIncidentActivities(db: DB, settings: Partial<NotificationSettings> = {}): IncidentActivities {
  const sending = notificationSending(settings);
  return {
    async openIncident(input) {
      const { workflowExecution, activityId } = Context.current().info;
      const processId = workflowExecution!.workflowId;
      const key = `${workflowExecution!.runId}:${activityId}`;
      const message = incidentMessage(input);
      const owed = await db.transaction().execute(async (trx) => {
        // A process whose registration itself failed has no row yet: its incident still counts.
        const process = (await trx
          .selectFrom('processes')
          .select(['title', 'township_id', 'current_step'])
          .where('id', '=', processId)
          .executeTakeFirst()) ?? { title: processId, township_id: null, current_step: null };
        await trx
          .insertInto('incidents')
          .values({
            incident_key: key,
            process_id: processId,
            activity: input.activity,
            step: process.current_step,
            error_type: input.errorType,
            error_message: message,
            non_retryable: input.nonRetryable,
            timed_out: input.timedOut,
            attempts: input.attempts,
            first_failed_at: new Date(input.firstFailedAt),
            failed_at: new Date(input.failedAt),
          })
          .onConflict((oc) => oc.column('incident_key').doNothing())
          .execute();
        await trx
          .updateTable('processes')
          .set({ status: 'incident' })
          .where('id', '=', processId)
          .where('status', '=', 'running')
          .execute();
        await trx
          .insertInto('task_events')
          .values({
            event_key: `${processId}:incident:${key}`,
            process_id: processId,
            at: new Date(input.failedAt),
            actor_user_id: null,
            action: 'incident',
            comment: message,
            detail: JSON.stringify({ activity: input.activity, step: process.current_step }),
          })
          .onConflict((oc) => oc.column('event_key').doNothing())
          .execute();
        const recipients: Recipient[] = [{ role: 'county_admin' }];
        if (process.township_id != null) recipients.push({ role: 'township_officer', townshipId: process.township_id });
        const recorded = await recordNotification(
          trx,
          {
            key: `incident:${key}`,
            kind: 'process_incident',
            recipients,
            title: `流程异常：${process.title}`,
            body: message,
            link: `/processes/${encodeURIComponent(processId)}/show`,
            townshipId: process.township_id,
          },
          sending,
        );
        return recorded.owes;
      });
      if (owed) await sendOwed(db, sending, `incident:${key}`);
      const row = await db
        .selectFrom('incidents')
        .select('id')
        .where('incident_key', '=', key)
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async resumeFromIncident({ incidentId, actorUserId }) {
      const processId = Context.current().info.workflowExecution!.workflowId;
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('incidents')
          .set({ status: 'retried', resolved_by: actorUserId, resolved_at: new Date() })
          .where('id', '=', incidentId)
          .where('status', '=', 'open')
          .execute();
        const stillOpen = await trx
          .selectFrom('incidents')
          .select('id')
          .where('process_id', '=', processId)
          .where('status', '=', 'open')
          .executeTakeFirst();
        if (!stillOpen)
          await trx
            .updateTable('processes')
            .set({ status: 'running' })
            .where('id', '=', processId)
            .where('status', '=', 'incident')
            .execute();
        await trx
          .insertInto('task_events')
          .values({
            event_key: `${processId}:incident-retried:${incidentId}`,
            process_id: processId,
            at: new Date(),
            actor_user_id: actorUserId,
            action: 'incident_retried',
            comment: null,
            detail: JSON.stringify({ incidentId }),
          })
          .onConflict((oc) => oc.column('event_key').doNothing())
          .execute();
      });
    },
  };
}
