// 请假委托: while on leave, a colleague acts on one's tasks. Everyone manages their own; the
// county admin anyone's. Each action taken as a stand-in is recorded with both names.
import { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { DB } from '../../../db/database.js';
import { CHINA_TIME_ZONE } from '../../../domain/china-time.js';
import { writeAudit } from '../../audit/audit.js';
import { fail, invalidField } from '../../errors/errors.js';
import { createRouter } from '../../router.js';
import { bilingual } from '../../validation/bilingual-errors.js';
import { calendarDate } from '../../validation/calendar-date.js';
import { crudRoutes } from '../crud-routes.js';
import { parseListQuery, setContentRange } from '../list-query.js';

const isoDate = calendarDate();
const DelegationSchema = z
  .object({
    id: z.number().int(),
    userId: z.number().int(),
    userName: z.string(),
    delegateUserId: z.number().int(),
    delegateName: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    reason: z.string().nullable(),
  })
  .openapi('Delegation');
const DelegationInput = z
  .object({
    userId: z.number().int().positive().max(2147483647).optional(),
    delegateUserId: z.number().int().positive().max(2147483647),
    startsOn: isoDate,
    endsOn: isoDate,
    reason: z.string().trim().max(200).optional(),
  })
  .strict()
  .refine((d) => d.endsOn >= d.startsOn, {
    message: bilingual('结束日期不能早于开始日期', 'endsOn must not be before startsOn'),
    path: ['endsOn'],
  })
  .openapi('DelegationInput');
const DelegationFilter = z.object({ active: z.boolean().optional() }).strict();
const routes = crudRoutes({
  tag: 'delegations 请假委托',
  noun: 'delegations',
  record: DelegationSchema,
  createInput: DelegationInput,
  updateInput: z.object({}).strict(),
});

export function createDelegationRoutes() {
  const app = createRouter();
  const select = (db: DB, viewer: { id: number; role: string }) => {
    let q = db
      .selectFrom('delegations as d')
      .innerJoin('users as u', 'u.id', 'd.user_id')
      .innerJoin('users as g', 'g.id', 'd.delegate_user_id')
      .select([
        'd.id',
        'd.user_id as userId',
        'u.display_name as userName',
        'd.delegate_user_id as delegateUserId',
        'g.display_name as delegateName',
        'd.starts_on as startsOn',
        'd.ends_on as endsOn',
        'd.reason',
      ]);
    if (viewer.role !== 'county_admin' && viewer.role !== 'auditor')
      q = q.where((eb) => eb.or([eb('d.user_id', '=', viewer.id), eb('d.delegate_user_id', '=', viewer.id)]));
    return q;
  };

  app.openapi(routes.list, async (c) => {
    const query = parseListQuery(c, {
      filter: DelegationFilter,
      sortable: ['id', 'startsOn', 'endsOn'] as const,
      defaultSort: 'startsOn',
    });
    let q = select(c.var.deps.db, c.var.user);
    if (query.filter.active)
      q = q.where('d.ends_on', '>=', sql<string>`(now() at time zone ${sql.lit(CHINA_TIME_ZONE)})::date`);
    const rows = await q
      .orderBy(sql.ref(query.sort.field), query.sort.order)
      .offset(query.offset)
      .limit(query.limit)
      .execute();
    const total = (
      await q
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    setContentRange(c, 'delegations', query.offset, rows.length, total);
    return c.json(rows, 200);
  });

  app.openapi(routes.show, async (c) => {
    const row = await select(c.var.deps.db, c.var.user).where('d.id', '=', c.req.valid('param').id).executeTakeFirst();
    if (!row) throw fail('not_found');
    return c.json(row, 200);
  });

  app.openapi(routes.create, async (c) => {
    const input = c.req.valid('json');
    const user = c.var.user;
    const db = c.var.deps.db;
    if (user.role === 'auditor') throw fail('forbidden');
    const userId = input.userId ?? user.id;
    if (userId !== user.id && user.role !== 'county_admin') throw fail('forbidden');
    if (input.delegateUserId === userId)
      throw invalidField('delegateUserId', '不能委托给本人', 'cannot delegate to oneself');
    const [owner, delegate] = await Promise.all([
      db
        .selectFrom('users')
        .select(['id', 'township_id'])
        .where('id', '=', userId)
        .where('active', '=', true)
        .executeTakeFirst(),
      db
        .selectFrom('users')
        .select(['id', 'township_id'])
        .where('id', '=', input.delegateUserId)
        .where('active', '=', true)
        .executeTakeFirst(),
    ]);
    if (!owner) throw invalidField('userId', '委托人不存在或已停用', 'no such active user');
    if (!delegate) throw invalidField('delegateUserId', '受托人不存在或已停用', 'no such active user');
    // A stand-in comes from the same township (or the county), so scope stays where it was.
    if (owner.township_id !== null && delegate.township_id !== owner.township_id)
      throw invalidField(
        'delegateUserId',
        '受托人须为同一乡镇的工作人员',
        'the delegate must work in the same township',
      );
    const { id } = await db
      .insertInto('delegations')
      .values({
        user_id: userId,
        delegate_user_id: input.delegateUserId,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        reason: input.reason ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(c, {
      action: 'record.created',
      resource: 'delegations',
      recordId: id,
      detail: { ...input, userId },
    });
    return c.json(
      await select(db, { id: user.id, role: 'county_admin' }).where('d.id', '=', id).executeTakeFirstOrThrow(),
      201,
    );
  });

  app.openapi(routes.update, () => {
    throw fail('forbidden');
  });

  app.openapi(routes.remove, async (c) => {
    const id = c.req.valid('param').id;
    const db = c.var.deps.db;
    const row = await select(db, c.var.user).where('d.id', '=', id).executeTakeFirst();
    if (!row) throw fail('not_found');
    if (row.userId !== c.var.user.id && c.var.user.role !== 'county_admin') throw fail('forbidden');
    await db.deleteFrom('delegations').where('id', '=', id).execute();
    await writeAudit(c, { action: 'record.deleted', resource: 'delegations', recordId: id });
    return c.json(row, 200);
  });

  return app;
}
