// 强制终止: the county admin's last resort for a process that cannot be cancelled (its worker
// code is broken, or it waits on something that will never come). Temporal stops the run at
// once, without the workflow's say; the read model, its open tasks and the timeline are
// written here, with who and why, rather than waiting for the reconciler, and the workflows
// it concerns are told (a campaign its applicants', an applicant's campaign).
import { createRoute, z } from '@hono/zod-openapi';
import { closeAndTell } from '../../activities/process-status/close-process.js';
import { tellingErrorText } from '../../activities/process-status/owed-tellings.js';
import { actorOf } from '../auth/actor.js';
import { requireUser } from '../auth/authenticate.js';
import { errorResponses, jsonResponse } from '../openapi/responses.js';
import { jsonBody } from '../resources/common.js';
import { auditAs, type Acting } from './acting.js';
import { ProcessIdParam } from './process-schemas.js';

export const ReasonBody = z.object({ reason: z.string().trim().min(1).max(500) }).strict();

export const terminateRoute = createRoute({
  method: 'post',
  path: '/{id}/terminate',
  tags: ['processes 流程'],
  middleware: requireUser,
  summary: 'Terminate a running process at once (county admin); its open tasks are closed',
  request: { params: ProcessIdParam, ...jsonBody(ReasonBody) },
  responses: {
    200: jsonResponse(z.object({ id: z.string(), status: z.string() }), 'Terminated'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

/** Terminates the process (its row, as the caller has read it in scope) and writes why. */
export async function terminateProcess(a: Acting, target: { id: string }, reason: string) {
  const { id } = target;
  const handle = a.temporal.client.workflow.getHandle(id);
  const { runId } = await handle.describe();
  await handle.terminate(`${reason}（${a.user.displayName}）`);
  // The run is terminated whatever follows: a telling that fails now stays owed (the reconciler
  // tells it again) rather than answering 500 for a process that has ended.
  const { tellingError } = await closeAndTell(
    { db: a.db, client: a.temporal.client },
    { processId: id, runId, status: 'terminated', at: new Date(), reason, actorUserId: a.user.id },
    actorOf(a.user),
  );
  const owed = tellingError === undefined ? {} : { tellingOwed: tellingErrorText(tellingError) };
  await auditAs(a, { action: 'process.terminated', resource: 'processes', recordId: id, detail: { reason, ...owed } });
  return { id, status: 'terminated' };
}
