// WeCom (企业微信) group robot: markdown message. The key in its URL is the only credential.
import { postToRobot } from './post-json.js';
import type { RobotMessage } from './robot-message.js';

export async function sendWeCom(webhook: { url: string }, message: RobotMessage): Promise<void> {
  await postToRobot('WeCom', webhook.url, { msgtype: 'markdown', markdown: { content: message.markdown } });
}
