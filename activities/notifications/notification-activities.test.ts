// Notifications against real receivers on 127.0.0.1: a local SMTP server and robot endpoints.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { MAX_DELIVERY_ATTEMPTS } from './deliveries.js';
import { createEmailSender } from './channels/email.js';
import { retryDueDeliveries, startDeliveryRetrier } from './delivery-retrier.js';
import { createNotificationActivities, type NotifyInput } from './notification-activities.js';
import { resolveRecipients } from './recipients.js';
import { allowRobotHosts, decodedParts, decodedSubject, startMailbox, startRobots } from './test-receivers.js';

const PUBLIC_URL = 'https://qinglan.example.cn';
const SECRET = 'SECa1b2c3d4e5f6';
const TITLE = '待办提醒：成长计划审核';

let t: TestDatabase;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let robots: Awaited<ReturnType<typeof startRobots>>;
const ids: Record<string, number> = {};
/** Township 1's DingTalk and WeCom robots. */
let dingTalkId: number;
let wecomId: number;

async function userId(username: string) {
  return (await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

beforeAll(async () => {
  [t, mailbox, robots] = await Promise.all([createTestDatabase(), startMailbox(), startRobots()]);
  allowRobotHosts(robots.host);
  for (const u of ['officer-01', 'secretary-01', 'officer-02']) {
    ids[u] = await userId(u);
    await t.db
      .updateTable('users')
      .set({ email: `${u}@qinglan.test` })
      .where('id', '=', ids[u])
      .execute();
  }
  // A second and a former officer in township 1: the role reaches the first, never the second.
  const extra = (username: string, active: boolean) => ({
    username,
    password_hash: 'x',
    display_name: username,
    role: 'township_officer' as const,
    township_id: 1,
    active,
    email: `${username}@qinglan.test`,
  });
  const added = await t.db
    .insertInto('users')
    .values([extra('officer-01b', true), extra('officer-01-old', false)])
    .returning(['id', 'username'])
    .execute();
  for (const r of added) ids[r.username] = r.id;
  await t.db
    .insertInto('webhooks')
    .values([
      { township_id: 1, kind: 'dingtalk', url: `${robots.base}/dingtalk/robot/send?access_token=t1`, secret: SECRET },
      { township_id: 1, kind: 'wecom', url: `${robots.base}/wecom/webhook/send?key=k1`, secret: null },
      { township_id: null, kind: 'wecom', url: `${robots.base}/county/webhook/send?key=k0`, secret: null },
      { township_id: 1, kind: 'wecom', url: `${robots.base}/retired/webhook/send?key=k9`, secret: null, active: false },
    ])
    .returning('id')
    .execute()
    .then(([ding, wecom]) => {
      dingTalkId = ding.id;
      wecomId = wecom.id;
    });
});
afterAll(async () => {
  await Promise.all([t?.drop(), mailbox?.close(), robots?.close()]);
});
beforeEach(() => {
  mailbox.mails.length = 0;
  robots.requests.length = 0;
  robots.answers.clear();
});

const officersOfTownship1 = { role: 'township_officer', townshipId: 1 } as const;
const input = (key: string, extra: Partial<NotifyInput> = {}): NotifyInput => ({
  key,
  kind: 'task_reminder',
  recipients: [officersOfTownship1],
  title: TITLE,
  body: '漳江街道的导师帮带成长计划还有 3 天到期，请及时审核。',
  link: '/tasks/12',
  townshipId: 1,
  ...extra,
});
const rowsOf = (key: string) =>
  t.db
    .selectFrom('notifications')
    .select(['user_id', 'kind', 'link'])
    .where('notification_key', '=', key)
    .orderBy('user_id')
    .execute();
const robotPaths = () => robots.requests.map((r) => r.path).sort();
const deliveriesOf = async (key: string, status: string) =>
  (
    await t.db
      .selectFrom('notification_deliveries')
      .selectAll()
      .where('notification_key', '=', key)
      .where('status', '=', status as never)
      .orderBy('id')
      .execute()
  ).map((d) => ({ ...d, payload: d.payload as { webhookId?: number } }));
/** The pause before the next try is over. */
const makeDue = (key: string) =>
  t.db
    .updateTable('notification_deliveries')
    .set({ next_attempt_at: new Date(Date.now() - 1000) })
    .where('notification_key', '=', key)
    .where('status', '=', 'pending')
    .execute();
/** What the worker's retrier does on each round. */
const retryNow = () => retryDueDeliveries(t.db, createEmailSender(mailbox.url, 'test@qinglan.local'));

describe('notify', () => {
  it('a role recipient reaches every active user with that role in that township and nobody else', async () => {
    const resolved = await resolveRecipients(t.db, [officersOfTownship1, { userId: ids['officer-01'] }]);
    expect(resolved.map((u) => u.id)).toEqual([ids['officer-01'], ids['officer-01b']].sort((a, b) => a - b));
    const activities = createNotificationActivities({ db: t.db });
    expect(await activities.notify(input('role:1', { channels: ['in_app'] }))).toEqual({
      inApp: 2,
      emails: 0,
      webhooks: 0,
      pending: 0,
    });
    expect((await rowsOf('role:1')).map((r) => r.user_id)).toEqual(resolved.map((u) => u.id));
  });

  it('the same key twice notifies once, in the bell, by email and in the groups', async () => {
    const activities = createNotificationActivities({ db: t.db, smtpUrl: mailbox.url, publicUrl: PUBLIC_URL });
    expect(await activities.notify(input('twice:1'))).toEqual({ inApp: 2, emails: 2, webhooks: 2, pending: 0 });
    expect(await activities.notify(input('twice:1'))).toEqual({ inApp: 0, emails: 0, webhooks: 0, pending: 0 });
    // A fresh instance (another worker) has no memory of the first call: the rows still tell.
    expect(await createNotificationActivities({ db: t.db, smtpUrl: mailbox.url }).notify(input('twice:1'))).toEqual({
      inApp: 0,
      emails: 0,
      webhooks: 0,
      pending: 0,
    });
    expect(await rowsOf('twice:1')).toHaveLength(2);
    expect(mailbox.mails).toHaveLength(2);
    expect(robotPaths()).toEqual(['/dingtalk/robot/send', '/wecom/webhook/send']);
  });

  it('sends an email in Chinese to each recipient through the configured SMTP server', async () => {
    const activities = createNotificationActivities({ db: t.db, smtpUrl: mailbox.url, publicUrl: PUBLIC_URL });
    const result = await activities.notify(
      input('mail:1', { recipients: [{ userId: ids['secretary-01'] }], channels: ['in_app', 'email'] }),
    );
    expect(result).toEqual({ inApp: 1, emails: 1, webhooks: 0, pending: 0 });
    const [mail] = mailbox.mails;
    expect(mail.to).toEqual(['secretary-01@qinglan.test']);
    expect(mail.from).toBe('noreply@qinglan.local');
    expect(decodedSubject(mail.raw)).toBe(TITLE);
    const [text, html] = decodedParts(mail.raw);
    expect(text).toContain('漳江街道的导师帮带成长计划还有 3 天到期');
    expect(text).toContain(`${PUBLIC_URL}/tasks/12`);
    expect(html).toContain(`<a href="${PUBLIC_URL}/tasks/12">`);
  });

  it('skips an address the mail server refuses for good, instead of retrying forever', async () => {
    await t.db
      .updateTable('users')
      .set({ email: 'nobody@qinglan.test' })
      .where('id', '=', ids['officer-01b'])
      .execute();
    const activities = createNotificationActivities({ db: t.db, smtpUrl: mailbox.url });
    expect(await activities.notify(input('refused:1', { channels: ['in_app', 'email'] }))).toEqual({
      inApp: 2,
      emails: 1,
      webhooks: 0,
      pending: 0,
    });
    await t.db
      .updateTable('users')
      .set({ email: 'officer-01b@qinglan.test' })
      .where('id', '=', ids['officer-01b'])
      .execute();
  });

  it('posts signed markdown to DingTalk; a refusal holds back neither the bell nor the others, and is sent later', async () => {
    const activities = createNotificationActivities({ db: t.db, publicUrl: PUBLIC_URL });
    robots.answers.set('/dingtalk/robot/send', { errcode: 310000, errmsg: 'sign not match' });
    expect(await activities.notify(input('ding:1'))).toEqual({ inApp: 2, emails: 0, webhooks: 1, pending: 1 });
    expect(await rowsOf('ding:1')).toHaveLength(2); // the bell did not wait for the robot
    const [owed] = await deliveriesOf('ding:1', 'pending');
    expect(owed).toMatchObject({
      target: expect.stringMatching(/^webhook:/),
      attempts: 1,
      last_error: expect.stringContaining('310000'),
    });
    expect(owed.next_attempt_at.getTime()).toBeGreaterThan(Date.now() + 30_000); // a pause before the next try

    // The activity retried (or repeated) adds nothing and does not jump the pause.
    expect(await activities.notify(input('ding:1'))).toEqual({ inApp: 0, emails: 0, webhooks: 0, pending: 0 });
    // Once the pause is over, the worker's retrier sends it.
    robots.answers.clear();
    await makeDue('ding:1');
    expect(await retryNow()).toEqual({ emails: 0, webhooks: 1, pending: 0 });
    expect(await deliveriesOf('ding:1', 'pending')).toEqual([]);
    expect(await deliveriesOf('ding:1', 'sent')).toHaveLength(2);
    const ding = robots.requests.filter((r) => r.path === '/dingtalk/robot/send');
    expect(ding).toHaveLength(2); // the refused one and the retry
    const sent = ding[1];
    expect(sent.body.msgtype).toBe('markdown');
    expect(sent.body.markdown.title).toBe(TITLE);
    expect(sent.body.markdown.text).toContain(TITLE);
    expect(sent.body.markdown.text).toContain(`(${PUBLIC_URL}/tasks/12)`);
    expect(sent.query.get('access_token')).toBe('t1');
    const timestamp = sent.query.get('timestamp')!;
    expect(Math.abs(Date.now() - Number(timestamp))).toBeLessThan(60_000);
    const expected = createHmac('sha256', SECRET).update(`${timestamp}\n${SECRET}`).digest('base64');
    expect(sent.query.get('sign')).toBe(expected);
  });

  it('posts markdown to WeCom; the retry sends only what failed', async () => {
    const activities = createNotificationActivities({ db: t.db, smtpUrl: mailbox.url, publicUrl: PUBLIC_URL });
    robots.answers.set('/wecom/webhook/send', { errcode: 45009, errmsg: 'api freq out of limit' });
    expect(await activities.notify(input('wecom:1'))).toEqual({ inApp: 2, emails: 2, webhooks: 1, pending: 1 });
    expect(mailbox.mails).toHaveLength(2);

    robots.answers.clear();
    await makeDue('wecom:1');
    expect(await retryNow()).toEqual({ emails: 0, webhooks: 1, pending: 0 });
    expect(mailbox.mails).toHaveLength(2);
    expect(robotPaths()).toEqual(['/dingtalk/robot/send', '/wecom/webhook/send', '/wecom/webhook/send']);
    const wecom = robots.requests.at(-1)!;
    expect(wecom.body).toEqual({ msgtype: 'markdown', markdown: { content: expect.stringContaining(TITLE) } });
    expect(wecom.body.markdown.content).toContain(`${PUBLIC_URL}/tasks/12`);
  });

  it('gives a delivery up after the last try, and skips a robot switched off meanwhile', async () => {
    const activities = createNotificationActivities({ db: t.db, publicUrl: PUBLIC_URL });
    robots.answers.set('/dingtalk/robot/send', { errcode: 300001, errmsg: 'token is not exist' });
    robots.answers.set('/wecom/webhook/send', { errcode: 45009, errmsg: 'api freq out of limit' });
    expect(await activities.notify(input('broken:1', { channels: ['webhook'] }))).toEqual({
      inApp: 0,
      emails: 0,
      webhooks: 0,
      pending: 2,
    });
    await t.db.updateTable('webhooks').set({ active: false }).where('id', '=', wecomId).execute();
    for (let attempt = 2; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
      await makeDue('broken:1');
      await retryNow();
    }
    await t.db.updateTable('webhooks').set({ active: true }).where('id', '=', wecomId).execute();
    const [ding] = await deliveriesOf('broken:1', 'failed');
    expect(ding).toMatchObject({
      target: `webhook:${dingTalkId}`,
      attempts: MAX_DELIVERY_ATTEMPTS,
      last_error: expect.stringContaining('300001'),
    });
    expect(await deliveriesOf('broken:1', 'refused')).toMatchObject([
      { target: `webhook:${wecomId}`, last_error: expect.stringContaining('switched off') },
    ]);
    expect(await deliveriesOf('broken:1', 'pending')).toEqual([]);
  });

  it('the worker’s retrier runs by itself on its schedule', async () => {
    const activities = createNotificationActivities({ db: t.db, publicUrl: PUBLIC_URL });
    robots.answers.set('/dingtalk/robot/send', { errcode: 310000, errmsg: 'sign not match' });
    expect((await activities.notify(input('scheduled:1', { channels: ['webhook'] }))).pending).toBe(1);
    robots.answers.clear();
    await makeDue('scheduled:1');
    const runs: unknown[] = [];
    const running = startDeliveryRetrier({
      db: t.db,
      settings: { mailFrom: 'test@qinglan.local', publicUrl: PUBLIC_URL },
      intervalMs: 50,
      onRun: (o) => runs.push(o),
    });
    try {
      await vi.waitFor(async () => expect(await deliveriesOf('scheduled:1', 'sent')).toHaveLength(2), {
        timeout: 10_000,
        interval: 50,
      });
    } finally {
      await running.stop();
    }
    expect(runs).toContainEqual({ emails: 0, webhooks: 1, pending: 0 });
  });

  it("without a township, posts only to the county's robots", async () => {
    const activities = createNotificationActivities({ db: t.db });
    expect(await activities.notify(input('county:1', { townshipId: null, channels: ['webhook'] }))).toEqual({
      inApp: 0,
      emails: 0,
      webhooks: 1,
      pending: 0,
    });
    expect(robotPaths()).toEqual(['/county/webhook/send']);
  });

  it('without SMTP settings, sends no email and does not fail', async () => {
    const activities = createNotificationActivities({ db: t.db });
    expect(await activities.notify(input('nosmtp:1', { channels: ['in_app', 'email'] }))).toEqual({
      inApp: 2,
      emails: 0,
      webhooks: 0,
      pending: 0,
    });
    expect(mailbox.mails).toEqual([]);
  });
});

describe('robot addresses (no posting to the inside)', () => {
  // Township 3's robots, apart from township 1's above.
  const robotsOf3 = async (...urls: string[]) => {
    await t.db.deleteFrom('webhooks').where('township_id', '=', 3).execute();
    await t.db
      .insertInto('webhooks')
      .values(urls.map((url) => ({ township_id: 3, kind: 'wecom' as const, url, secret: null })))
      .execute();
  };
  const errorsOf = async (key: string) =>
    await t.db
      .selectFrom('notification_deliveries')
      .select(['status', 'last_error'])
      .where('notification_key', '=', key)
      .orderBy('id')
      .execute();

  it('refuses hosts that are not allowed, loopback and the metadata address among them, without a request', async () => {
    await robotsOf3(
      `http://localhost:${robots.port}/wecom/webhook/send?key=a`,
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/hook',
    );
    const activities = createNotificationActivities({ db: t.db });
    expect(await activities.notify(input('ssrf:1', { townshipId: 3, channels: ['webhook'] }))).toEqual({
      inApp: 0,
      emails: 0,
      webhooks: 0,
      pending: 0,
    });
    expect(robots.requests).toEqual([]);
    const rows = await errorsOf('ssrf:1');
    expect(rows).toHaveLength(3);
    for (const row of rows)
      expect(row).toMatchObject({ status: 'refused', last_error: expect.stringContaining('host not allowed') });
  });

  it('refuses an allowed host name that resolves to a loopback address when the message is sent', async () => {
    allowRobotHosts(robots.host, `localhost:${robots.port}`);
    try {
      await robotsOf3(`http://localhost:${robots.port}/rebound/webhook/send?key=a`);
      await createNotificationActivities({ db: t.db }).notify(
        input('ssrf:2', { townshipId: 3, channels: ['webhook'] }),
      );
    } finally {
      allowRobotHosts(robots.host);
    }
    expect(robots.requests).toEqual([]);
    expect(await errorsOf('ssrf:2')).toEqual([
      { status: 'refused', last_error: expect.stringContaining('private or loopback') },
    ]);
  });

  it('never keeps what the other side answered, only the status', async () => {
    robots.rawAnswers.set('/inside/a', { status: 500, body: 'root:x:0:0 INTERNAL-SECRET' });
    robots.rawAnswers.set('/inside/b', { status: 200, body: '<html>INTERNAL-SECRET</html>' });
    try {
      await robotsOf3(`${robots.base}/inside/a`, `${robots.base}/inside/b`);
      await createNotificationActivities({ db: t.db }).notify(
        input('ssrf:3', { townshipId: 3, channels: ['webhook'] }),
      );
    } finally {
      robots.rawAnswers.clear();
    }
    const rows = await errorsOf('ssrf:3');
    expect(rows.map((r) => r.status)).toEqual(['pending', 'pending']);
    expect(rows[0].last_error).toContain('HTTP 500');
    expect(JSON.stringify(rows)).not.toContain('INTERNAL-SECRET');
    expect(JSON.stringify(rows)).not.toContain('root:x');
  });
});
