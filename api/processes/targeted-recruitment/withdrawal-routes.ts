// 放弃: an applicant gives up their application at any point before the hire, themself, or
// their township officer or the county registering it for them with a reason. Checked in this
// order: the caller sees the application (404 otherwise), may withdraw it (403), gives a reason
// when it is not their own (400), the application is still under way (409: hired, or ended).
// Before the township's recommendation the applicant workflow takes it, from then on the
// campaign (which moves the next in rank up). The same requestId again answers the same.
import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import {
  withdrawApplicationUpdate,
  withdrawalChangeKey,
} from '../../../workflows/targeted-recruitment/recruitment-withdrawal.js';
import {
  APPLICATION_UNDER_WAY,
  applicantId,
} from '../../../workflows/targeted-recruitment/targeted-recruitment-definition.js';
import { writeAudit } from '../../audit/audit.js';
import { actorOf } from '../../auth/actor.js';
import { requireUser } from '../../auth/authenticate.js';
import { conflictField, fail, invalidField } from '../../errors/errors.js';
import { fromTemporalError } from '../../errors/temporal-errors.js';
import { errorResponses, jsonResponse } from '../../openapi/responses.js';
import { IdParam, jsonBody } from '../../resources/common.js';
import { createRouter } from '../../router.js';
import { withUpdateDeadline } from '../../temporal/update-deadline.js';
import { plainText } from '../../validation/plain-text.js';
import { APPLICATION_STATUS_NAMES_ZH } from './application-status-names.js';
import { applicationScope } from './campaign-access.js';

const tags = ['targeted-recruitment 定向考录'];

const WithdrawBody = z
  .object({
    reason: plainText()
      .max(500)
      .optional()
      .openapi({ description: '放弃原因；乡镇组织委员或县委组织部代为登记时必填' }),
    requestId: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: 'the same id again is the same withdrawal (answered as before)' }),
  })
  .strict()
  .openapi('RecruitmentWithdrawal');

const Withdrawn = z.object({ applicationId: z.number(), status: z.literal('withdrawn') });

const route = createRoute({
  method: 'post',
  path: '/applications/{id}/withdraw',
  tags,
  middleware: requireUser,
  summary: 'Withdraw (放弃) an application before the hire: the applicant, their township officer or the county',
  request: { params: IdParam, ...jsonBody(WithdrawBody) },
  responses: {
    200: jsonResponse(Withdrawn, 'Withdrawn'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export function createWithdrawalRoutes() {
  const app = createRouter();

  app.openapi(route, async (c) => {
    const user = c.var.user;
    const id = c.req.valid('param').id;
    const body = c.req.valid('json');
    const { db, temporal } = c.var.deps;
    let q = db
      .selectFrom('recruitment_applications as a')
      .innerJoin('recruitment_campaigns as rc', 'rc.id', 'a.campaign_id')
      .select(['a.id', 'a.person_id', 'a.township_id', 'a.status', 'rc.workflow_id as campaign_workflow_id'])
      .where('a.id', '=', id);
    const scope = applicationScope(user);
    if (scope) q = q.where(`a.${scope.column}`, '=', scope.value);
    const application = await q.executeTakeFirst();
    if (!application) throw fail('not_found');
    const self = user.personId != null && user.personId === application.person_id;
    const may =
      self ||
      user.role === 'county_admin' ||
      (user.role === 'township_officer' && user.townshipId === application.township_id);
    if (!may) throw fail('forbidden');
    const reason = body.reason?.trim() || undefined;
    if (!self && !reason)
      throw invalidField(
        'reason',
        '代为登记放弃须填写原因',
        'a reason is required when registering it for the applicant',
      );

    if (application.status === 'withdrawn') {
      const same =
        body.requestId &&
        (await db
          .selectFrom('recruitment_status_changes')
          .select('id')
          .where('change_key', '=', withdrawalChangeKey(id, body.requestId))
          .executeTakeFirst());
      if (same) return c.json({ applicationId: id, status: 'withdrawn' as const }, 200);
      throw conflictField('status', '该报名已放弃', 'the application is already withdrawn');
    }
    if (!APPLICATION_UNDER_WAY.includes(application.status) || !application.campaign_workflow_id) {
      const hired = ['hired', 'confirmed', 'probation_failed'].includes(application.status);
      throw conflictField(
        'status',
        hired ? '已录用，不能再放弃' : `该报名已结束（${APPLICATION_STATUS_NAMES_ZH[application.status]}），不能再放弃`,
        hired ? 'the applicant is hired already' : 'the application has ended',
      );
    }

    const workflowId =
      application.status === 'applied' ? applicantId(temporal.idPrefix ?? '', id) : application.campaign_workflow_id;
    const result = await withUpdateDeadline(temporal, () =>
      temporal.client.workflow.getHandle(workflowId).executeUpdate(withdrawApplicationUpdate, {
        args: [{ actor: actorOf(user), applicationId: id, reason, requestId: body.requestId }],
        updateId: body.requestId ? `withdraw:${id}:${body.requestId}` : randomUUID(),
      }),
    ).catch((error) => {
      // A decision on the same step was taken first (推荐, 体检与考察, 审批录用): it stands.
      if (fromTemporalError(error)?.status === 409)
        throw conflictField(
          'status',
          '报名状态刚刚发生变化（推荐、体检考察或录用审批已作出决定），请刷新后再试',
          'a decision on the application was taken first; refresh and try again',
        );
      throw error;
    });
    await writeAudit(c, {
      action: 'record.updated',
      resource: 'recruitment_applications',
      recordId: id,
      detail: { withdrawn: true, from: application.status, reason: reason ?? null },
    });
    return c.json(result, 200);
  });

  return app;
}
