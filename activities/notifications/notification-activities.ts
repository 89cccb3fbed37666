// Notifications for human steps (reminders, escalations, urging, CC), sent from an activity.
//
// One transaction writes the bell's rows (`on conflict (notification_key, user_id) do
// nothing`) and what the notification owes beyond the bell: an email per user whose row is new
// in this call, and a group-robot message per robot when no user had this key before. After it
// commits, the owed sends are tried once (deliveries.ts). A send that fails stays pending and
// the worker's retrier tries it again later, so a mail server or robot that is down holds back
// neither the bell nor the workflow; a repeated call (an activity retry) adds nothing, and
// what an interrupted attempt left unsent goes out with the retrier. An address the mail
// server refuses for good (5xx) is not retried.
// Without the in-app channel the deliveries' own unique (key, target) keeps a repeat harmless.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { insertInApp, keyAlreadyDelivered } from './channels/in-app.js';
import { createEmailSender } from './channels/email.js';
import { claimForKey, recordDeliveries, sendDeliveries, type OwedDelivery } from './deliveries.js';
import { NOTIFICATION_CHANNELS, type NotificationChannel, type NotificationKind } from './notification-kinds.js';
import { DEFAULT_MAIL_FROM, DEFAULT_PUBLIC_URL } from './notification-settings.js';
import { resolveRecipients, type Recipient } from './recipients.js';

export {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  type NotificationChannel,
  type NotificationKind,
} from './notification-kinds.js';
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
  /** Emails and robot messages that failed this time; the worker's retrier sends them later. */
  pending: number;
}

/** What a notification needs beyond its input: whether email goes out, and the console's address. */
export interface NotificationSending {
  sendEmail: ReturnType<typeof createEmailSender>;
  publicUrl: string;
}

export function notificationSending(deps: {
  smtpUrl?: string;
  mailFrom?: string;
  publicUrl?: string;
}): NotificationSending {
  return {
    sendEmail: createEmailSender(deps.smtpUrl, deps.mailFrom ?? DEFAULT_MAIL_FROM),
    publicUrl: (deps.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, ''),
  };
}

/**
 * Inside the caller's transaction: the bell's rows and the outbox of what the notification owes
 * beyond the bell. `owes` says whether anything is to be sent once the transaction commits.
 */
export async function recordNotification(
  trx: Kysely<Database>,
  input: NotifyInput,
  sending: NotificationSending,
): Promise<{ fresh: number; owes: boolean }> {
  const { sendEmail, publicUrl } = sending;
  const channels = new Set<NotificationChannel>(input.channels ?? NOTIFICATION_CHANNELS);
  const absoluteLink = input.link ? `${publicUrl}${input.link.startsWith('/') ? '' : '/'}${input.link}` : null;
  let users = await resolveRecipients(trx, input.recipients);
  let firstDelivery = true;
  let fresh = 0;
  if (channels.has('in_app')) {
    firstDelivery = !(await keyAlreadyDelivered(trx, input.key));
    const message = {
      key: input.key,
      kind: input.kind,
      title: input.title,
      body: input.body,
      link: input.link ?? null,
      taskId: input.taskId ?? null,
    };
    const inserted = await insertInApp(
      trx,
      message,
      users.map((u) => u.id),
    );
    fresh = inserted.size;
    users = users.filter((u) => inserted.has(u.id));
  }

  const owed: OwedDelivery[] = [];
  if (channels.has('email') && sendEmail) {
    for (const user of users) {
      if (!user.email) continue;
      owed.push({
        target: `email:${user.id}`,
        payload: {
          kind: 'email',
          message: {
            to: { name: user.displayName, address: user.email },
            title: input.title,
            body: input.body,
            absoluteLink,
          },
        },
      });
    }
  }
  if (channels.has('webhook') && firstDelivery) {
    const townshipId = input.townshipId ?? null;
    const webhooks = await trx
      .selectFrom('webhooks')
      .select('id')
      .where('active', '=', true)
      .where('township_id', townshipId === null ? 'is' : '=', townshipId)
      .orderBy('id')
      .execute();
    for (const webhook of webhooks) {
      owed.push({
        target: `webhook:${webhook.id}`,
        payload: { kind: 'webhook', webhookId: webhook.id, title: input.title, body: input.body, absoluteLink },
      });
    }
  }
  await recordDeliveries(trx, input.key, owed);
  return { fresh, owes: owed.length > 0 };
}

/** After the commit: the owed sends of these keys tried once; what fails stays for the retrier. */
export async function sendOwed(db: DB, sending: NotificationSending, key: string) {
  return sendDeliveries(db, sending.sendEmail, await claimForKey(db, key));
}

export function createNotificationActivities(deps: {
  db: DB;
  smtpUrl?: string;
  mailFrom?: string;
  publicUrl?: string;
}) {
  const sending = notificationSending(deps);

  return {
    async notify(input: NotifyInput): Promise<NotifyResult> {
      const recorded = await deps.db.transaction().execute((trx) => recordNotification(trx, input, sending));
      // Most notices owe nothing beyond the bell (no mail server, no robot): no second query.
      // What an earlier, interrupted call of this key left unsent, the retrier sends.
      if (!recorded.owes) return { inApp: recorded.fresh, emails: 0, webhooks: 0, pending: 0 };
      const sent = await sendOwed(deps.db, sending, input.key);
      return { inApp: recorded.fresh, ...sent };
    },
  };
}

export type NotificationActivities = ReturnType<typeof createNotificationActivities>;
