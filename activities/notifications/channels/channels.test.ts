import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signDingTalkUrl } from './dingtalk.js';
import { emailHtml } from './email.js';
import { ROBOT_MAX_BYTES, robotMessage } from './robot-message.js';

describe('message formats', () => {
  it('signs a DingTalk URL with timestamp and URL-encoded base64 HMAC', () => {
    const url = signDingTalkUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', 'SECkey', 1_700_000_000_000);
    const sign = createHmac('sha256', 'SECkey').update('1700000000000\nSECkey').digest('base64');
    expect(url).toBe(
      `https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1700000000000&sign=${encodeURIComponent(sign)}`,
    );
    expect(new URL(url).searchParams.get('sign')).toBe(sign);
  });

  it('cuts a long body to fit a robot message and keeps the link', () => {
    const message = robotMessage('催办', '请'.repeat(5000), 'https://qinglan.example.cn/tasks/1');
    expect(Buffer.byteLength(message.markdown)).toBeLessThanOrEqual(ROBOT_MAX_BYTES);
    expect(message.markdown).toMatch(/……\n\n\[在青蓝中查看\]\(https:\/\/qinglan\.example\.cn\/tasks\/1\)$/);
    expect(robotMessage('抄送', '短', null).markdown).toBe('### 抄送\n\n短');
  });

  it('escapes the body in the HTML email', () => {
    const html = emailHtml({
      to: { name: '张三', address: 'a@b.test' },
      title: 't',
      body: '<script>x</script>',
      absoluteLink: null,
    });
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).not.toContain('<script>');
  });
});
