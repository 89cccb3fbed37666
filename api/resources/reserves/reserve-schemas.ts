import { z } from '@hono/zod-openapi';
import { EDUCATION_LEVELS, RESERVE_STATUSES } from '../../../db/schema.js';
import { idsFilter, searchFilter } from '../list-query.js';

const id = z.number().int().positive().max(2147483647);
const status = z.enum(RESERVE_STATUSES).openapi({
  description:
    'nominated 推荐中 / under_review 考察中 / on_notice 公示中 / trial 试用期 / in_pool 在库 / used 已使用 / exited 已退出',
});
const day = z.string().openapi({ example: '2026-03-01' });

export const ReserveSchema = z
  .object({
    id: z.number().int(),
    personId: z.number().int(),
    name: z.string(),
    gender: z.enum(['male', 'female']),
    birthDate: z.string().optional().openapi({ description: 'only when piiMasked is false' }),
    birthYear: z.number().int(),
    age: z.number().int(),
    idNumber: z.string().openapi({ description: '身份证号; masked unless piiMasked is false' }),
    phone: z.string().openapi({ description: '手机号; masked unless piiMasked is false' }),
    piiMasked: z.boolean(),
    education: z.enum(EDUCATION_LEVELS),
    partyMember: z.boolean(),
    townshipId: z.number().int(),
    townshipName: z.string(),
    villageId: z.number().int(),
    villageName: z.string(),
    relaxedAgeLimit: z.boolean(),
    status,
    source: z.enum(['organisation', 'mass', 'self', 'legacy']).openapi({
      description: 'organisation 组织推荐 / mass 群众推荐 / self 个人自荐 / legacy 启用前在库',
    }),
    intakeYear: z.number().int().nullable(),
    enteredOn: day.nullable().openapi({ description: '入库 (trial start)' }),
    mentorPersonId: z.number().int().nullable(),
    mentorName: z.string().nullable(),
    usedPost: z.string().nullable(),
    endedOn: day.nullable(),
    exitReason: z.string().nullable(),
    intakeWorkflowId: z.string().nullable(),
    cultivationWorkflowId: z.string().nullable(),
    lastMentorTalk: day.nullable(),
    lastSecretaryTalk: day.nullable(),
    lastReview: z.string().nullable().openapi({ description: 'pass 合格 / fail 不合格, the latest yearly review' }),
    agesOutOn: day.openapi({ description: 'the first day past the age limit (limit + 1 birthday)' }),
    mentorTalkDue: day.nullable(),
    secretaryTalkDue: day.nullable(),
    mentorTalkOverdue: z.boolean(),
    secretaryTalkOverdue: z.boolean(),
    ageingOut: z.boolean().openapi({ description: 'past the age limit within a year' }),
  })
  .openapi('Reserve');

export const ReserveStatusChangeSchema = z
  .object({
    id: z.number().int(),
    fromStatus: status.nullable(),
    toStatus: status,
    reason: z.string(),
    changedOn: day,
    actorName: z.string().nullable(),
    workflowId: z.string().nullable(),
  })
  .openapi('ReserveStatusChange');

export const ReserveRecordSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(['mentor_talk', 'secretary_talk', 'training', 'placement', 'review']).openapi({
      description:
        'mentor_talk 导师谈话 / secretary_talk 书记谈话 / training 培训 / placement 岗位锻炼 / review 年度考察',
    }),
    detail: z.string().nullable(),
    startedOn: day,
    endedOn: day.nullable(),
    note: z.string().nullable(),
    recordedByName: z.string().nullable(),
    workflowId: z.string().nullable(),
  })
  .openapi('ReserveRecord');

export const ReserveDetailSchema = ReserveSchema.extend({
  history: z.array(ReserveStatusChangeSchema),
  records: z.array(ReserveRecordSchema),
}).openapi('ReserveDetail');

export const ReserveFilter = z
  .object({
    q: searchFilter,
    townshipId: id.optional(),
    villageId: id.optional(),
    status: z.union([status, z.array(status).max(7)]).optional(),
    mentorPersonId: id.optional(),
    hasMentor: z.boolean().optional(),
    talksOverdue: z.boolean().optional(),
    ageingOut: z.boolean().optional(),
    personId: id.optional(),
    id: idsFilter,
  })
  .strict();

export const RESERVE_SORTS = [
  'id',
  'name',
  'age',
  'townshipId',
  'villageId',
  'villageName',
  'status',
  'enteredOn',
  'mentorName',
  'mentorTalkDue',
  'secretaryTalkDue',
  'agesOutOn',
] as const;
