// DingTalk (钉钉) custom group robot: markdown message, optionally signed ("加签").
import { createHmac } from 'node:crypto';
import { postToRobot } from './post-json.js';
import type { RobotMessage } from './robot-message.js';

/**
 * DingTalk's signing rule: HMAC-SHA256 over `timestamp + "\n" + secret` keyed with the
 * secret, base64, then URL-encoded into `&timestamp=..&sign=..`. The robot rejects a
 * timestamp more than an hour off, so it is taken at send time, never cached.
 */
export function signDingTalkUrl(url: string, secret: string, now = Date.now()): string {
  const sign = createHmac('sha256', secret).update(`${now}\n${secret}`).digest('base64');
  const separator = url.includes('?') ? '&' : '?';
  return `${url}${separator}timestamp=${now}&sign=${encodeURIComponent(sign)}`;
}

export async function sendDingTalk(
  webhook: { url: string; secret: string | null },
  message: RobotMessage,
): Promise<void> {
  const url = webhook.secret ? signDingTalkUrl(webhook.url, webhook.secret) : webhook.url;
  await postToRobot('DingTalk', url, {
    msgtype: 'markdown',
    markdown: { title: message.title, text: message.markdown },
  });
}
