// 后备干部人才库设置: everyone signed in reads the rules in force (a village secretary needs to
// know who may be nominated); only the county admin changes them, and each change is a new
// version kept beside the old ones.
import { createRoute, z } from '@hono/zod-openapi';
import { EDUCATION_LEVELS } from '../../../db/schema.js';
import { reservePoolSettingsSchema } from '../../../domain/reserve-pool-settings.js';
import {
  currentReservePoolSettingsVersion,
  reservePoolSettingsHistory,
  writeReservePoolSettings,
} from '../../../domain/reserve-pool-settings-store.js';
import { requireUser } from '../../auth/authenticate.js';
import { writeAudit } from '../../audit/audit.js';
import { conflictField, fail } from '../../errors/errors.js';
import { errorResponses, jsonResponse } from '../../openapi/responses.js';
import { createRouter } from '../../router.js';
import { plainText } from '../../validation/plain-text.js';
import { isUniqueViolation, jsonBody } from '../common.js';

const tags = ['county-settings 县级设置'];
const middleware = requireUser;

const count = z.number().int();
// The same fields as the domain schema, described for the API reference.
const SettingsValues = z
  .object({
    targetPerVillage: count.openapi({ description: '每村后备干部目标数 target reserves per village' }),
    ageLimit: count.openapi({ description: '年龄上限 age limit on the intake date (周岁)' }),
    relaxedAgeLimit: count.openapi({ description: '放宽村年龄上限 for villages marked relaxed_age_limit' }),
    minimumEducation: z.enum(EDUCATION_LEVELS).openapi({ description: '最低学历 (high_school: 高中/中专)' }),
    disqualifications: z.object({
      unqualifiedMemberYears: count.openapi({ description: '近 N 年内不合格党员; 0 = off' }),
      underInvestigation: z.boolean().openapi({ description: '正在接受立案审查' }),
      disciplinaryPeriod: z.boolean().openapi({ description: '处分影响期内' }),
    }),
    noticeWorkingDays: count.openapi({ description: '公示期 (working days)' }),
    trialMonths: count.openapi({ description: '试用期 (months)' }),
    mentorTalkMonths: count.openapi({ description: '导师谈话间隔 (months)' }),
    secretaryTalkMonths: count.openapi({ description: '乡镇党委书记谈话间隔 (months)' }),
    yearlyTrainingRequired: z.boolean().openapi({ description: '每年须参加培训' }),
    intakeWindowDays: count.openapi({ description: '推选窗口 (days)' }),
    minNominationsPerVillage: count.openapi({ description: '每村最少推荐人数' }),
    examWeights: z.object({ written: count, interview: count }).openapi({ description: '笔试 / 面试权重 (%)' }),
    shortlistRatio: count.openapi({ description: '入围比例 1:N' }),
  })
  .openapi('ReservePoolSettingsValues');

const Version = z
  .object({
    version: count.openapi({ description: '0: the built-in defaults, never changed' }),
    settings: SettingsValues,
    changedBy: count.nullable(),
    changedByName: z.string().nullable(),
    reason: z.string().nullable(),
    changedAt: z.string().nullable(),
  })
  .openapi('ReservePoolSettings');

const Change = z
  .object({
    settings: reservePoolSettingsSchema,
    reason: plainText().max(200).optional().openapi({ description: '修改原因' }),
    /** The version the admin edited: a change made meanwhile by someone else is not overwritten. */
    baseVersion: count.min(0).openapi({ description: 'the version the change was made from' }),
  })
  .strict()
  .openapi('ReservePoolSettingsChange');

const routes = {
  current: createRoute({
    method: 'get',
    path: '/reserve-pool',
    tags,
    middleware,
    summary: 'The reserve pool settings in force (后备干部人才库设置)',
    responses: { 200: jsonResponse(Version, 'The version in force'), ...errorResponses(401) },
  }),
  history: createRoute({
    method: 'get',
    path: '/reserve-pool/versions',
    tags,
    middleware,
    summary: 'Every version of the reserve pool settings, newest first',
    responses: { 200: jsonResponse(z.array(Version), 'Versions'), ...errorResponses(401) },
  }),
  change: createRoute({
    method: 'put',
    path: '/reserve-pool',
    tags,
    middleware,
    summary: 'Store a new version of the reserve pool settings (county admin)',
    request: jsonBody(Change),
    responses: { 200: jsonResponse(Version, 'The new version'), ...errorResponses(400, 401, 403, 409, 413) },
  }),
};

const staleVersion = () =>
  conflictField(
    'baseVersion',
    '设置已被他人修改，请刷新后重试',
    'the settings were changed meanwhile; reload and retry',
  );

export function createCountySettingsRoutes() {
  const app = createRouter();

  app.openapi(routes.current, async (c) => c.json(await currentReservePoolSettingsVersion(c.var.deps.db), 200));

  app.openapi(routes.history, async (c) => c.json(await reservePoolSettingsHistory(c.var.deps.db), 200));

  app.openapi(routes.change, async (c) => {
    if (c.var.user.role !== 'county_admin') throw fail('forbidden');
    const { settings, reason, baseVersion } = c.req.valid('json');
    const db = c.var.deps.db;
    const current = await currentReservePoolSettingsVersion(db);
    if (current.version !== baseVersion) throw staleVersion();
    const version = await writeReservePoolSettings(db, {
      settings,
      changedBy: c.var.user.id,
      reason: reason ?? null,
    }).catch((e) => {
      throw isUniqueViolation(e) ? staleVersion() : e;
    });
    await writeAudit(c, {
      action: 'record.updated',
      resource: 'county-settings',
      recordId: `reserve_pool@${version}`,
      detail: { from: current.version, to: version, settings, reason },
    });
    return c.json(await currentReservePoolSettingsVersion(db), 200);
  });

  return app;
}
