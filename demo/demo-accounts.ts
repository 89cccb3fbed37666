// The demo accounts worth trying first, one per role, as shown in the README and on the
// sign-in page of a demo installation. The test beside this file checks each against the
// generated county, so the list cannot drift from the data.
import type { Role } from '../db/schema.js';

/** Every demo account signs in with this password. */
export const DEMO_PASSWORD = 'demo';

export interface DemoAccount {
  username: string;
  role: Role;
  /** What the account sees, in Chinese (the console's default language). */
  sees: string;
  seesEn: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'admin',
    role: 'county_admin',
    sees: '全县：28 个乡镇(街道)、413 个村(社区)、全部人员与流程，定义流程、发起考核与招录',
    seesEn: 'the whole county: 28 townships, 413 villages, every person and process',
  },
  {
    username: 'auditor',
    role: 'auditor',
    sees: '全县流程历史与审计日志，只读',
    seesEn: 'every process history and the audit log, read-only',
  },
  {
    username: 'officer-01',
    role: 'township_officer',
    sees: '漳江镇：本镇的村(社区)、人员、导师帮带结对与年度考核',
    seesEn: 'one township (漳江镇): its villages, people, mentor pairings and assessments',
  },
  {
    username: 'secretary-01',
    role: 'township_secretary',
    sees: '漳江镇：审批结对、考核评分与排名、提醒谈话',
    seesEn: 'one township (漳江镇): approves pairings, scores assessments, holds reminder talks',
  },
  {
    username: 'village-001',
    role: 'village_secretary',
    sees: '本村(社区)：两委成员、后备干部推荐、干部评议',
    seesEn: 'one village: its two committees, reserve nominations, cadre reviews',
  },
  {
    username: 'mentor-001',
    role: 'mentor',
    sees: '自己帮带的新任干部：成长计划、定期交流、期中与期满评价',
    seesEn: 'own mentees: growth plans, monthly exchanges, reviews',
  },
  {
    username: 'cadre-0001',
    role: 'cadre',
    sees: '只看自己的记录与待办：述职自评、成长计划、报名申请',
    seesEn: 'own records and tasks only: self-reports, growth plan, applications',
  },
];
