// Where notifications go out from, read once from the environment by the worker.
export interface NotificationSettings {
  /** e.g. smtp://user:pass@smtp.example.cn:587; without it no email is sent. */
  smtpUrl?: string;
  mailFrom: string;
  /** The console's address, so links in emails and group messages open it. */
  publicUrl: string;
}

export const DEFAULT_MAIL_FROM = '青蓝 <noreply@qinglan.local>';
export const DEFAULT_PUBLIC_URL = 'http://localhost:3000';

export function notificationSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): NotificationSettings {
  return {
    smtpUrl: env.QINGLAN_SMTP_URL?.trim() || undefined,
    mailFrom: env.QINGLAN_MAIL_FROM?.trim() || DEFAULT_MAIL_FROM,
    publicUrl: env.QINGLAN_PUBLIC_URL?.trim() || DEFAULT_PUBLIC_URL,
  };
}
