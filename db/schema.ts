// Table types for Kysely. Column names are snake_case in SQL and here alike, so a query
// reads the same in psql and in code.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type DateOnly = ColumnType<string, string, string>; // 'YYYY-MM-DD', kept as text in JS

/** 乡镇 / 街道 */
export interface TownshipTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: 'township' | 'subdistrict';
  created_at: CreatedAt;
}

/** 村 / 社区 */
export interface VillageTable {
  id: Generated<number>;
  code: string;
  township_id: number;
  name: string;
  kind: 'village' | 'community';
  area: 'rural' | 'urban';
  /** Marked by the county for relaxed age limits (e.g. 45 instead of 40 for reserves). */
  relaxed_age_limit: Generated<boolean>;
  created_at: CreatedAt;
}

export const EDUCATION_LEVELS = ['junior_high', 'high_school', 'vocational', 'college', 'bachelor', 'master'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** A person on the county's roster: village cadres (村干部), reserves (后备干部), mentors (导师). */
export interface PersonTable {
  id: Generated<number>;
  name: string;
  gender: 'male' | 'female';
  birth_date: DateOnly;
  /** 身份证号: personal data, masked unless the role needs it. */
  id_number: string;
  /** 手机号: personal data, masked unless the role needs it. */
  phone: string;
  education: EducationLevel;
  party_member: boolean;
  township_id: number;
  village_id: number;
  /** 新任村(社区)干部, elected in the last two-committee election. */
  newly_elected: Generated<boolean>;
  /** 导师 */
  is_mentor: Generated<boolean>;
  created_at: CreatedAt;
}

/** 村党组织 / 村(居)委会 / 党建联络员 (a post the township gives a village, outside the two committees). */
export const COMMITTEES = ['party_branch', 'villagers_committee', 'party_liaison'] as const;
export const POSITION_TITLES = [
  'secretary',
  'deputy_secretary',
  'director',
  'deputy_director',
  'member',
  'liaison_officer', // 党建联络员, with the committee party_liaison
] as const;

/** A seat in one of the two committees (村(社区)"两委"), with its term. */
export interface PositionTable {
  id: Generated<number>;
  person_id: number;
  committee: (typeof COMMITTEES)[number];
  title: (typeof POSITION_TITLES)[number];
  term_start: DateOnly;
  term_end: DateOnly;
}

export const ROLES = [
  'county_admin', // 县委组织部
  'township_officer', // 乡镇党委组织委员
  'township_secretary', // 乡镇党委书记
  'village_secretary', // 村党组织书记
  'mentor', // 导师
  'cadre', // 村干部 / 后备干部
  'auditor', // 审计 (read-only)
] as const;
export type Role = (typeof ROLES)[number];

export interface UserTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  display_name: string;
  role: Role;
  township_id: number | null;
  village_id: number | null;
  person_id: number | null;
  active: Generated<boolean>;
  email: string | null;
  created_at: CreatedAt;
}

export interface SessionTable {
  /** sha256 of the token; the token itself is never stored. */
  id: string;
  user_id: number;
  csrf_token: string;
  kind: 'cookie' | 'bearer';
  created_at: CreatedAt;
  expires_at: Date;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: CreatedAt;
  user_id: number | null;
  username: string | null;
  action: string;
  resource: string | null;
  record_id: string | null;
  detail: ColumnType<Record<string, unknown>, string | undefined, never>;
  ip: string | null;
  request_id: string | null;
}

type Json<T = Record<string, unknown>> = ColumnType<T, string | undefined, string>;

/**
 * Every way a process stands: running, 异常 (waiting on the county after an activity failed),
 * then the ends; the last three only written from Temporal's record.
 */
export const PROCESS_STATUSES = [
  'running',
  'incident',
  'completed',
  'rejected',
  'ended_early',
  'cancelled',
  'terminated',
  'failed',
  'timed_out',
] as const;
export type ProcessStatus = (typeof PROCESS_STATUSES)[number];

/** One started process (a workflow run): the read model behind lists and scope. */
export interface ProcessTable {
  id: string;
  type: string;
  title: string;
  township_id: number | null;
  village_id: number | null;
  subject_person_id: number | null;
  status: Generated<ProcessStatus>;
  current_step: string | null;
  started_by: number | null;
  started_at: CreatedAt;
  ended_at: Date | null;
  params: Json;
  outcome: Json | null;
}

export type TaskStatus = 'open' | 'done' | 'cancelled';

/** A human step waiting on someone (待办), or done. */
export interface TaskTable {
  id: Generated<number>;
  task_key: string;
  process_id: string;
  process_type: string;
  step_key: string;
  step_name: string;
  round: Generated<number>;
  form: string;
  actions: Json<string[]>;
  assignee_user_id: number | null;
  assignee_role: Role | null;
  assignee_township_id: number | null;
  assignee_village_id: number | null;
  township_id: number | null;
  village_id: number | null;
  status: Generated<TaskStatus>;
  due_at: Date;
  escalation_level: Generated<number>;
  context: Json;
  decision: Json | null;
  decided_by: number | null;
  decided_at: Date | null;
  created_at: CreatedAt;
}

export interface TaskEventTable {
  id: Generated<string>;
  event_key: string;
  process_id: string;
  task_id: number | null;
  at: Date | string;
  actor_user_id: number | null;
  action: string;
  comment: string | null;
  detail: Json;
}

export interface NotificationTable {
  id: Generated<string>;
  notification_key: string;
  user_id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  task_id: number | null;
  created_at: CreatedAt;
  read_at: Date | null;
}

export interface WebhookTable {
  id: Generated<number>;
  township_id: number | null;
  kind: 'dingtalk' | 'wecom';
  url: string;
  secret: string | null;
  active: Generated<boolean>;
}

export interface CalendarOverrideTable {
  day: DateOnly;
  kind: 'holiday' | 'workday';
  name: string;
}

export interface DelegationTable {
  id: Generated<number>;
  user_id: number;
  delegate_user_id: number;
  starts_on: DateOnly;
  ends_on: DateOnly;
  reason: string | null;
}

export interface AssessmentResultTable {
  year: number;
  person_id: number;
  township_id: number;
  version: number;
  total: ColumnType<string | null, number | null, number | null>;
  grade: string | null;
  rank: number | null;
  top: Generated<boolean>;
  bottom: Generated<boolean>;
  missing_step: string | null;
  scores: Json;
  final: Generated<boolean>;
  recorded_at: CreatedAt;
}

/** 公示: one per township and year, written when the township officer publishes the ranking. */
export interface AssessmentNoticeTable {
  year: number;
  township_id: number;
  opened_at: ColumnType<Date, Date | string, Date | string>;
  ends_at: ColumnType<Date, Date | string, Date | string>;
  published_by: number | null;
  recorded_at: CreatedAt;
}

export type IncidentStatus = 'open' | 'retried' | 'cancelled' | 'closed';

/** An activity that failed past its retry policy; its workflow waits (see migration 0009). */
export interface IncidentTable {
  id: Generated<number>;
  incident_key: string;
  process_id: string;
  activity: string;
  step: string | null;
  error_type: string;
  error_message: string;
  non_retryable: Generated<boolean>;
  timed_out: Generated<boolean>;
  attempts: number | null;
  first_failed_at: Date;
  failed_at: Date;
  status: Generated<IncidentStatus>;
  resolved_by: number | null;
  resolved_at: Date | null;
  reason: string | null;
}

/** A telling a process's end still owes another workflow (see migration 0013). */
export interface OwedTellingTable {
  process_id: string;
  closed: Json;
  actor: Json | null;
  owed_at: Generated<Date>;
  attempts: Generated<number>;
  last_error: string | null;
  told_at: Date | null;
}

export type BulkAction = 'cancel' | 'terminate' | 'retry' | 'urge';
export type BulkItemStatus = 'pending' | 'succeeded' | 'skipped' | 'failed';

/** 批量操作: one action over the processes a filter matched (see migration 0010). */
export interface BulkOperationTable {
  id: Generated<number>;
  request_id: string;
  created_by: number;
  action: BulkAction;
  filter: Json;
  reason: string | null;
  status: Generated<'running' | 'done'>;
  total: number;
  ip: string | null;
  lease_until: Date | null;
  created_at: CreatedAt;
  finished_at: Date | null;
}

export interface BulkOperationItemTable {
  operation_id: number;
  position: number;
  process_id: string;
  status: Generated<BulkItemStatus>;
  message: string | null;
  finished_at: Date | null;
}

/** An email or group-robot message a notification owes; pending until sent (see migration 0005). */
export interface NotificationDeliveryTable {
  id: Generated<number>;
  notification_key: string;
  target: string;
  channel: 'email' | 'webhook';
  payload: Json;
  status: Generated<'pending' | 'sent' | 'refused' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  created_at: CreatedAt;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export const RESERVE_STATUSES = [
  'nominated',
  'under_review',
  'on_notice',
  'trial',
  'in_pool',
  'used',
  'exited',
] as const;
/** 推荐中 → 考察中 → 公示中 → 试用期 → 在库 → 已使用 | 已退出 */
export type ReserveStatus = (typeof RESERVE_STATUSES)[number];
/** 组织推荐 / 群众推荐 / 个人自荐, or on record before the pool was kept here. */
export type ReserveSource = 'organisation' | 'mass' | 'self' | 'legacy';

/** 后备干部: a person's entry in the reserve pool (see migration 0006). */
export interface ReserveTable {
  id: Generated<number>;
  person_id: number;
  township_id: number;
  village_id: number;
  status: ReserveStatus;
  source: ReserveSource;
  intake_year: number | null;
  entered_on: DateOnly | null;
  mentor_person_id: number | null;
  used_post: string | null;
  ended_on: DateOnly | null;
  exit_reason: string | null;
  intake_workflow_id: string | null;
  cultivation_workflow_id: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ReserveStatusChangeTable {
  id: Generated<number>;
  reserve_id: number;
  from_status: ReserveStatus | null;
  to_status: ReserveStatus;
  reason: string;
  changed_on: DateOnly;
  actor_user_id: number | null;
  workflow_id: string | null;
  recorded_at: CreatedAt;
}

export type ReserveRecordKind = 'mentor_talk' | 'secretary_talk' | 'training' | 'placement' | 'review';

/** 导师谈话 / 书记谈话 / 培训 / 跟班学习·挂职·助理 / 年度考察 */
export interface ReserveRecordTable {
  id: Generated<number>;
  reserve_id: number;
  kind: ReserveRecordKind;
  detail: string | null;
  started_on: DateOnly;
  ended_on: DateOnly | null;
  note: string | null;
  recorded_by: number | null;
  workflow_id: string | null;
  record_key: string | null;
  recorded_at: CreatedAt;
}

/** One version of a county rule set; the highest version of a topic is in force. */
export interface CountySettingTable {
  topic: string;
  version: number;
  values: Json;
  changed_by: number | null;
  reason: string | null;
  changed_at: CreatedAt;
}

export type DisciplineKind = 'unqualified_member' | 'under_investigation' | 'disciplinary_period';

/** 不合格党员 / 立案审查 / 处分影响期 */
export interface DisciplineRecordTable {
  id: Generated<number>;
  person_id: number;
  kind: DisciplineKind;
  starts_on: DateOnly;
  ends_on: DateOnly | null;
  note: string | null;
  created_at: CreatedAt;
}

/** View (migration 0007): the people who are reserves now, in 试用期 or 在库. Read-only. */
export interface ReservePersonView {
  person_id: number;
  reserve_id: number;
  township_id: number;
  village_id: number;
  status: ReserveStatus;
  entered_on: DateOnly | null;
  mentor_person_id: number | null;
}

export type CampaignStatus = 'draft' | 'published' | 'closed' | 'cancelled';

/** 定向考录 campaign (see migration 0008): a draft until published (公告), then its rules are frozen. */
export interface RecruitmentCampaignTable {
  id: Generated<number>;
  year: number;
  title: string;
  status: Generated<CampaignStatus>;
  /** The frozen rules version of a published campaign; null while a draft. */
  rules_version: number | null;
  workflow_id: string | null;
  created_by: number | null;
  published_by: number | null;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: CreatedAt;
}

/** One version of a campaign's rules (domain/recruitment-rules.ts). */
export interface RecruitmentCampaignRulesTable {
  campaign_id: number;
  version: number;
  rules: Json;
  changed_by: number | null;
  reason: string | null;
  changed_at: CreatedAt;
}

export const RECRUITMENT_POST_KINDS = ['civil_service', 'public_institution'] as const;
/** 乡镇公务员 / 事业编制 */
export type RecruitmentPostKind = (typeof RECRUITMENT_POST_KINDS)[number];

/** 招录职位 with its places. */
export interface RecruitmentPositionTable {
  id: Generated<number>;
  campaign_id: number;
  kind: RecruitmentPostKind;
  name: string;
  places: number;
  created_at: CreatedAt;
}

export const APPLICATION_STATUSES = [
  'applied', // 已报名
  'recommended', // 乡镇党委已推荐
  'not_recommended', // 乡镇党委未推荐
  'qualified', // 资格复审通过
  'disqualified', // 资格复审未通过, or an objection upheld during the 公示
  'written_failed', // 笔试未达合格线 or absent
  'not_shortlisted', // 未入围面试
  'shortlisted', // 入围面试
  'interview_failed', // 面试未达合格线 or absent
  'ranked', // 总成绩排名
  'inspection', // 体检 / 考察
  'inspection_failed', // 体检或考察不合格
  'proposed', // 拟录用公示
  'hired', // 录用, in probation (试用期)
  'confirmed', // 试用期满考核合格, 转正
  'probation_failed', // 试用期考核不合格
  'not_selected', // 名额已满
  'withdrawn', // 放弃
  'cancelled', // 考录方案已撤销 before the application reached an outcome
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** One person's application to one campaign (unique per campaign and person). */
export interface RecruitmentApplicationTable {
  id: Generated<number>;
  campaign_id: number;
  position_id: number;
  person_id: number;
  township_id: number;
  village_id: number;
  status: ApplicationStatus;
  /** Failed rules at application, each { rule, message_zh, message_en }. */
  eligibility: Json<unknown[]>;
  rules_version: number;
  total: ColumnType<string | null, number | null | undefined, number | null>;
  rank: number | null;
  hired_on: DateOnly | null;
  probation_ends_on: DateOnly | null;
  /** 最低服务年限 at township level: the first day the hire may leave. */
  serves_until: DateOnly | null;
  registered_by: number | null;
  workflow_id: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** 笔试 / 面试 score; absent (缺考) without a score. */
export interface RecruitmentScoreTable {
  application_id: number;
  exam: 'written' | 'interview';
  score: ColumnType<string | null, number | null, number | null>;
  absent: Generated<boolean>;
  source: string | null;
  recorded_by: number | null;
  recorded_at: CreatedAt;
}

/** 加分: a county (县级) or prefecture (市级) award, recorded with its source. */
export interface RecruitmentBonusPointTable {
  id: Generated<number>;
  application_id: number;
  level: 'county' | 'prefecture';
  points: ColumnType<string, number, number>;
  source: string;
  awarded_on: DateOnly | null;
  recorded_by: number | null;
  recorded_at: CreatedAt;
}

export interface RecruitmentStatusChangeTable {
  id: Generated<number>;
  application_id: number;
  from_status: ApplicationStatus | null;
  to_status: ApplicationStatus;
  reason: string;
  changed_on: DateOnly;
  actor_user_id: number | null;
  workflow_id: string | null;
  change_key: string | null;
  recorded_at: CreatedAt;
}

export interface Database {
  recruitment_campaigns: RecruitmentCampaignTable;
  recruitment_campaign_rules: RecruitmentCampaignRulesTable;
  recruitment_positions: RecruitmentPositionTable;
  recruitment_applications: RecruitmentApplicationTable;
  recruitment_scores: RecruitmentScoreTable;
  recruitment_bonus_points: RecruitmentBonusPointTable;
  recruitment_status_changes: RecruitmentStatusChangeTable;
  reserve_people: ReservePersonView;
  reserves: ReserveTable;
  reserve_status_changes: ReserveStatusChangeTable;
  reserve_records: ReserveRecordTable;
  county_settings: CountySettingTable;
  discipline_records: DisciplineRecordTable;
  notification_deliveries: NotificationDeliveryTable;
  assessment_results: AssessmentResultTable;
  assessment_notices: AssessmentNoticeTable;
  processes: ProcessTable;
  incidents: IncidentTable;
  owed_tellings: OwedTellingTable;
  bulk_operations: BulkOperationTable;
  bulk_operation_items: BulkOperationItemTable;
  tasks: TaskTable;
  task_events: TaskEventTable;
  notifications: NotificationTable;
  webhooks: WebhookTable;
  calendar_overrides: CalendarOverrideTable;
  delegations: DelegationTable;
  townships: TownshipTable;
  villages: VillageTable;
  people: PersonTable;
  positions: PositionTable;
  users: UserTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
}

export type Township = Selectable<TownshipTable>;
export type Village = Selectable<VillageTable>;
export type Person = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type PersonUpdate = Updateable<PersonTable>;
export type User = Selectable<UserTable>;
