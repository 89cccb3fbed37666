// Email over SMTP. One message per person (a greeting by name, no one sees other addresses).
import nodemailer from 'nodemailer';

export const MAIL_GREETING = (name: string) => `${name}，您好：`;
export const MAIL_OPEN_LINK = '请登录青蓝处理：';
export const MAIL_FOOTER = '—— 青蓝 村(社区)干部工作流程平台（系统邮件，请勿回复）';

// Generous for a county mail server, short enough that a dead one fails the attempt and
// Temporal retries it rather than the activity hanging until its own timeout.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

export interface EmailMessage {
  to: { name: string; address: string };
  title: string;
  body: string;
  absoluteLink: string | null;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

export function emailText(m: EmailMessage): string {
  const lines = [MAIL_GREETING(m.to.name), '', m.body, ''];
  if (m.absoluteLink) lines.push(`${MAIL_OPEN_LINK}${m.absoluteLink}`, '');
  return [...lines, MAIL_FOOTER, ''].join('\n');
}

export function emailHtml(m: EmailMessage): string {
  const paragraphs = m.body.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replaceAll('\n', '<br>')}</p>`);
  const link = m.absoluteLink
    ? `<p>${MAIL_OPEN_LINK}<a href="${escapeHtml(m.absoluteLink)}">${escapeHtml(m.absoluteLink)}</a></p>`
    : '';
  return `<!doctype html><html lang="zh-CN"><body><p>${escapeHtml(MAIL_GREETING(m.to.name))}</p>${paragraphs.join('')}${link}<p style="color:#888">${escapeHtml(MAIL_FOOTER)}</p></body></html>`;
}

/**
 * A 5xx answer (mailbox unknown, address refused) will not change on a retry: the message
 * is dropped for that person rather than failing the activity forever. Anything else
 * (connection refused, timeout, 4xx) is thrown so Temporal retries.
 */
export function isPermanentMailError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown })?.responseCode;
  return typeof code === 'number' && code >= 500;
}

export type SendEmail = (message: EmailMessage) => Promise<boolean>;

/** A sender for an SMTP URL, or undefined when none is configured (email is then skipped). */
export function createEmailSender(smtpUrl: string | undefined, mailFrom: string): SendEmail | undefined {
  if (!smtpUrl) return undefined;
  const transport = nodemailer.createTransport({ url: smtpUrl, ...TIMEOUTS });
  return async (m) => {
    try {
      await transport.sendMail({ from: mailFrom, to: m.to, subject: m.title, text: emailText(m), html: emailHtml(m) });
      return true;
    } catch (error) {
      if (isPermanentMailError(error)) return false;
      throw error;
    }
  };
}
