// Notifications for human steps (reminders, escalations, urging, CC), sent from an activity
// so a failed send is retried by Temporal.
//
// Idempotency. Everything one call does runs inside one database transaction:
//  1. the in-app rows are inserted `on conflict (notification_key, user_id) do nothing`;
//  2. email goes only to the users whose row is new in this call, and the group robots are
//     posted to only when no user had this key before: the committed rows are the durable
//     record of what was delivered, so a repeated call sends nothing anywhere;
//  3. if any email or robot fails, the exception rolls the rows back and Temporal retries
//     the whole call. Sends that succeeded before the failure are remembered in a
//     process-local sent-log, so a retry on the same worker skips them; a retry that lands
//     on another worker may send those once more. Losing a reminder is worse than a rare
//     duplicate, and in-app rows are written exactly once either way. The price: while a
//     robot or the mail server keeps failing, the bell waits too (the caller's retry policy
//     bounds how long). An address the mail server refuses for good (5xx) is skipped.
// Without the in-app channel there is no durable record: only the sent-log deduplicates.
import type { DB } from '../../db/database.js';
import { insertInApp, keyAlreadyDelivered } from './channels/in-app.js';
import { createEmailSender } from './channels/email.js';
import { sendDingTalk } from './channels/dingtalk.js';
import { sendWeCom } from './channels/wecom.js';
import { robotMessage, type RobotMessage } from './channels/robot-message.js';
import { NOTIFICATION_CHANNELS, type NotificationChannel, type NotificationKind } from './notification-kinds.js';
import { DEFAULT_MAIL_FROM, DEFAULT_PUBLIC_URL } from './notification-settings.js';
import { resolveRecipients, type Recipient } from './recipients.js';
import { SentLog } from './sent-log.js';

export { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, type NotificationChannel, type NotificationKind } from './notification-kinds.js';
export type { Recipient } from './recipients.js';

export interface NotifyInput {
  /** Idempotency key, e.g. "<taskKey>:reminder": the same key never notifies a user twice. */
  key: string;
  kind: NotificationKind;
  recipients: Recipient[];
  title: string;
  body: string;
  /** A path in the console, e.g. "/tasks/12". */
  link?: string;
  taskId?: number;
  /** Whose group robots to post to; null or absent: the county's. */
  townshipId?: number | null;
  /** Default: all. */
  channels?: NotificationChannel[];
}

export interface NotifyResult {
  inApp: number;
  emails: number;
  webhooks: number;
}

const ROBOT_SENDERS: Record<'dingtalk' | 'wecom', (w: { url: string; secret: string | null }, m: RobotMessage) => Promise<void>> = {
  dingtalk: sendDingTalk,
  wecom: sendWeCom,
};

export function createNotificationActivities(deps: { db: DB; smtpUrl?: string; mailFrom?: string; publicUrl?: string }) {
  const sendEmail = createEmailSender(deps.smtpUrl, deps.mailFrom ?? DEFAULT_MAIL_FROM);
  const publicUrl = (deps.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, '');
  const sent = new SentLog();

  return {
    async notify(input: NotifyInput): Promise<NotifyResult> {
      const channels = new Set<NotificationChannel>(input.channels ?? NOTIFICATION_CHANNELS);
      const absoluteLink = input.link ? `${publicUrl}${input.link.startsWith('/') ? '' : '/'}${input.link}` : null;
      const result: NotifyResult = { inApp: 0, emails: 0, webhooks: 0 };

      return deps.db.transaction().execute(async (trx) => {
        let users = await resolveRecipients(trx, input.recipients);
        let firstDelivery = true;
        if (channels.has('in_app')) {
          firstDelivery = !(await keyAlreadyDelivered(trx, input.key));
          const message = { key: input.key, kind: input.kind, title: input.title, body: input.body, link: input.link ?? null, taskId: input.taskId ?? null };
          const fresh = await insertInApp(trx, message, users.map((u) => u.id));
          result.inApp = fresh.size;
          users = users.filter((u) => fresh.has(u.id));
        }

        if (channels.has('email') && sendEmail) {
          for (const user of users) {
            const target = `email:${user.id}`;
            if (!user.email || sent.has(input.key, target)) continue;
            const delivered = await sendEmail({ to: { name: user.displayName, address: user.email }, title: input.title, body: input.body, absoluteLink });
            sent.add(input.key, target);
            if (delivered) result.emails += 1;
          }
        }

        if (channels.has('webhook') && firstDelivery) {
          const townshipId = input.townshipId ?? null;
          const webhooks = await trx
            .selectFrom('webhooks')
            .select(['id', 'kind', 'url', 'secret'])
            .where('active', '=', true)
            .where('township_id', townshipId === null ? 'is' : '=', townshipId)
            .orderBy('id')
            .execute();
          const message = robotMessage(input.title, input.body, absoluteLink);
          for (const webhook of webhooks) {
            const target = `webhook:${webhook.id}`;
            if (sent.has(input.key, target)) continue;
            await ROBOT_SENDERS[webhook.kind](webhook, message);
            sent.add(input.key, target);
            result.webhooks += 1;
          }
        }
        return result;
      });
    },
  };
}

export type NotificationActivities = ReturnType<typeof createNotificationActivities>;
