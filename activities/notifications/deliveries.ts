// The emails and group-robot messages a notification owes (notification_deliveries). They are
// recorded in the same transaction as the bell's rows and sent after it commits: a mail server
// or robot that is down never holds back the in-app notice, nor the workflow that notifies.
// A failed send stays pending with its error and is tried again, with a growing pause, by the
// worker's retrier (delivery-retrier.ts) until it is sent or given up on.
//
// Each send first claims its row (a lease on next_attempt_at), so the activity and the
// retriers of several workers never send the same row at the same time.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../db/database.js';
import type { Database, NotificationDeliveryTable } from '../../db/schema.js';
import { sendDingTalk } from './channels/dingtalk.js';
import type { EmailMessage, SendEmail } from './channels/email.js';
import { robotMessage, type RobotMessage } from './channels/robot-message.js';
import { RobotAddressError } from './channels/robot-address.js';
import { sendWeCom } from './channels/wecom.js';

export type DeliveryPayload =
  | { kind: 'email'; message: EmailMessage }
  | { kind: 'webhook'; webhookId: number; title: string; body: string; absoluteLink: string | null };

export interface OwedDelivery {
  /** `email:<user id>` or `webhook:<webhook id>`: owed once per notification key. */
  target: string;
  payload: DeliveryPayload;
}

type DeliveryRow = Selectable<NotificationDeliveryTable>;

export interface DeliveryOutcome {
  emails: number;
  webhooks: number;
  /** Failed this time; tried again later. */
  pending: number;
}

/** Tries before a delivery is marked failed: with the pauses below, about a day and a half. */
export const MAX_DELIVERY_ATTEMPTS = 12;
/** The pause after the n-th failed try: 1, 2, 4 … minutes, at most 6 hours. */
export const retryDelayMs = (attempts: number) => Math.min(60_000 * 2 ** (attempts - 1), 6 * 3600_000);
/** Longer than a send can take (SMTP's socket timeout is 30 s), so a claim outlives its send. */
const LEASE = sql<Date>`now() + interval '5 minutes'`;

const ROBOT_SENDERS: Record<
  'dingtalk' | 'wecom',
  (w: { url: string; secret: string | null }, m: RobotMessage) => Promise<void>
> = {
  dingtalk: sendDingTalk,
  wecom: sendWeCom,
};

export async function recordDeliveries(trx: Kysely<Database>, key: string, owed: OwedDelivery[]): Promise<void> {
  if (owed.length === 0) return;
  await trx
    .insertInto('notification_deliveries')
    .values(
      owed.map((d) => ({
        notification_key: key,
        target: d.target,
        channel: d.payload.kind,
        payload: JSON.stringify(d.payload),
      })),
    )
    .onConflict((oc) => oc.columns(['notification_key', 'target']).doNothing())
    .execute();
}

/** Claims what a key still owes and is due: this call's rows, or an earlier call's. */
export function claimForKey(db: DB, key: string): Promise<DeliveryRow[]> {
  return db
    .updateTable('notification_deliveries')
    .set({ next_attempt_at: LEASE })
    .where('notification_key', '=', key)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', sql<Date>`now()`)
    .returningAll()
    .execute();
}

/** Claims up to `limit` due deliveries of any key, oldest first, skipping rows another worker holds. */
export function claimDue(db: DB, limit: number): Promise<DeliveryRow[]> {
  return db
    .updateTable('notification_deliveries')
    .set({ next_attempt_at: LEASE })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('notification_deliveries')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', sql<Date>`now()`)
        .orderBy('next_attempt_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
}

/**
 * Sends claimed deliveries one by one and records each outcome. A failure never throws: the
 * row stays pending with its error until the next try, or is marked failed after the last.
 */
export async function sendDeliveries(
  db: DB,
  sendEmail: SendEmail | undefined,
  rows: DeliveryRow[],
): Promise<DeliveryOutcome> {
  const outcome: DeliveryOutcome = { emails: 0, webhooks: 0, pending: 0 };
  for (const row of rows) {
    const attempts = row.attempts + 1;
    try {
      const refusal = await send(db, sendEmail, row.payload as unknown as DeliveryPayload);
      await db
        .updateTable('notification_deliveries')
        .set(
          refusal
            ? { status: 'refused', attempts, last_error: refusal }
            : { status: 'sent', attempts, last_error: null, sent_at: sql<Date>`now()` },
        )
        .where('id', '=', row.id)
        .execute();
      if (!refusal) outcome[row.channel === 'email' ? 'emails' : 'webhooks'] += 1;
    } catch (error) {
      const givenUp = attempts >= MAX_DELIVERY_ATTEMPTS;
      await db
        .updateTable('notification_deliveries')
        .set({
          status: givenUp ? 'failed' : 'pending',
          attempts,
          last_error: String((error as Error)?.message ?? error).slice(0, 1000),
          next_attempt_at: sql<Date>`now() + make_interval(secs => ${retryDelayMs(attempts) / 1000})`,
        })
        .where('id', '=', row.id)
        .execute();
      if (!givenUp) outcome.pending += 1;
    }
  }
  return outcome;
}

/** Sends one delivery; returns why it will never go out (refused for good), or null when sent. */
async function send(db: DB, sendEmail: SendEmail | undefined, payload: DeliveryPayload): Promise<string | null> {
  if (payload.kind === 'email') {
    if (!sendEmail) return 'no mail server is configured (QINGLAN_SMTP_URL)';
    return (await sendEmail(payload.message)) ? null : 'the mail server refused the address';
  }
  const webhook = await db
    .selectFrom('webhooks')
    .select(['kind', 'url', 'secret', 'active'])
    .where('id', '=', payload.webhookId)
    .executeTakeFirst();
  if (!webhook?.active) return 'the group robot was removed or switched off';
  try {
    await ROBOT_SENDERS[webhook.kind](webhook, robotMessage(payload.title, payload.body, payload.absoluteLink));
  } catch (error) {
    // An address outside the allowed robot hosts will not become allowed by trying again.
    if (error instanceof RobotAddressError) return error.message;
    throw error;
  }
  return null;
}
