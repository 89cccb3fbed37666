// 导师帮带 operations: start one, start for every newly elected cadre of a township, replace
// the mentor, end early. Importing from a spreadsheet lives beside this file.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { actorOf } from '../../auth/actor.js';
import { requireUser } from '../../auth/authenticate.js';
import type { AppEnv } from '../../context.js';
import { fail } from '../../errors/errors.js';
import { withUpdateDeadline } from '../../temporal/update-deadline.js';
import { errorResponses, jsonResponse } from '../../openapi/responses.js';
import { jsonBody } from '../../resources/common.js';
import { createRouter } from '../../router.js';
import { scopeOf } from '../../scope/scope.js';
import {
  endPairingEarlyUpdate,
  reassignMentorUpdate,
} from '../../../workflows/mentor-pairing/mentor-pairing-definition.js';
import { processesInScope } from '../process-queries.js';
import { ProcessIdParam } from '../process-schemas.js';
import { startPairingsForTownship } from './bulk-start.js';
import {
  BulkPairingBody,
  EndEarlyBody,
  ReassignBody,
  StartPairingBody,
  StartedSchema,
} from './mentor-pairing-schemas.js';
import { createPairingImportRoutes } from './pairing-import-routes.js';
import { findMentor } from './pairing-people.js';
import { startPairing } from './start-pairing.js';

const tags = ['mentor-pairing 导师帮带'];

const start = createRoute({
  method: 'post',
  path: '/',
  tags,
  middleware: requireUser,
  summary: 'Propose a mentor for a cadre',
  request: jsonBody(StartPairingBody),
  responses: { 201: jsonResponse(StartedSchema, 'Started'), ...errorResponses(400, 401, 403, 409) },
});
const bulk = createRoute({
  method: 'post',
  path: '/bulk',
  tags,
  middleware: requireUser,
  summary: 'Pair every newly elected cadre of a township with its mentors',
  request: jsonBody(BulkPairingBody),
  responses: {
    200: jsonResponse(
      z.object({
        started: z.array(StartedSchema),
        skipped: z.array(z.object({ personId: z.number().int(), name: z.string(), reason: z.string() })),
      }),
      'Result',
    ),
    ...errorResponses(400, 401, 403, 409),
  },
});
const reassign = createRoute({
  method: 'post',
  path: '/{id}/reassign-mentor',
  tags,
  middleware: requireUser,
  summary: 'Replace the mentor (更换导师)',
  request: { params: ProcessIdParam, ...jsonBody(ReassignBody) },
  responses: {
    200: jsonResponse(z.object({ moved: z.number().int() }), 'Reassigned'),
    ...errorResponses(400, 401, 403, 404, 409, 503),
  },
});
const endEarly = createRoute({
  method: 'post',
  path: '/{id}/end-early',
  tags,
  middleware: requireUser,
  summary: 'End the pairing early with a reason',
  request: { params: ProcessIdParam, ...jsonBody(EndEarlyBody) },
  responses: {
    200: jsonResponse(z.object({ id: z.string() }), 'Ended'),
    ...errorResponses(400, 401, 403, 404, 409, 503),
  },
});

async function runningPairing(c: Context<AppEnv>, id: string) {
  const row = await processesInScope(c.var.deps.db, c.var.user, scopeOf(c.var.user))
    .select(['p.id', 'p.status', 'p.type'])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!row || row.type !== 'mentor-pairing') throw fail('not_found');
  if (row.status !== 'running')
    throw fail('conflict', [{ field: 'status', message: '该帮带已结束', messageEn: 'The pairing has ended' }]);
  return c.var.deps.temporal.client.workflow.getHandle(id);
}

export function createMentorPairingRoutes() {
  const app = createRouter();
  app.route('/', createPairingImportRoutes());

  app.openapi(start, async (c) => c.json(await startPairing(c, c.req.valid('json')), 201));

  app.openapi(bulk, async (c) => c.json(await startPairingsForTownship(c, c.req.valid('json')), 200));

  app.openapi(reassign, async (c) => {
    const { mentorPersonId, reason } = c.req.valid('json');
    const handle = await runningPairing(c, c.req.valid('param').id);
    const mentor = await findMentor(c.var.deps.db, mentorPersonId);
    return c.json(
      await withUpdateDeadline(c.var.deps.temporal, () =>
        handle.executeUpdate(reassignMentorUpdate, { args: [{ actor: actorOf(c.var.user), mentor, reason }] }),
      ),
      200,
    );
  });

  app.openapi(endEarly, async (c) => {
    const id = c.req.valid('param').id;
    const handle = await runningPairing(c, id);
    await withUpdateDeadline(c.var.deps.temporal, () =>
      handle.executeUpdate(endPairingEarlyUpdate, {
        args: [{ actor: actorOf(c.var.user), reason: c.req.valid('json').reason }],
      }),
    );
    return c.json({ id }, 200);
  });

  return app;
}
