// 成绩导入: the county admin imports the province's sheet of the written exam or the interview.
// Every row is checked before anything is sent (columns, scores 0–100 or 缺考, a repeated ID
// number, the ID number and the name against the exam's applicants): one bad row answers 400
// naming its row and column, and nothing is stored. A good sheet completes the campaign's
// scores step, whose workflow stores the scores and moves each applicant on.
import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { actOnTaskUpdate } from '../../../workflows/human-step/messages.js';
import { campaignProgressQuery } from '../../../workflows/targeted-recruitment/targeted-recruitment-definition.js';
import { writeAudit } from '../../audit/audit.js';
import { actorOf } from '../../auth/actor.js';
import { requireUser } from '../../auth/authenticate.js';
import { conflictField, fail } from '../../errors/errors.js';
import { errorResponses, jsonResponse } from '../../openapi/responses.js';
import { IdParam } from '../../resources/common.js';
import { createRouter } from '../../router.js';
import { MAX_UPLOAD_BYTES, uploadedBytes } from '../mentor-pairing/pairing-import-routes.js';
import { campaignInScope } from './campaign-access.js';
import { matchScoreRows, parseScoreSheet, SCORE_HEADERS } from './score-spreadsheet.js';

const tags = ['targeted-recruitment 定向考录'];
/** Who sits each exam: the qualified sit the written one, the shortlisted the interview. */
const SITTING = { written: 'qualified', interview: 'shortlisted' } as const;

const importScores = createRoute({
  method: 'post',
  path: '/campaigns/{id}/scores',
  tags,
  middleware: [
    requireUser,
    bodyLimit({
      maxSize: MAX_UPLOAD_BYTES,
      onError: () => {
        throw fail('payload_too_large');
      },
    }),
  ] as const,
  summary: 'Import the written or interview scores from the province’s spreadsheet (导入笔试/面试成绩)',
  description:
    'Columns 身份证号, 姓名 and 笔试成绩 (or 面试成绩) in row 1; 缺考 or empty for an absent applicant. Every row is checked first; a bad row answers 400 naming `第5行 笔试成绩`, and nothing is imported.',
  request: { params: IdParam, query: z.object({ exam: z.enum(['written', 'interview']) }) },
  responses: {
    200: jsonResponse(z.object({ imported: z.number(), absent: z.number() }), 'Imported'),
    ...errorResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

export function createScoreImportRoutes() {
  const app = createRouter();

  app.openapi(importScores, async (c) => {
    const user = c.var.user;
    const { exam } = c.req.valid('query');
    const campaign = await campaignInScope(c, c.req.valid('param').id);
    if (user.role !== 'county_admin') throw fail('forbidden');
    const rows = await parseScoreSheet(await uploadedBytes(c), exam);
    const notNow = () =>
      conflictField(
        'exam',
        `当前不在${SCORE_HEADERS[exam].header}录入环节`,
        `the campaign is not waiting for the ${SCORE_HEADERS[exam].en}s`,
      );
    if (!campaign.workflow_id) throw notNow();
    const db = c.var.deps.db;
    const task = await db
      .selectFrom('tasks')
      .select('task_key')
      .where('process_id', '=', campaign.workflow_id)
      .where('step_key', '=', exam)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (!task) throw notNow();
    const progress = await c.var.deps.temporal.client.workflow
      .getHandle(campaign.workflow_id)
      .query(campaignProgressQuery);
    const sitting = progress.applicants.filter((a) => a.status === SITTING[exam]);
    const people = sitting.length
      ? await db
          .selectFrom('people')
          .select(['id', 'id_number', 'name'])
          .where(
            'id',
            'in',
            sitting.map((a) => a.personId),
          )
          .execute()
      : [];
    const byPerson = new Map(people.map((p) => [p.id, p]));
    const scores = matchScoreRows(
      rows,
      sitting.map((a) => ({
        applicationId: a.applicationId,
        idNumber: byPerson.get(a.personId)!.id_number,
        name: byPerson.get(a.personId)!.name,
      })),
    );
    await c.var.deps.temporal.client.workflow.getHandle(campaign.workflow_id).executeUpdate(actOnTaskUpdate, {
      args: [
        {
          taskKey: task.task_key,
          action: 'submit',
          actor: actorOf(user),
          form: { scores, source: `${SCORE_HEADERS[exam].header}导入（${rows.length} 行）` },
        },
      ],
    });
    await writeAudit(c, {
      action: 'import.completed',
      resource: 'recruitment_scores',
      recordId: campaign.id,
      detail: { exam, rows: rows.length },
    });
    return c.json({ imported: scores.length, absent: scores.filter((s) => s.score === null).length }, 200);
  });

  return app;
}
