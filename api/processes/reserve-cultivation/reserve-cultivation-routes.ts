// 后备干部推选与培养 operations: open a township's intake, see its progress, nominate (with
// eligibility and its reasons), import exam scores from a spreadsheet, object during the
// notice, and use or exit a reserve. The intake's reviews and the county's approval are
// ordinary human steps, acted on through /api/tasks. Every route checks scope on the server.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { chinaDayOf, chinaYear } from '../../../domain/china-time.js';
import { USE_CRITERIA } from '../../../domain/reserve-use-ranking.js';
import { currentReservePoolSettings } from '../../../domain/reserve-pool-settings-store.js';
import { writeAudit } from '../../audit/audit.js';
import { actorOf } from '../../auth/actor.js';
import { requireUser } from '../../auth/authenticate.js';
import type { AppEnv } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { conflictField, fail } from '../../errors/errors.js';
import { errorResponses, jsonResponse } from '../../openapi/responses.js';
import { IdParam, jsonBody } from '../../resources/common.js';
import { createRouter } from '../../router.js';
import { calendarDate } from '../../validation/calendar-date.js';
import { actOnTaskUpdate } from '../../../workflows/human-step/messages.js';
import {
  exitReserveUpdate,
  EXIT_KINDS,
  useReserveUpdate,
} from '../../../workflows/reserve-cultivation/reserve-cultivation-definition.js';
import {
  fileIntakeObjectionUpdate,
  intakeId,
  nominateUpdate,
  RESERVE_INTAKE,
} from '../../../workflows/reserve-cultivation/reserve-intake-definition.js';
import { reserveIntake } from '../../../workflows/reserve-cultivation/reserve-intake-workflow.js';
import { MAX_UPLOAD_BYTES, uploadedBytes } from '../mentor-pairing/pairing-import-routes.js';
import { startPairing } from '../mentor-pairing/start-pairing.js';
import { intakeOf, runsTownship, seesTownship } from './intake-access.js';
import { parseExamSheet } from './exam-spreadsheet.js';
import { nomineeEligibility } from './nominee-eligibility.js';
import { recordedOnly } from './records-only.js';
import { villageUseRanking } from './use-ranking.js';

const tags = ['reserve-cultivation 后备干部'];
const Id = z.number().int().positive().max(2147483647);
const Year = z.coerce.number().int().min(2000).max(2100);
const IntakeQuery = z.object({ townshipId: z.coerce.number().int().positive().max(2147483647), year: Year.optional() });

const OpenBody = z
  .object({
    townshipId: Id,
    year: Year.optional(),
    windowDays: z.number().int().min(1).max(90).optional(),
    exam: z.boolean().optional(),
  })
  .strict()
  .openapi('OpenReserveIntake');
const NominateBody = z
  .object({
    townshipId: Id,
    year: Year.optional(),
    personId: Id,
    source: z.enum(['organisation', 'mass', 'self']),
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  .openapi('ReserveNomination');
const ObjectionBody = z
  .object({ townshipId: Id, year: Year.optional(), personId: Id, reason: z.string().trim().min(1).max(1000) })
  .strict()
  .openapi('ReserveObjection');
const UseBody = z
  .object({
    post: z.string().trim().min(1).max(100),
    date: calendarDate(),
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  .openapi('UseReserve');
const ExitBody = z
  .object({ kind: z.enum(EXIT_KINDS), reason: z.string().trim().min(1).max(1000) })
  .strict()
  .openapi('ExitReserve');
const Eligibility = z.object({
  eligible: z.boolean(),
  reasons: z.array(z.object({ rule: z.string(), message_zh: z.string(), message_en: z.string() })),
});

const UseRankingRow = z.object({
  rank: z.number().int(),
  reserveId: z.number().int(),
  personId: z.number().int(),
  name: z.string(),
  status: z.enum(['trial', 'in_pool']),
  enteredOn: z.string().nullable(),
  mentorName: z.string().nullable(),
  reviews: z.array(z.object({ year: z.number().int(), result: z.enum(['pass', 'fail']) })),
  failYears: z.number().int().openapi({ description: '不合格年数' }),
  passYears: z.number().int().openapi({ description: '合格年数' }),
  trainings: z.number().int().openapi({ description: '培训记录数' }),
  placements: z.number().int().openapi({ description: '跟班学习/挂职/助理记录数' }),
  trialCompleted: z.boolean(),
  trialCompletedOn: z.string().nullable(),
  aheadOfNextBy: z
    .enum(USE_CRITERIA)
    .nullable()
    .openapi({ description: 'The criterion that ranks this row ahead of the next; null on the last' }),
  canUse: z.boolean().openapi({ description: 'Has a running cultivation the use route acts on' }),
});
const UseRanking = z
  .object({
    villageId: z.number().int(),
    villageName: z.string(),
    townshipId: z.number().int(),
    townshipName: z.string(),
    rows: z.array(UseRankingRow),
  })
  .openapi('ReserveUseRanking');

const openIntake = createRoute({
  method: 'post',
  path: '/intakes',
  tags,
  middleware: requireUser,
  summary: "Open a township's yearly intake (开启推选) with its window",
  request: jsonBody(OpenBody),
  responses: {
    201: jsonResponse(z.object({ id: z.string(), year: z.number(), windowDays: z.number() }), 'Opened'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});
const progress = createRoute({
  method: 'get',
  path: '/intakes/progress',
  tags,
  middleware: requireUser,
  summary: "An intake's progress per village and its candidates",
  request: { query: IntakeQuery },
  responses: {
    200: jsonResponse(z.record(z.string(), z.unknown()), 'Progress'),
    ...errorResponses(400, 401, 404),
  },
});
const eligibility = createRoute({
  method: 'get',
  path: '/eligibility/{id}',
  tags,
  middleware: requireUser,
  summary: 'Whether a person may be nominated today, with the reasons (资格条件)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Eligibility, 'Eligibility'), ...errorResponses(400, 401, 404) },
});
const nominate = createRoute({
  method: 'post',
  path: '/nominations',
  tags,
  middleware: requireUser,
  summary: 'Nominate a person (组织推荐 / 群众推荐 / 个人自荐); 422 with every failed rule when ineligible',
  request: jsonBody(NominateBody),
  responses: {
    201: jsonResponse(z.object({ reserveId: z.number(), nomination: z.number() }), 'Nominated'),
    ...errorResponses(400, 401, 403, 404, 409),
    422: { description: 'Not eligible: each failed rule is a field `eligibility.<rule>`', content: {} },
  },
});
const importScores = createRoute({
  method: 'post',
  path: '/intakes/exam-scores',
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
  summary: 'Import written and interview scores from a spreadsheet (导入考试成绩)',
  description:
    'Columns 身份证号, 姓名, 笔试成绩, 面试成绩 in row 1. Every row is checked first; a bad row answers 400 naming `第5行 笔试成绩`, and nothing is imported.',
  request: { query: IntakeQuery },
  responses: {
    200: jsonResponse(z.object({ imported: z.number() }), 'Imported'),
    ...errorResponses(400, 401, 403, 404, 409, 413, 415),
  },
});
const objection = createRoute({
  method: 'post',
  path: '/objections',
  tags,
  middleware: requireUser,
  summary: 'Object to a person on the public notice (公示异议)',
  request: jsonBody(ObjectionBody),
  responses: {
    200: jsonResponse(z.object({ objection: z.number() }), 'Filed'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});
const useReserve = createRoute({
  method: 'post',
  path: '/reserves/{id}/use',
  tags,
  middleware: requireUser,
  summary: 'Use a reserve (使用): elected or appointed; proposes a mentor pairing',
  request: { params: IdParam, ...jsonBody(UseBody) },
  responses: {
    200: jsonResponse(
      z.object({
        reserveId: z.number(),
        pairing: z.object({ id: z.string(), title: z.string() }).nullable(),
        pairingNote: z.string().nullable(),
      }),
      'Used',
    ),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});
const useRanking = createRoute({
  method: 'get',
  path: '/villages/{id}/use-ranking',
  tags,
  middleware: requireUser,
  summary: "A village's reserves (在库, 试用期) ranked for use (使用推荐), each with the reasons for its place",
  description:
    'Fewer 不合格 years, then more 合格 years, then more training, then more placements, then a completed trial (the earlier first), then the earlier entry, then the lower id (domain/reserve-use-ranking.ts).',
  request: { params: IdParam },
  responses: { 200: jsonResponse(UseRanking, 'Ranked'), ...errorResponses(400, 401, 404) },
});
const exitReserve = createRoute({
  method: 'post',
  path: '/reserves/{id}/exit',
  tags,
  middleware: requireUser,
  summary: 'Exit a reserve from the pool, with the kind and the reason (退出)',
  request: { params: IdParam, ...jsonBody(ExitBody) },
  responses: {
    200: jsonResponse(z.object({ reserveId: z.number() }), 'Exited'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

/** The person, when the caller may nominate them: 404 outside the caller's scope or township. */
async function nomineeInScope(c: Context<AppEnv>, personId: number, townshipId?: number) {
  const user = c.var.user;
  const person = await c.var.deps.db
    .selectFrom('people')
    .select(['id', 'name', 'birth_date', 'education', 'party_member', 'township_id', 'village_id'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person || (townshipId !== undefined && person.township_id !== townshipId)) throw fail('not_found');
  const visible =
    user.role === 'county_admin' ||
    ((user.role === 'township_officer' || user.role === 'township_secretary') &&
      user.townshipId === person.township_id) ||
    (user.role === 'village_secretary' && user.villageId === person.village_id) ||
    user.personId === person.id;
  if (!visible) throw fail('not_found');
  return person;
}

/** How long a use or exit right after 入库 waits for the intake to link the new cultivation. */
const LINK_WAIT_MS = 10_000;

/** A reserve the caller may use or exit, with its running cultivation. */
async function managedReserve(c: Context<AppEnv>, reserveId: number) {
  const user = c.var.user;
  const read = () =>
    c.var.deps.db
      .selectFrom('reserves')
      .select([
        'id',
        'person_id',
        'township_id',
        'status',
        'intake_workflow_id',
        'cultivation_workflow_id',
        'mentor_person_id',
      ])
      .where('id', '=', reserveId)
      .executeTakeFirst();
  let reserve = await read();
  if (!reserve || !seesTownship(user, reserve.township_id)) throw fail('not_found');
  if (user.role === 'village_secretary' && user.villageId == null) throw fail('not_found');
  if (!runsTownship(user, reserve.township_id)) throw fail('forbidden');
  // Just entered (试用期) from an intake: the intake starts the cultivation and links it a moment
  // after the status changes, so a use or exit sent at once waits for the link.
  for (const until = Date.now() + LINK_WAIT_MS; ;) {
    if (reserve.cultivation_workflow_id || reserve.status !== 'trial' || !reserve.intake_workflow_id) break;
    if (Date.now() >= until)
      throw conflictField(
        'status',
        '培养流程尚未就绪，请稍后再试',
        'the cultivation is not ready yet; try again shortly',
      );
    await new Promise((resolve) => setTimeout(resolve, 200));
    reserve = (await read())!;
  }
  if (!['trial', 'in_pool'].includes(reserve.status))
    throw conflictField('status', '该后备干部不在库中', 'the reserve is not in the pool');
  // A reserve on record from before qinglan has no cultivation to ask: its record is changed
  // directly, by the same rule the cultivation uses (recordedOnly below).
  if (!reserve.cultivation_workflow_id) {
    if (reserve.status !== 'in_pool')
      throw conflictField('status', '该后备干部没有进行中的培养流程', 'the reserve has no running cultivation');
    return { reserve, handle: null };
  }
  return { reserve, handle: c.var.deps.temporal.client.workflow.getHandle(reserve.cultivation_workflow_id) };
}

export function createReserveCultivationRoutes() {
  const app = createRouter();

  app.openapi(openIntake, async (c) => {
    const body = c.req.valid('json');
    const user = c.var.user;
    if (!seesTownship(user, body.townshipId)) throw fail('not_found');
    if (!runsTownship(user, body.townshipId)) throw fail('forbidden');
    const township = await c.var.deps.db
      .selectFrom('townships')
      .select('id')
      .where('id', '=', body.townshipId)
      .executeTakeFirst();
    if (!township) throw fail('not_found');
    const year = body.year ?? chinaYear();
    // The workflow reads the county's rules in force itself; it is given only what the officer chose.
    const rules = await currentReservePoolSettings(c.var.deps.db);
    const settings = {
      ...(body.windowDays !== undefined ? { windowDays: body.windowDays } : {}),
      exam: body.exam ?? true,
    };
    const { client, taskQueue, idPrefix = '' } = c.var.deps.temporal;
    const id = intakeId(idPrefix, year, body.townshipId);
    await client.workflow
      .start(reserveIntake, {
        taskQueue,
        workflowId: id,
        args: [{ year, townshipId: body.townshipId, startedBy: user.id, idPrefix, settings }],
      })
      .catch((error) => {
        if (error instanceof WorkflowExecutionAlreadyStartedError)
          throw conflictField('year', `${year} 年的推选已经开启`, 'this year’s intake is already open');
        throw error;
      });
    await writeAudit(c, {
      action: 'process.started',
      resource: 'processes',
      recordId: id,
      detail: { type: RESERVE_INTAKE, year },
    });
    return c.json({ id, year, windowDays: body.windowDays ?? rules.intakeWindowDays }, 201);
  });

  app.openapi(progress, async (c) => {
    const { townshipId, year = chinaYear() } = c.req.valid('query');
    const user = c.var.user;
    if (!seesTownship(user, townshipId)) throw fail('not_found');
    const { id, status, progress: p } = await intakeOf(c, year, townshipId);
    // A village secretary sees their own village's part.
    const mine = <T extends { villageId: number }>(rows: T[]) =>
      user.role === 'village_secretary' ? rows.filter((r) => r.villageId === user.villageId) : rows;
    const candidates = mine(p.candidates);
    return c.json(
      {
        id,
        status,
        ...p,
        villages: mine(p.villages).map((v) => ({
          ...v,
          byState: candidates
            .filter((x) => x.villageId === v.villageId)
            .reduce<Record<string, number>>((acc, x) => ({ ...acc, [x.state]: (acc[x.state] ?? 0) + 1 }), {}),
        })),
        candidates,
      },
      200,
    );
  });

  app.openapi(eligibility, async (c) => {
    const person = await nomineeInScope(c, c.req.valid('param').id);
    return c.json(await nomineeEligibility(c.var.deps.db, person, chinaDayOf()), 200);
  });

  app.openapi(nominate, async (c) => {
    const body = c.req.valid('json');
    const user = c.var.user;
    if (!['county_admin', 'township_officer', 'village_secretary', 'cadre'].includes(user.role))
      throw fail('forbidden');
    const person = await nomineeInScope(c, body.personId, body.townshipId);
    if (user.role === 'cadre' && (body.source !== 'self' || user.personId !== person.id)) throw fail('forbidden');
    const year = body.year ?? chinaYear();
    const intake = await intakeOf(c, year, body.townshipId);
    if (
      intake.status !== 'running' ||
      intake.progress.phase !== 'nominating' ||
      Date.now() >= Date.parse(intake.progress.windowEndsAt)
    )
      throw conflictField('year', '推荐窗口未开放或已关闭', 'the nomination window is not open');
    const active = await c.var.deps.db
      .selectFrom('reserves')
      .select('status')
      .where('person_id', '=', person.id)
      .where('status', 'not in', ['used', 'exited'])
      .executeTakeFirst();
    if (active)
      throw conflictField('personId', `${person.name} 已被推荐或已在后备干部库中`, 'already nominated or in the pool');
    const verdict = await nomineeEligibility(c.var.deps.db, person, chinaDayOf(intake.progress.openedAt));
    if (!verdict.eligible)
      throw new AppError(
        'ineligible',
        { status: 422, zh: `${person.name} 不符合后备干部资格条件`, en: 'The person does not meet the reserve rules' },
        verdict.reasons.map((r) => ({
          field: `eligibility.${r.rule}`,
          message: r.message_zh,
          messageEn: r.message_en,
        })),
      );
    const result = await c.var.deps.temporal.client.workflow.getHandle(intake.id).executeUpdate(nominateUpdate, {
      args: [
        {
          actor: actorOf(user),
          person: { personId: person.id, name: person.name, villageId: person.village_id },
          source: body.source,
          note: body.note,
        },
      ],
    });
    await writeAudit(c, {
      action: 'record.created',
      resource: 'reserves',
      recordId: result.reserveId,
      detail: { personId: person.id, source: body.source, intake: intake.id },
    });
    return c.json(result, 201);
  });

  app.openapi(importScores, async (c) => {
    const { townshipId, year = chinaYear() } = c.req.valid('query');
    const user = c.var.user;
    if (!seesTownship(user, townshipId)) throw fail('not_found');
    if (user.role !== 'township_officer' || user.townshipId !== townshipId) throw fail('forbidden');
    const bytes = await uploadedBytes(c);
    const intake = await intakeOf(c, year, townshipId);
    const task = await c.var.deps.db
      .selectFrom('tasks')
      .select('task_key')
      .where('process_id', '=', intake.id)
      .where('step_key', '=', 'exam')
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (!task) throw conflictField('file', '当前不在考试成绩录入环节', 'the intake is not waiting for exam scores');
    const rows = await parseExamSheet(bytes);
    const people = await c.var.deps.db
      .selectFrom('people')
      .select(['id', 'id_number', 'name'])
      .where(
        'id_number',
        'in',
        rows.map((r) => r.idNumber),
      )
      .execute();
    const byNumber = new Map(people.map((p) => [p.id_number, p]));
    const candidates = new Set(
      intake.progress.candidates.filter((x) => x.state === 'qualified').map((x) => x.personId),
    );
    const problems = rows.flatMap((r) => {
      const p = byNumber.get(r.idNumber);
      if (!p || !candidates.has(p.id))
        return [
          {
            field: `第${r.row}行 身份证号`,
            message: '不是本次推选的考试人选',
            messageEn: `row ${r.row}: not a candidate of this intake`,
          },
        ];
      if (r.name && r.name.replace(/\s+/g, '') !== p.name.replace(/\s+/g, ''))
        return [
          {
            field: `第${r.row}行 姓名`,
            message: '姓名与身份证号不符',
            messageEn: `row ${r.row}: the name does not match`,
          },
        ];
      return [];
    });
    if (problems.length) throw fail('validation_failed', problems);
    const scores = rows.map((r) => ({
      personId: byNumber.get(r.idNumber)!.id,
      written: r.written,
      interview: r.interview,
    }));
    await c.var.deps.temporal.client.workflow.getHandle(intake.id).executeUpdate(actOnTaskUpdate, {
      args: [{ taskKey: task.task_key, action: 'submit', actor: actorOf(user), form: { scores } }],
    });
    await writeAudit(c, {
      action: 'import.completed',
      resource: 'processes',
      recordId: intake.id,
      detail: { rows: rows.length },
    });
    return c.json({ imported: rows.length }, 200);
  });

  app.openapi(objection, async (c) => {
    const { townshipId, year = chinaYear(), personId, reason } = c.req.valid('json');
    if (!seesTownship(c.var.user, townshipId)) throw fail('not_found');
    const intake = await intakeOf(c, year, townshipId);
    return c.json(
      await c.var.deps.temporal.client.workflow
        .getHandle(intake.id)
        .executeUpdate(fileIntakeObjectionUpdate, { args: [{ actor: actorOf(c.var.user), personId, reason }] }),
      200,
    );
  });

  app.openapi(useReserve, async (c) => {
    const body = c.req.valid('json');
    const { reserve, handle } = await managedReserve(c, c.req.valid('param').id);
    const used = handle
      ? await handle.executeUpdate(useReserveUpdate, { args: [{ actor: actorOf(c.var.user), ...body }] })
      : await recordedOnly(c).use(reserve, body);
    await writeAudit(c, {
      action: 'record.updated',
      resource: 'reserves',
      recordId: reserve.id,
      detail: { post: body.post },
    });
    // As a newly elected cadre they get a mentor pairing, proposed to the township (process 1).
    let pairing: { id: string; title: string } | null = null;
    let pairingNote: string | null = null;
    if (!used.mentor) pairingNote = '该后备干部尚无培养导师，请在导师帮带中另行发起结对';
    else
      try {
        pairing = await startPairing(c, {
          menteePersonId: reserve.person_id,
          mentorPersonId: used.mentor.personId,
          reason: `后备干部使用为${body.post}，由培养导师继续帮带`,
        });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        pairingNote = `未能自动发起导师帮带：${error.fields?.[0]?.message ?? error.messageZh}`;
      }
    return c.json({ reserveId: reserve.id, pairing, pairingNote }, 200);
  });

  app.openapi(useRanking, async (c) =>
    c.json(await villageUseRanking(c.var.deps.db, c.var.user, c.req.valid('param').id), 200),
  );

  app.openapi(exitReserve, async (c) => {
    const body = c.req.valid('json');
    const { reserve, handle } = await managedReserve(c, c.req.valid('param').id);
    if (handle) await handle.executeUpdate(exitReserveUpdate, { args: [{ actor: actorOf(c.var.user), ...body }] });
    else await recordedOnly(c).exit(reserve, body);
    await writeAudit(c, { action: 'record.updated', resource: 'reserves', recordId: reserve.id, detail: { ...body } });
    return c.json({ reserveId: reserve.id }, 200);
  });

  return app;
}
