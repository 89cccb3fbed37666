// The console's bell: each signed-in user reads and marks only their own notifications.
// Another user's notification answers 404, the same as one that does not exist.
import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../auth/authenticate.js';
import { fail } from '../../errors/errors.js';
import { errorResponses } from '../../openapi/responses.js';
import { createRouter } from '../../router.js';
import { IdParam } from '../common.js';
import { ListQuerySchema, idsFilter, parseListQuery, setContentRange } from '../list-query.js';
import {
  NOTIFICATION_SORTS,
  countUnread,
  getNotification,
  listNotifications,
  markAllRead,
  markRead,
} from './notification-queries.js';

const NotificationSchema = z
  .object({
    id: z.number().int(),
    kind: z.string().openapi({ example: 'task_reminder' }),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable().openapi({ description: 'A path in the console', example: '/tasks/12' }),
    taskId: z.number().int().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');

const NotificationFilter = z
  .object({
    unread: z.boolean().optional().openapi({ description: 'true: unread only; false: read only' }),
    kind: z.string().max(40).optional(),
    id: idsFilter,
  })
  .strict();

const Count = z.object({ count: z.number().int() }).openapi('NotificationCount');
const tags = ['notifications 消息通知'];
const one = { content: { 'application/json': { schema: NotificationSchema } } };
const count = { content: { 'application/json': { schema: Count } } };

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'The caller’s own notifications, newest first',
  middleware: [requireUser] as const,
  request: { query: ListQuerySchema },
  responses: {
    200: {
      description: 'A page; the total is in Content-Range',
      content: { 'application/json': { schema: z.array(NotificationSchema) } },
    },
    ...errorResponses(400, 401),
  },
});
const unreadCount = createRoute({
  method: 'get',
  path: '/unread-count',
  tags,
  summary: 'How many of the caller’s notifications are unread',
  middleware: [requireUser] as const,
  responses: { 200: { description: 'The count', ...count }, ...errorResponses(401) },
});
const show = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'One of the caller’s notifications',
  middleware: [requireUser] as const,
  request: { params: IdParam },
  responses: { 200: { description: 'Found', ...one }, ...errorResponses(400, 401, 404) },
});
const read = createRoute({
  method: 'post',
  path: '/{id}/read',
  tags,
  summary: 'Mark one of the caller’s notifications as read',
  middleware: [requireUser] as const,
  request: { params: IdParam },
  responses: {
    200: { description: 'Marked; the first reading time is kept', ...one },
    ...errorResponses(400, 401, 403, 404),
  },
});
const readAll = createRoute({
  method: 'post',
  path: '/read-all',
  tags,
  summary: 'Mark all of the caller’s notifications as read',
  middleware: [requireUser] as const,
  responses: { 200: { description: 'How many were unread and are now read', ...count }, ...errorResponses(401, 403) },
});

export function createNotificationRoutes() {
  const app = createRouter();

  app.openapi(list, async (c) => {
    const query = parseListQuery(c, {
      filter: NotificationFilter,
      sortable: NOTIFICATION_SORTS,
      defaultSort: 'createdAt',
    });
    // A bell shows the newest first unless the console asks for another order.
    if (!c.req.query('sort')) query.sort.order = 'desc';
    const { rows, total } = await listNotifications(c.var.deps.db, c.var.user.id, query);
    setContentRange(c, 'notifications', query.offset, rows.length, total);
    return c.json(rows, 200);
  });

  // Registered before /{id} so "unread-count" is never read as an id.
  app.openapi(unreadCount, async (c) => c.json({ count: await countUnread(c.var.deps.db, c.var.user.id) }, 200));

  app.openapi(show, async (c) => {
    const row = await getNotification(c.var.deps.db, c.var.user.id, c.req.valid('param').id);
    if (!row) throw fail('not_found');
    return c.json(row, 200);
  });

  app.openapi(read, async (c) => {
    const { id } = c.req.valid('param');
    const db = c.var.deps.db;
    if (!(await markRead(db, c.var.user.id, id))) throw fail('not_found');
    return c.json((await getNotification(db, c.var.user.id, id))!, 200);
  });

  app.openapi(readAll, async (c) => c.json({ count: await markAllRead(c.var.deps.db, c.var.user.id) }, 200));

  return app;
}
