// 群机器人: the DingTalk and WeCom group robots a township (or the county) posts reminders to.
// The county admin manages all; a township officer their own township's. Secrets are
// write-only: a response only says whether one is set. Each robot also shows how its messages
// fare: how many wait for another try, how many were given up, and the last error (a wrong
// address or secret shows here rather than only in a log).
import { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { robotUrlProblem } from '../../../activities/notifications/channels/robot-address.js';
import { maskRobotToken } from '../../../domain/robot-token.js';
import type { DB } from '../../../db/database.js';
import { writeAudit } from '../../audit/audit.js';
import type { SessionUser } from '../../context.js';
import { fail, invalidField } from '../../errors/errors.js';
import { createRouter } from '../../router.js';
import { bilingual } from '../../validation/bilingual-errors.js';
import { crudRoutes } from '../crud-routes.js';
import { parseListQuery, setContentRange } from '../list-query.js';

const WebhookSchema = z
  .object({
    id: z.number().int(),
    townshipId: z.number().int().nullable(),
    kind: z.enum(['dingtalk', 'wecom']),
    url: z.string(),
    secretSet: z.boolean(),
    active: z.boolean(),
    pendingDeliveries: z.number().int().openapi({ description: 'messages that failed and wait for another try' }),
    failedDeliveries: z.number().int().openapi({ description: 'messages given up after the last try' }),
    lastError: z
      .string()
      .nullable()
      .openapi({ description: "the robot's answer to the latest message that did not go out" }),
  })
  .openapi('Webhook');
// Only the robot hosts (DingTalk, WeCom, and those the operator adds): the worker posts to this
// address, so any other would let its owner reach machines inside the network.
const url = z
  .url({ protocol: /^https?$/, error: bilingual('请填写以 http(s):// 开头的机器人地址', 'must be an http(s) URL') })
  .max(500)
  .refine((v) => robotUrlProblem(v) === null, {
    message: bilingual(
      '只能填写钉钉（https://oapi.dingtalk.com）或企业微信（https://qyapi.weixin.qq.com）群机器人的地址',
      'only DingTalk (oapi.dingtalk.com) or WeCom (qyapi.weixin.qq.com) robot addresses are allowed',
    ),
  });
const WebhookInput = z
  .object({
    townshipId: z.number().int().positive().max(2147483647).nullable(),
    kind: z.enum(['dingtalk', 'wecom']),
    url,
    secret: z.string().max(200).nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .openapi('WebhookInput');
const WebhookUpdate = WebhookInput.partial().openapi('WebhookUpdate');
const routes = crudRoutes({
  tag: 'webhooks 群机器人',
  noun: 'group robots',
  record: WebhookSchema,
  createInput: WebhookInput,
  updateInput: WebhookUpdate,
});

function visible(db: DB, user: SessionUser) {
  const deliveries = sql`notification_deliveries d where d.target = 'webhook:' || webhooks.id`;
  const q = db
    .selectFrom('webhooks')
    .select([
      'id',
      'township_id as townshipId',
      'kind',
      'url',
      'active',
      (eb) => eb('secret', 'is not', null).as('secretSet'),
      sql<number>`(select count(*)::int from ${deliveries} and d.status = 'pending')`.as('pendingDeliveries'),
      sql<number>`(select count(*)::int from ${deliveries} and d.status = 'failed')`.as('failedDeliveries'),
      sql<
        string | null
      >`(select d.last_error from ${deliveries} and d.status <> 'sent' and d.last_error is not null order by d.id desc limit 1)`.as(
        'lastError',
      ),
    ]);
  if (user.role === 'county_admin' || user.role === 'auditor') return q;
  if (user.role === 'township_officer') return q.where('township_id', '=', user.townshipId ?? -1);
  return q.where('id', '=', -1);
}

/** Those who may change the robot see its token whole; anyone else (the auditor) only its start. */
function present<T extends { url: string; secretSet: unknown }>(row: T, user: SessionUser) {
  const manages = user.role === 'county_admin' || user.role === 'township_officer';
  return { ...row, url: manages ? row.url : maskRobotToken(row.url), secretSet: Boolean(row.secretSet) };
}

/** The county's robots (townshipId null) are the county admin's; a township's also its officer's. */
function assertMayManage(user: SessionUser, townshipId: number | null | undefined): void {
  if (user.role === 'county_admin') return;
  if (user.role === 'township_officer' && townshipId != null && townshipId === user.townshipId) return;
  throw fail('forbidden');
}

export function createWebhookRoutes() {
  const app = createRouter();

  app.openapi(routes.list, async (c) => {
    const query = parseListQuery(c, {
      filter: z.object({ townshipId: z.number().int().positive().max(2147483647).optional() }).strict(),
      sortable: ['id'] as const,
      defaultSort: 'id',
    });
    let q = visible(c.var.deps.db, c.var.user);
    if (query.filter.townshipId) q = q.where('township_id', '=', query.filter.townshipId);
    const [rows, total] = await Promise.all([
      q.orderBy('id').offset(query.offset).limit(query.limit).execute(),
      q
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    setContentRange(c, 'webhooks', query.offset, rows.length, total.n);
    return c.json(
      rows.map((r) => present(r, c.var.user)),
      200,
    );
  });

  app.openapi(routes.show, async (c) => {
    const row = await visible(c.var.deps.db, c.var.user).where('id', '=', c.req.valid('param').id).executeTakeFirst();
    if (!row) throw fail('not_found');
    return c.json(present(row, c.var.user), 200);
  });

  app.openapi(routes.create, async (c) => {
    const input = c.req.valid('json');
    assertMayManage(c.var.user, input.townshipId);
    const db = c.var.deps.db;
    if (
      input.townshipId &&
      !(await db.selectFrom('townships').select('id').where('id', '=', input.townshipId).executeTakeFirst())
    )
      throw invalidField('townshipId', '所选乡镇不存在', 'no such township');
    const { id } = await db
      .insertInto('webhooks')
      .values({
        township_id: input.townshipId,
        kind: input.kind,
        url: input.url,
        secret: input.secret ?? null,
        active: input.active ?? true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(c, {
      action: 'record.created',
      resource: 'webhooks',
      recordId: id,
      detail: { townshipId: input.townshipId, kind: input.kind },
    });
    const row = await visible(db, { ...c.var.user, role: 'county_admin' })
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return c.json(present(row, c.var.user), 201);
  });

  app.openapi(routes.update, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const db = c.var.deps.db;
    const current = await visible(db, c.var.user).where('id', '=', id).executeTakeFirst();
    if (!current) throw fail('not_found');
    assertMayManage(c.var.user, current.townshipId);
    if (input.townshipId !== undefined) assertMayManage(c.var.user, input.townshipId);
    await db
      .updateTable('webhooks')
      .set({
        ...(input.townshipId !== undefined ? { township_id: input.townshipId } : {}),
        ...(input.kind ? { kind: input.kind } : {}),
        ...(input.url ? { url: input.url } : {}),
        ...(input.secret !== undefined ? { secret: input.secret } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
      })
      .where('id', '=', id)
      .execute();
    // The auditor reads the log: the token is shown there as in the robot list, cut short.
    await writeAudit(c, {
      action: 'record.updated',
      resource: 'webhooks',
      recordId: id,
      detail: {
        ...input,
        ...(input.url ? { url: maskRobotToken(input.url) } : {}),
        secret: input.secret === undefined ? undefined : '(changed)',
      },
    });
    const row = await visible(db, { ...c.var.user, role: 'county_admin' })
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return c.json(present(row, c.var.user), 200);
  });

  app.openapi(routes.remove, async (c) => {
    const { id } = c.req.valid('param');
    const db = c.var.deps.db;
    const current = await visible(db, c.var.user).where('id', '=', id).executeTakeFirst();
    if (!current) throw fail('not_found');
    assertMayManage(c.var.user, current.townshipId);
    await db.deleteFrom('webhooks').where('id', '=', id).execute();
    await writeAudit(c, { action: 'record.deleted', resource: 'webhooks', recordId: id });
    return c.json(present(current, c.var.user), 200);
  });

  return app;
}
