// 群机器人 in the console: a township officer adds their township's DingTalk robot with its
// signing secret, sees a message that did not go out with the robot's answer, changes the
// address without retyping the secret; another township does not see it.
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';
import { apiResponse, menuItem, screenshot, signIn } from './console-page.js';
import { useConsoleSession } from './console-session.js';

const TEST_TIMEOUT = 60_000;
const URL_1 = 'https://oapi.dingtalk.com/robot/send?access_token=console-test';
const URL_2 = 'https://oapi.dingtalk.com/robot/send?access_token=console-test-2';
const SECRET = 'SECconsole0123456789';

const session = useConsoleSession(() => createTestApp());

async function openRobots(): Promise<void> {
  const list = apiResponse(session.page, '/api/webhooks', {
    status: 200,
    test: (url) => url.searchParams.has('range'),
  });
  await menuItem(session.page, '群机器人').click();
  await list;
}

const stored = () => session.t.db.selectFrom('webhooks').selectAll().where('url', 'like', '%console-test%').execute();

describe('group robots in the console', () => {
  it(
    'a township officer adds their township’s DingTalk robot with its secret',
    async () => {
      const { page, t } = session;
      await signIn(page, session.url, 'officer-01');
      await openRobots();
      await page.getByRole('link', { name: '新建' }).click();
      await page.getByLabel('机器人地址（Webhook）').fill(URL_1);
      await page.getByLabel('加签密钥').fill(SECRET);
      const created = apiResponse(page, '/api/webhooks', { method: 'POST' });
      await page.getByRole('button', { name: '保存' }).click();
      expect((await created).status()).toBe(201);

      const officer = await t.db
        .selectFrom('users')
        .select('township_id')
        .where('username', '=', 'officer-01')
        .executeTakeFirstOrThrow();
      expect(await stored()).toEqual([
        expect.objectContaining({
          township_id: officer.township_id,
          kind: 'dingtalk',
          url: URL_1,
          secret: SECRET,
          active: true,
        }),
      ]);
      // the list shows the robot's token cut short, and the secret never comes back to the browser
      const row = page.locator('tbody tr.RaDatagrid-row').filter({ hasText: 'oapi.dingtalk.com' });
      await row.waitFor();
      expect(await row.locator('td.column-url').innerText()).toBe(
        'https://oapi.dingtalk.com/robot/send?access_token=cons****',
      );
      expect(await page.locator('body').innerText()).not.toContain(SECRET);
    },
    TEST_TIMEOUT,
  );

  it(
    'shows a message that did not go out, with the robot’s answer; an edit keeps the secret',
    async () => {
      const { page, t } = session;
      const [robot] = await stored();
      await t.db
        .insertInto('notification_deliveries')
        .values({
          notification_key: 'console:1',
          target: `webhook:${robot.id}`,
          channel: 'webhook',
          payload: JSON.stringify({ kind: 'webhook', webhookId: robot.id, title: 't', body: 'b', absoluteLink: null }),
          attempts: 1,
          last_error: 'DingTalk errcode 310000: sign not match',
        })
        .execute();

      await signIn(page, session.url, 'officer-01');
      await openRobots();
      const row = page.locator('tbody tr.RaDatagrid-row').filter({ hasText: 'oapi.dingtalk.com' });
      await row.locator('.qinglan-webhook-error').waitFor();
      expect(await row.locator('.qinglan-webhook-error').innerText()).toBe('DingTalk errcode 310000: sign not match');
      expect(await row.locator('td.column-pendingDeliveries').innerText()).toBe('1');
      await screenshot(page, 'webhooks');

      await row.click();
      const address = page.getByLabel('机器人地址（Webhook）');
      await address.waitFor();
      expect(await page.getByLabel('加签密钥').inputValue()).toBe('');
      await address.fill(URL_2);
      const updated = apiResponse(page, `/api/webhooks/${robot.id}`, { method: 'PUT' });
      await page.getByRole('button', { name: '保存' }).click();
      expect((await updated).status()).toBe(200);
      expect(await stored()).toEqual([expect.objectContaining({ id: robot.id, url: URL_2, secret: SECRET })]);
    },
    TEST_TIMEOUT,
  );

  it(
    'another township’s officer does not see it',
    async () => {
      const { page } = session;
      await signIn(page, session.url, 'officer-02');
      await openRobots();
      expect(await page.locator('tbody tr.RaDatagrid-row').filter({ hasText: 'oapi.dingtalk.com' }).count()).toBe(0);
    },
    TEST_TIMEOUT,
  );
});
