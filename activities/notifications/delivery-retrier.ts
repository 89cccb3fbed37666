// Runs in every worker process: sends again the emails and group-robot messages whose earlier
// try failed and whose pause is over (deliveries.ts). Several workers share the work safely:
// each claims the rows it sends.
import type { DB } from '../../db/database.js';
import { createEmailSender, type SendEmail } from './channels/email.js';
import { claimDue, sendDeliveries, type DeliveryOutcome } from './deliveries.js';
import type { NotificationSettings } from './notification-settings.js';

export interface DeliveryRetrier {
  /** Stops the schedule and waits for a run in progress. */
  stop(): Promise<void>;
}

/** Sends everything due now, a batch at a time. */
export async function retryDueDeliveries(
  db: DB,
  sendEmail: SendEmail | undefined,
  batch = 50,
  shouldStop = () => false,
): Promise<DeliveryOutcome> {
  const total: DeliveryOutcome = { emails: 0, webhooks: 0, pending: 0 };
  for (;;) {
    const rows = await claimDue(db, batch);
    const outcome = await sendDeliveries(db, sendEmail, rows);
    total.emails += outcome.emails;
    total.webhooks += outcome.webhooks;
    total.pending += outcome.pending;
    if (rows.length < batch || shouldStop()) return total;
  }
}

export function startDeliveryRetrier(deps: {
  db: DB;
  settings: NotificationSettings;
  intervalMs?: number;
  batch?: number;
  onRun?: (outcome: DeliveryOutcome) => void;
  onError?: (error: unknown) => void;
}): DeliveryRetrier {
  const sendEmail = createEmailSender(deps.settings.smtpUrl, deps.settings.mailFrom);
  const batch = deps.batch ?? 50;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  const runOnce = () => retryDueDeliveries(deps.db, sendEmail, batch, () => stopped);

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce()
        .then(
          (outcome) => {
            if (outcome.emails + outcome.webhooks + outcome.pending > 0) deps.onRun?.(outcome);
          },
          (error) => deps.onError?.(error),
        )
        .finally(schedule);
    }, deps.intervalMs ?? 60_000);
    // A worker that is stopping should not wait a minute for the next round.
    timer.unref();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
